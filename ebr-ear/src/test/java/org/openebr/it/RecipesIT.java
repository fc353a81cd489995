package org.openebr.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.openebr.it.Api.q;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Master recipes on the real server through the API: import of the reference process, the two
 * signatures (author, independent approver) and the effective date, what only an effective version
 * allows, new versions with their diff, export/import, every refusal, and the demo data script
 * {@code bin/ebr start} runs.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class RecipesIT {

    static final Path REFERENCE = Path.of("..", "ebr-ejb", "src", "main", "resources", "demo", "recipe-DEMOPROFEN-10-2ML.json");

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.earWithProbe(); // the recipe timer runs through its probe, at the moment a test names
    }

    @ArquillianResource
    URL contextRoot;

    Http http;
    People people;

    @BeforeEach
    void clients() {
        http = new Http(contextRoot);
        people = new People(http);
    }

    @Test
    @Tag("PR-211.186-1")
    @Tag("P11-10f-2")
    void the_reference_recipe_is_approved_by_its_author_and_an_independent_approver_and_only_then_executable()
            throws Exception {
        String author = author();
        String approver = approver();
        String recipe = uniqueId();

        HttpResponse<String> imported = people.api(author).post("api/v1/recipes/import?reason=new%20product", reference(recipe));

        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(201);
        JsonObject draft = Api.object(imported);
        assertThat(draft.getString("status")).isEqualTo("DRAFT");
        assertThat(draft.getInt("version")).isEqualTo(1);
        assertThat(draft.getString("contentHash")).matches("[0-9a-f]{64}");
        assertThat(imported.headers().firstValue("Location").orElseThrow()).endsWith("/recipes/" + recipe + "/versions/1");
        assertThat(notExecutable(author, recipe)).contains("no effective version"); // a draft: refused

        assertThat(people.sign(approver, "RECIPE_VERSION", recipe + ":1", "APPROVED").statusCode()).isEqualTo(403);
        HttpResponse<String> submitted = people.sign(author, "RECIPE_VERSION", recipe + ":1", "PERFORMED");
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(201);
        assertThat(status(author, recipe, 1)).isEqualTo("IN_REVIEW");
        assertThat(notExecutable(author, recipe)).contains("no effective version");

        HttpResponse<String> approved = people.sign(approver, "RECIPE_VERSION", recipe + ":1", "APPROVED");
        assertThat(approved.statusCode()).as(approved.body()).isEqualTo(201);
        assertThat(status(author, recipe, 1)).isEqualTo("APPROVED");
        assertThat(notExecutable(author, recipe)).contains("no effective version"); // approved is not yet effective

        HttpResponse<String> effective = people.api(approver).post("api/v1/recipes/" + recipe + "/versions/1/effective",
                "{\"reason\":\"released for production\"}");
        assertThat(effective.statusCode()).as(effective.body()).isEqualTo(200);
        assertThat(Api.object(effective).getString("status")).isEqualTo("EFFECTIVE");
        assertThat(Api.object(effective).getString("effectiveFrom")).isNotBlank();

        JsonObject executable = people.api(author).getJson("api/v1/recipes/" + recipe + "/effective");
        assertThat(executable.getInt("version")).isEqualTo(1);
        assertThat(executable.getString("contentHash")).isEqualTo(draft.getString("contentHash"));

        JsonArray signatures = Api.array(people.api(author).get("api/v1/signatures?recordType=RECIPE_VERSION&recordId="
                + recipe + ":1"));
        assertThat(signatures).hasSize(2);
        assertThat(signatures.getValuesAs(JsonObject.class)).extracting(s -> s.getString("meaning") + " " + s.getString("userName")
                + " " + s.getBoolean("valid")).containsExactly("PERFORMED " + author + " true", "APPROVED " + approver + " true");

        // the approval verifies without OpenEBR, and covers the recipe's content hash
        String approval = Api.object(approved).getString("id");
        Path bundle = SignatureBundles.unpack(people.api(author).getBytes("api/v1/signatures/" + approval + "/bundle").body());
        SignatureBundles.verifiesWithOpenssl(bundle, bundle.resolve("ca.pem"));
        assertThat(Files.readString(bundle.resolve("record.json"))).contains(draft.getString("contentHash"))
                .contains("\"meaning\":\"APPROVED\"").contains("\"recordType\":\"RECIPE_VERSION\"");

        // every step is in the audit trail, each with who, role, command and reason, and the trail is intact
        Api inspector = Api.demo(http, "inspector1");
        JsonArray history = Api.array(inspector.get("api/v1/audit/records/RecipeVersion/" + draft.getString("id")));
        assertThat(history.getValuesAs(JsonObject.class)).extracting(e -> e.getString("userName") + " | "
                + e.getString("actingRole") + " | " + e.getString("command") + " | " + e.getString("reason"))
                .containsExactly(
                        author + " | RECIPE_AUTHOR | Import recipe " + recipe + " as version 1 | new product",
                        author + " | RECIPE_AUTHOR | Sign RECIPE_VERSION " + recipe + ":1 as PERFORMED: submitted for review"
                                + " | author's signature (PERFORMED)",
                        approver + " | RECIPE_APPROVER | Sign RECIPE_VERSION " + recipe + ":1 as APPROVED: approved"
                                + " | approver's signature (APPROVED)",
                        approver + " | RECIPE_APPROVER | Make recipe " + recipe + " version 1 effective | released for production");
        JsonObject verification = inspector.getJson("api/v1/audit/verification");
        assertThat(verification.getJsonArray("problems").toString()).doesNotContain("recipe_version");
    }

    @Test
    @Tag("PR-211.186-1")
    @Tag("negative")
    void nobody_approves_a_version_they_wrote_even_holding_both_roles() {
        String both = people.signer("Bea Both", "RECIPE_AUTHOR", "RECIPE_APPROVER");
        String coAuthor = people.signer("Cai Coauthor", "RECIPE_AUTHOR", "RECIPE_APPROVER");
        String recipe = uniqueId();
        assertThat(people.api(both).post("api/v1/recipes/import", reference(recipe)).statusCode()).isEqualTo(201);
        // what the first author is shown for signing, before a second author saves the draft (they wrote it too)
        String seen = people.api(both).getJson("api/v1/signatures/record-hash?recordType=RECIPE_VERSION&recordId="
                + recipe + ":1").getString("recordSha256");
        String document = people.api(both).get("api/v1/recipes/" + recipe + "/versions/1").body();
        HttpResponse<String> saved = people.api(coAuthor).put("api/v1/recipes/" + recipe + "/versions/1",
                draftChange(1, "wording of the mixing step", document.replace("Mix 30 min at 200 rpm", "Mix 30 min at 200 rpm, vortex visible")));
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
        Api signer = people.api(both);
        HttpResponse<String> unseen = signer.post("api/v1/signatures", "{\"recordType\":\"RECIPE_VERSION\",\"recordId\":"
                + q(recipe + ":1") + ",\"meaning\":\"PERFORMED\",\"userName\":" + q(both) + ",\"password\":"
                + q(People.PASSWORD) + ",\"nonce\":" + q(People.nonce(signer)) + ",\"recordSha256\":" + q(seen) + "}");
        assertThat(unseen.statusCode()).as(unseen.body()).isEqualTo(409);
        assertThat(unseen.body()).contains("changed since it was shown to you");
        HttpResponse<String> submitted = people.sign(both, "RECIPE_VERSION", recipe + ":1", "PERFORMED");
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(201);

        HttpResponse<String> own = people.sign(both, "RECIPE_VERSION", recipe + ":1", "APPROVED");
        HttpResponse<String> coWritten = people.sign(coAuthor, "RECIPE_VERSION", recipe + ":1", "APPROVED");

        assertThat(own.statusCode()).isEqualTo(403);
        assertThat(own.body()).contains("You wrote version 1").contains("independent second person");
        // the same version under another spelling of its record id is no record at all
        assertThat(people.sign(both, "RECIPE_VERSION", recipe + ":01", "APPROVED").statusCode()).isEqualTo(404);
        assertThat(people.sign(both, "RECIPE_VERSION", recipe + ":+1", "APPROVED").statusCode()).isEqualTo(404);
        assertThat(coWritten.statusCode()).isEqualTo(403);
        assertThat(coWritten.body()).contains("You wrote version 1");
        assertThat(status(both, recipe, 1)).isEqualTo("IN_REVIEW");
    }

    @Test
    @Tag("A11-10-1")
    @Tag("P11-10f-2")
    @Tag("negative")
    void an_effective_version_never_changes_a_change_is_a_new_version_reviewed_by_its_diff() {
        String author = author();
        String approver = approver();
        String recipe = uniqueId();
        effectiveVersion(author, approver, recipe, reference(recipe));
        String v1 = people.api(author).get("api/v1/recipes/" + recipe + "/versions/1").body();

        HttpResponse<String> edited = people.api(author).put("api/v1/recipes/" + recipe + "/versions/1",
                draftChange(1, "widen pH", v1.replace("\"upper\": 7.2", "\"upper\": 7.3")));
        assertThat(edited.statusCode()).isEqualTo(409);
        assertThat(edited.body()).contains("is EFFECTIVE").contains("Make a new version");

        HttpResponse<String> next = people.api(author).post("api/v1/recipes/" + recipe + "/versions",
                "{\"basedOn\":1,\"reason\":\"CC-2026-041: pH upper action limit 7.3\"}");
        assertThat(next.statusCode()).as(next.body()).isEqualTo(201);
        assertThat(Api.object(next).getInt("version")).isEqualTo(2);
        String v2 = people.api(author).get("api/v1/recipes/" + recipe + "/versions/2").body();
        assertThat(v2).contains("\"version\": 2");
        HttpResponse<String> changed = people.api(author).put("api/v1/recipes/" + recipe + "/versions/2",
                draftChange(1, "CC-2026-041", v2.replace("\"upper\": 7.2", "\"upper\": 7.3")));
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        assertThat(Api.object(changed).getInt("draftRevision")).isEqualTo(2);
        HttpResponse<String> stale = people.api(author).put("api/v1/recipes/" + recipe + "/versions/2",
                draftChange(1, "a second edit from an old copy", v2));
        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(stale.body()).contains("saved by someone else");

        JsonObject diff = people.api(approver).getJson("api/v1/recipes/" + recipe + "/versions/1/diff/2");
        assertThat(diff.getInt("changed")).isEqualTo(1);
        assertThat(diff.getInt("added") + diff.getInt("removed") + diff.getInt("moved")).isZero();
        JsonObject change = diff.getJsonArray("changes").getJsonObject(0);
        assertThat(List.of(change.getString("kind"), change.getString("element"), change.getString("id"),
                change.getString("field"), change.getString("before"), change.getString("after")))
                .containsExactly("CHANGED", "STEP", "ph", "numeric.upper", "7.2", "7.3");
        assertThat(change.getString("path")).isEqualTo("compounding / ph_control / ph");

        assertThat(people.sign(author, "RECIPE_VERSION", recipe + ":2", "PERFORMED").statusCode()).isEqualTo(201);
        assertThat(people.sign(approver, "RECIPE_VERSION", recipe + ":2", "APPROVED").statusCode()).isEqualTo(201);
        assertThat(people.api(approver).post("api/v1/recipes/" + recipe + "/versions/2/effective",
                "{\"reason\":\"CC-2026-041 approved\"}").statusCode()).isEqualTo(200);

        assertThat(status(author, recipe, 1)).isEqualTo("SUPERSEDED");
        assertThat(status(author, recipe, 2)).isEqualTo("EFFECTIVE");
        assertThat(people.api(author).getJson("api/v1/recipes/" + recipe + "/effective").getInt("version")).isEqualTo(2);
        // the signatures of version 1 stay valid: its content never changed
        assertThat(Api.array(people.api(author).get("api/v1/signatures?recordType=RECIPE_VERSION&recordId=" + recipe + ":1"))
                .getValuesAs(JsonObject.class)).allMatch(s -> s.getBoolean("valid"));
    }

    @Test
    @Tag("P11-10f-2")
    @Tag("A11-4.7-1")
    void an_approved_version_becomes_effective_at_its_date_not_before() {
        String author = author();
        String approver = approver();
        String recipe = uniqueId();
        HttpResponse<String> imported = people.api(author).post("api/v1/recipes/import", reference(recipe));
        assertThat(imported.statusCode()).isEqualTo(201);
        assertThat(people.sign(author, "RECIPE_VERSION", recipe + ":1", "PERFORMED").statusCode()).isEqualTo(201);
        assertThat(people.sign(approver, "RECIPE_VERSION", recipe + ":1", "APPROVED").statusCode()).isEqualTo(201);

        HttpResponse<String> past = people.api(approver).post("api/v1/recipes/" + recipe + "/versions/1/effective",
                "{\"effectiveFrom\":\"2020-01-01T00:00:00Z\",\"reason\":\"backdated\"}");
        assertThat(past.statusCode()).isEqualTo(422);
        assertThat(past.body()).contains("is in the past");
        // far enough ahead that the scheduled timer never gets there during the test: the probe runs it at the date
        java.time.Instant from = java.time.Instant.now().plus(java.time.Duration.ofHours(1))
                .truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        HttpResponse<String> planned = people.api(approver).post("api/v1/recipes/" + recipe + "/versions/1/effective",
                "{\"effectiveFrom\":\"" + from + "\",\"reason\":\"effective at the start of the campaign\"}");
        assertThat(planned.statusCode()).as(planned.body()).isEqualTo(200);
        assertThat(Api.object(planned).getString("status")).isEqualTo("APPROVED");
        assertThat(Api.object(planned).getString("effectiveFrom")).isEqualTo(from.toString());
        assertThat(notExecutable(author, recipe)).contains("no effective version");

        runRecipeTimerAt(from.minusSeconds(1));
        assertThat(status(author, recipe, 1)).as("a second before its date").isEqualTo("APPROVED");
        assertThat(notExecutable(author, recipe)).contains("no effective version");

        runRecipeTimerAt(from);
        assertThat(status(author, recipe, 1)).isEqualTo("EFFECTIVE");
        assertThat(people.api(author).getJson("api/v1/recipes/" + recipe + "/effective").getInt("version")).isEqualTo(1);
        JsonArray history = Api.array(Api.demo(http, "inspector1").get("api/v1/audit/records/RecipeVersion/"
                + Api.object(imported).getString("id")));
        JsonObject last = history.getJsonObject(history.size() - 1);
        assertThat(last.getString("userName")).isEqualTo("system");
        assertThat(last.getString("command")).isEqualTo("Recipe " + recipe + " version 1 reaches its effective date");
    }

    @Test
    @Tag("A11-10-1")
    void a_version_planned_for_later_is_retired_when_a_newer_one_became_effective_first() {
        String author = author();
        String approver = approver();
        String recipe = uniqueId();
        assertThat(people.api(author).post("api/v1/recipes/import", reference(recipe)).statusCode()).isEqualTo(201);
        assertThat(people.sign(author, "RECIPE_VERSION", recipe + ":1", "PERFORMED").statusCode()).isEqualTo(201);
        assertThat(people.sign(approver, "RECIPE_VERSION", recipe + ":1", "APPROVED").statusCode()).isEqualTo(201);
        java.time.Instant later = java.time.Instant.now().plus(java.time.Duration.ofHours(1))
                .truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        assertThat(people.api(approver).post("api/v1/recipes/" + recipe + "/versions/1/effective",
                "{\"effectiveFrom\":\"" + later + "\",\"reason\":\"next campaign\"}").statusCode()).isEqualTo(200);
        assertThat(people.api(author).post("api/v1/recipes/" + recipe + "/versions",
                "{\"basedOn\":1,\"reason\":\"urgent correction\"}").statusCode()).isEqualTo(201);
        assertThat(people.sign(author, "RECIPE_VERSION", recipe + ":2", "PERFORMED").statusCode()).isEqualTo(201);
        assertThat(people.sign(approver, "RECIPE_VERSION", recipe + ":2", "APPROVED").statusCode()).isEqualTo(201);
        assertThat(people.api(approver).post("api/v1/recipes/" + recipe + "/versions/2/effective",
                "{\"reason\":\"urgent correction in force now\"}").statusCode()).isEqualTo(200);

        assertThat(status(author, recipe, 1)).isEqualTo("APPROVED");

        runRecipeTimerAt(later);

        assertThat(status(author, recipe, 1)).isEqualTo("RETIRED");
        assertThat(people.api(author).getJson("api/v1/recipes/" + recipe + "/versions/1/summary").getString("statusReason"))
                .isEqualTo("version 2 became effective before this version's date");
        assertThat(status(author, recipe, 2)).isEqualTo("EFFECTIVE");
    }

    @Test
    @Tag("A11-10-1")
    void the_database_refuses_a_change_of_submitted_content_even_behind_the_application() throws SQLException {
        String author = author();
        String approver = approver();
        String recipe = uniqueId();
        effectiveVersion(author, approver, recipe, reference(recipe));

        try (Connection owner = TestDatabase.asOwner(); Statement sql = owner.createStatement()) {
            assertThatThrownBy(() -> sql.executeUpdate("UPDATE recipe_version SET document ="
                            + " replace(document, '7.2', '7.3') WHERE recipe_id = '" + recipe + "'"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("its content never changes");
            assertThatThrownBy(() -> sql.executeUpdate("UPDATE recipe_version SET status ="
                            + " 'DRAFT' WHERE recipe_id = '" + recipe + "'"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("is not a lifecycle step");
            assertThatThrownBy(() -> sql.executeUpdate("UPDATE recipe_version SET status_reason = 'approved by QA',"
                            + " status_changed_by = 'someone_else' WHERE recipe_id = '" + recipe + "'"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("its lifecycle record changes only with a lifecycle step");
            assertThatThrownBy(() -> sql.executeUpdate("UPDATE recipe_version SET effective_from = effective_from"
                            + " - interval '30 days' WHERE recipe_id = '" + recipe + "'"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("its lifecycle record changes only with a lifecycle step");
            assertThatThrownBy(() -> sql.executeUpdate("UPDATE recipe_version SET status = 'RETIRED', effective_from ="
                            + " effective_from - interval '30 days' WHERE recipe_id = '" + recipe + "'"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("the effective date is set only when");
            assertThatThrownBy(() -> sql.executeUpdate("UPDATE recipe_version SET status = 'RETIRED', effective_from = NULL"
                            + " WHERE recipe_id = '" + recipe + "'"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("effective date");
            assertThatThrownBy(() -> sql.executeUpdate("UPDATE recipe_version SET based_on = 7 WHERE recipe_id = '"
                            + recipe + "'"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("its content never changes");
            assertThatThrownBy(() -> sql.executeUpdate("INSERT INTO recipe_version SELECT gen_random_uuid(), recipe_id,"
                            + " 2, product, 'EFFECTIVE', document, content_hash, 1, authors, 1, 'forged', created_at,"
                            + " created_by, NULL, status_changed_at, status_changed_by, now(), NULL, 0"
                            + " FROM recipe_version WHERE recipe_id = '" + recipe + "'"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("a new version is a draft of its creator");
        }
        assertThat(status(author, recipe, 1)).isEqualTo("EFFECTIVE");
    }

    @Test
    @Tag("P11-10f-2")
    void a_version_made_effective_behind_the_application_without_its_signatures_is_not_executable() throws SQLException {
        String author = author();
        String recipe = uniqueId();
        HttpResponse<String> imported = people.api(author).post("api/v1/recipes/import?reason=new%20product", reference(recipe));
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(201);

        // each status change alone is a lifecycle step the trigger allows; only the signatures are missing.
        // Undone afterwards (the row as the application left it), so that the audit verification of later tests is intact.
        String where = " WHERE recipe_id = '" + recipe + "'";
        try (Tamper forged = Tamper.change(
                Tamper.sql("UPDATE recipe_version SET status = 'IN_REVIEW'" + where,
                        "UPDATE recipe_version SET status = 'APPROVED'" + where,
                        "UPDATE recipe_version SET status = 'EFFECTIVE', effective_from = now()" + where),
                Tamper.triggerOff("recipe_version", "recipe_version_content_is_frozen",
                        "UPDATE recipe_version SET status = 'DRAFT', effective_from = NULL" + where))) {
            assertThat(status(author, recipe, 1)).isEqualTo("EFFECTIVE");

            HttpResponse<String> executable = people.api(author).get("api/v1/recipes/" + recipe + "/effective");
            assertThat(executable.statusCode()).as(executable.body()).isEqualTo(409);
            JsonObject problem = Api.object(executable);
            assertThat(problem.getString("type")).endsWith("/recipe-not-effective");
            assertThat(problem.getString("detail")).isEqualTo("Version 1 of recipe " + recipe + " lacks a valid signature"
                    + " of its author (PERFORMED) and of its approver (APPROVED): it must not be executed. QA must"
                    + " investigate (the signatures and the audit trail of the version show why).");
            JsonObject verification = Api.demo(http, "inspector1").getJson("api/v1/audit/verification");
            assertThat(verification.getBoolean("intact")).isFalse();
            assertThat(verification.getJsonArray("problems").toString()).contains("record(s) of recipe_version differ from"
                    + " their audit trail");
        }
        assertThat(Api.demo(http, "inspector1").getJson("api/v1/audit/verification").getJsonArray("problems").toString())
                .doesNotContain("recipe_version");
    }

    @Test
    @Tag("A11-4.7-1")
    void an_import_reports_every_problem_with_its_place_and_saves_nothing() {
        String author = people.person("Hana Hasty", "RECIPE_AUTHOR");
        String recipe = uniqueId();
        String broken = reference(recipe)
                // a cycle: mixing waits for the make-up weight, which waits for mixing
                .replace("\"charge_wfi\"\n                            ],\n                            \"instruction\": \"Mix",
                        "\"make_up_weight\"\n                            ],\n                            \"instruction\": \"Mix")
                .replace("round(good_vials / theoretical_vials * 100, 1)", "round(good_vials / theoretical * 100, 1)")
                .replace("\"lower\": 2.06,\n                                \"upper\": 2.14", "\"lower\": 2.14,\n                                \"upper\": 2.06")
                .replace("\"quantity\": 405.0,\n            \"unit\": \"g\"", "\"quantity\": 405.0,\n            \"unit\": \"mL\"")
                .replace("\"material\": \"sodium hydroxide 1 N\",\n            \"unit\": \"mL\"",
                        "\"material\": \"sodium hydroxide 1 N\",\n            \"unit\": \"mL\",\n            \"tolerancePercent\": 5");

        HttpResponse<String> refused = people.api(author).post("api/v1/recipes/import", broken);

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(422);
        assertThat(refused.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        JsonObject problem = Api.object(refused);
        assertThat(problem.getString("type")).endsWith("/recipe-invalid");
        assertThat(problem.getString("detail")).contains("problems; nothing was saved");
        List<String> violations = problem.getJsonArray("violations").getValuesAs(JsonObject.class).stream()
                .map(v -> v.getString("field") + " " + v.getString("message")).toList();
        assertThat(violations).anySatisfy(v -> assertThat(v).contains("cycle").contains("mix"))
                .anySatisfy(v -> assertThat(v).startsWith("$.unitProcedures[4].operations[1].steps[0].formula")
                        .contains("unknown value 'theoretical'"))
                .anySatisfy(v -> assertThat(v).startsWith("$.unitProcedures[3].operations[0].steps[0].numeric")
                        .contains("lower limit 2.14 is above upper limit 2.06"))
                .anySatisfy(v -> assertThat(v).startsWith("$.unitProcedures[1].operations[0].steps[1].charge.unit")
                        .contains("does not match"))
                .anySatisfy(v -> assertThat(v).startsWith("$.formula[4].tolerancePercent").contains("tolerance without quantity"));
        assertThat(people.api(author).get("api/v1/recipes/" + recipe).statusCode()).isEqualTo(404);

        HttpResponse<String> misspelt = people.api(author).post("api/v1/recipes/import",
                reference(recipe).replace("\"tolerancePercent\"", "\"tolerance\""));
        assertThat(misspelt.statusCode()).isEqualTo(400);
        assertThat(misspelt.body()).contains("tolerance").doesNotContain("Exception");
        assertThat(people.api(author).post("api/v1/recipes/import", "{\"recipeId\": ").statusCode()).isEqualTo(400);
        HttpResponse<String> unknownType = people.api(author).post("api/v1/recipes/import",
                reference(recipe).replace("\"type\": \"SAMPLING\"", "\"type\": \"SWAB\""));
        assertThat(unknownType.statusCode()).isEqualTo(400);
        assertThat(unknownType.body()).contains("'SWAB' is not one of [INSTRUCTION, NUMERIC_ENTRY,").doesNotContain("org.openebr");

        assertThat(people.api(author).post("api/v1/recipes/import", reference(recipe)).statusCode()).isEqualTo(201);
        String lowerCase = recipe.toLowerCase(java.util.Locale.ROOT);
        HttpResponse<String> sameInOtherCase = people.api(author).post("api/v1/recipes/import", reference(lowerCase));
        assertThat(sameInOtherCase.statusCode()).as(sameInOtherCase.body()).isEqualTo(422);
        assertThat(Api.object(sameInOtherCase).getJsonArray("violations").getJsonObject(0).getString("message"))
                .isEqualTo("recipe id '" + lowerCase + "' differs only in case from the existing recipe '" + recipe
                        + "'; import it as '" + recipe + "' to make a new version of that recipe, or choose another id");
        assertThat(people.api(author).get("api/v1/recipes/" + lowerCase).statusCode()).isEqualTo(404);
    }

    @Test
    @Tag("A11-4.7-1")
    void roles_reasons_and_states_are_enforced_with_a_clear_answer() {
        String author = author();
        String approver = approver();
        String operator = people.person("Kim Keeper", "OPERATOR");
        String recipe = uniqueId();

        assertThat(people.api(operator).post("api/v1/recipes/import", reference(recipe)).statusCode()).isEqualTo(403);
        assertThat(people.api(approver).post("api/v1/recipes/import", reference(recipe)).statusCode()).isEqualTo(403);
        assertThat(people.api(author).post("api/v1/recipes/import", reference(recipe)).statusCode()).isEqualTo(201);
        assertThat(people.api(operator).get("api/v1/recipes").statusCode()).isEqualTo(200); // reading is fine
        // ... but an operator works from effective versions only, and this recipe has none yet
        HttpResponse<String> draftOnly = people.api(operator).get("api/v1/recipes/" + recipe);
        assertThat(draftOnly.statusCode()).isEqualTo(403);
        assertThat(draftOnly.body()).contains("recipe-effective-only").contains("has no effective version yet");
        assertThat(Api.demo(http, "admin1").get("api/v1/recipes").statusCode()).isEqualTo(403); // no GMP data for ADMIN

        HttpResponse<String> noReason = people.api(author).put("api/v1/recipes/" + recipe + "/versions/1",
                "{\"draftRevision\":1,\"reason\":\" \",\"document\":" + people.api(author).get("api/v1/recipes/" + recipe
                        + "/versions/1").body() + "}");
        assertThat(noReason.statusCode()).isEqualTo(400);
        assertThat(noReason.body()).contains("reason");
        HttpResponse<String> early = people.api(approver).post("api/v1/recipes/" + recipe + "/versions/1/effective",
                "{\"reason\":\"hurry\"}");
        assertThat(early.statusCode()).isEqualTo(409);
        assertThat(early.body()).contains("is DRAFT; only a version APPROVED can be made effective");
        HttpResponse<String> rejectDraft = people.api(approver).post("api/v1/recipes/" + recipe + "/versions/1/reject",
                "{\"reason\":\"not ready\"}");
        assertThat(rejectDraft.statusCode()).isEqualTo(409);
        assertThat(people.api(author).get("api/v1/recipes/" + recipe + "/versions/7").statusCode()).isEqualTo(404);
        assertThat(people.api(author).get("api/v1/recipes/" + recipe + "/versions/1/diff/7").statusCode()).isEqualTo(404);

        String bystander = people.signer("Olga Other", "RECIPE_AUTHOR");
        HttpResponse<String> notTheAuthor = people.sign(bystander, "RECIPE_VERSION", recipe + ":1", "PERFORMED");
        assertThat(notTheAuthor.statusCode()).isEqualTo(403);
        assertThat(notTheAuthor.body()).contains("you did not write it");
        assertThat(people.sign(author, "RECIPE_VERSION", recipe + ":1", "PERFORMED").statusCode()).isEqualTo(201);
        HttpResponse<String> again = people.sign(author, "RECIPE_VERSION", recipe + ":1", "PERFORMED");
        assertThat(again.statusCode()).isEqualTo(403);
        assertThat(again.body()).contains("is IN_REVIEW");
        HttpResponse<String> rejected = people.api(approver).post("api/v1/recipes/" + recipe + "/versions/1/reject",
                "{\"reason\":\"bioburden limit must come from the specification\"}");
        assertThat(rejected.statusCode()).as(rejected.body()).isEqualTo(200);
        assertThat(Api.object(rejected).getString("status")).isEqualTo("REJECTED");
        assertThat(Api.object(rejected).getString("statusReason")).isEqualTo("bioburden limit must come from the specification");
        HttpResponse<String> lateApproval = people.sign(approver, "RECIPE_VERSION", recipe + ":1", "APPROVED");
        assertThat(lateApproval.statusCode()).isEqualTo(403);
        assertThat(lateApproval.body()).contains("only a version in review is approved");
    }

    @Test
    @Tag("A11-10-1")
    @Tag("ALCOA-Cons-1")
    void an_exported_version_imports_unchanged_and_scales_to_the_actual_batch_size() {
        String author = author();
        String recipe = uniqueId();
        assertThat(people.api(author).post("api/v1/recipes/import", reference(recipe)).statusCode()).isEqualTo(201);

        HttpResponse<String> exported = people.api(author).get("api/v1/recipes/" + recipe + "/versions/1?download=true");
        assertThat(exported.statusCode()).isEqualTo(200);
        assertThat(exported.headers().firstValue("Content-Disposition").orElseThrow())
                .contains("recipe-" + recipe + "-v1.json");
        assertThat(exported.body()).contains("\"target\": 2.10"); // as the author wrote it
        HttpResponse<String> reimported = people.api(author).post("api/v1/recipes/import?reason=moved%20from%20test",
                exported.body());
        assertThat(reimported.statusCode()).as(reimported.body()).isEqualTo(201);
        assertThat(Api.object(reimported).getInt("version")).isEqualTo(2);

        JsonObject diff = people.api(author).getJson("api/v1/recipes/" + recipe + "/versions/1/diff/2");
        assertThat(diff.getJsonArray("changes")).isEmpty();

        JsonObject scaled = people.api(author).getJson("api/v1/recipes/" + recipe + "/versions/1/scaled?batchSize=40.0&unit=L");
        JsonObject api = scaled.getJsonArray("formula").getJsonObject(0);
        assertThat(api.getString("material")).isEqualTo("Demoprofen");
        assertThat(api.getJsonNumber("quantity").bigDecimalValue()).isEqualByComparingTo("400.0");
        assertThat(people.api(author).get("api/v1/recipes/" + recipe + "/versions/1/scaled?batchSize=-1").statusCode())
                .isEqualTo(422);
        HttpResponse<String> notANumber = people.api(author).get("api/v1/recipes/" + recipe + "/versions/1/scaled?batchSize=abc");
        assertThat(notANumber.statusCode()).isEqualTo(400);
        assertThat(notANumber.body()).contains("must be a decimal number");
    }

    @Test
    @Tag("PR-211.186-1")
    void the_demo_data_script_of_bin_ebr_start_makes_the_reference_recipe_effective_and_can_run_again() throws Exception {
        for (int run = 0; run < 2; run++) {
            Process script = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    Path.of("..", "bin", "lib", "DemoData.java").toString(), contextRoot.toString(), REFERENCE.toString(),
                    Api.DEMO_PASSWORD).redirectErrorStream(true).start();
            assertThat(script.waitFor(180, TimeUnit.SECONDS)).isTrue();
            String output = new String(script.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(script.exitValue()).as(output).isZero();
            assertThat(output).contains("DEMOPROFEN-10-2ML").contains("is effective")
                    .contains("tasks for the home pages are in place").contains("demo data: batch ");
        }
        JsonObject demo = Api.demo(http, "author1").getJson("api/v1/recipes/DEMOPROFEN-10-2ML");
        assertThat(demo.getInt("effectiveVersion")).isEqualTo(1);
        // and the tasks the home pages show, made once: a change rejected with its reason, another in review
        assertThat(demo.getJsonArray("versions").getValuesAs(JsonObject.class))
                .extracting(v -> v.getInt("version") + " " + v.getString("status") + " " + v.getInt("basedOn", 0))
                .containsExactly("1 EFFECTIVE 0", "2 REJECTED 1", "3 IN_REVIEW 1");
        assertThat(demo.getJsonArray("versions").getJsonObject(1).getString("statusReason")).contains("TR-2026-07");
        assertThat(Api.demo(http, "admin1").get("api/v1/users/operator2/training").body()).contains("OP-ASEPTIC-FILLING");
        // the people who run the demo's batches hold a current training record for each qualification it requires
        assertThat(People.referenceQualifications()).contains("OP-ASEPTIC-FILLING", "OP-WEIGHING");
        for (String user : List.of("operator1", "operator2", "supervisor1")) {
            for (String qualification : People.referenceQualifications()) {
                assertThat(Api.demo(http, "admin1").getJson("api/v1/users/" + user + "/qualifications/" + qualification)
                        .getBoolean("qualified")).as(user + " " + qualification).isTrue();
            }
        }
        JsonArray signatures = Api.array(Api.demo(http, "author1")
                .get("api/v1/signatures?recordType=RECIPE_VERSION&recordId=DEMOPROFEN-10-2ML:1"));
        assertThat(signatures.getValuesAs(JsonObject.class)).extracting(s -> s.getString("userName") + " " + s.getString("meaning"))
                .containsExactly("author1 PERFORMED", "approver1 APPROVED");
        // a setting change the demo administrator signed, waiting for QA (made once; admin2 verified admin1's identity)
        List<JsonObject> settingChanges = Api.array(Api.demo(http, "inspector1").get("api/v1/settings/changes"))
                .getValuesAs(JsonObject.class).stream()
                .filter(c -> c.getString("reason").startsWith("CC-2026-036")).toList();
        assertThat(settingChanges).singleElement().satisfies(c -> {
            assertThat(c.getString("setting")).isEqualTo("passwordMaxAgeDays");
            assertThat(c.getString("state")).isEqualTo("AWAITING_APPROVAL");
            assertThat(c.getString("submittedBy")).isEqualTo("admin1");
        });
        demoBatches();
    }

    /**
     * Issues 16 and 17: after two runs, exactly one demo batch ready to run (dispatched, four charges dispensed),
     * one in progress with its first steps signed (line clearance also verified by a second person) and the
     * operator's deviation classified, one completed with exceptions for QA and one released; later tests may
     * run them further, never back.
     */
    private void demoBatches() {
        Api supervisor = Api.demo(http, "supervisor1");
        java.util.Map<String, String> byReason = new java.util.HashMap<>();
        for (JsonObject b : Api.array(supervisor.get("api/v1/batches")).getValuesAs(JsonObject.class)) {
            if (b.getString("recipeId").equals("DEMOPROFEN-10-2ML") && b.getString("createdBy").equals("supervisor1")) {
                JsonObject detail = supervisor.getJson("api/v1/batches/" + b.getString("batchId"));
                String reason = detail.getString("reason", "");
                if (reason.startsWith("Demo data: process order")) {
                    assertThat(byReason.put(reason, b.getString("batchId"))).as("one batch per demo order").isNull();
                }
            }
        }
        assertThat(byReason).hasSize(4);
        // issue 17: the whole life of a batch, once: one completed and waiting for QA, one reviewed and released
        String released = byReason.get("Demo data: process order PO-2026-0412 (released)");
        String completed = byReason.get("Demo data: process order PO-2026-0415 (completed, awaiting QA review)");
        assertThat(supervisor.getJson("api/v1/batches/" + released).getString("status")).isEqualTo("RELEASED");
        assertThat(Api.demo(http, "qa1").getJson("api/v1/batches/" + released + "/record").getJsonArray("signatures")
                .getValuesAs(JsonObject.class)).filteredOn(sig -> sig.getString("recordType").equals("BATCH"))
                .extracting(sig -> sig.getString("userName") + " " + sig.getString("meaning") + " " + sig.getBoolean("valid"))
                .containsExactly("qa1 REVIEWED true", "qa2 RELEASED true");
        JsonObject awaiting = Api.demo(http, "qa1").getJson("api/v1/batches/" + completed + "/review");
        assertThat(awaiting.getString("status")).isIn("COMPLETED", "REVIEWED", "RELEASED", "REJECTED");
        assertThat(awaiting.getJsonArray("exceptions").getValuesAs(JsonObject.class)).extracting(x -> x.getString("kind"))
                .contains("OUT_OF_LIMITS", "CORRECTION", "MANUAL_MACHINE_VALUE");
        String ready = byReason.get("Demo data: process order PO-2026-0418 (ready to run)");
        String running = byReason.get("Demo data: process order PO-2026-0417 (compounding started)");
        for (String batch : List.of(ready, running)) {
            assertThat(Api.array(supervisor.get("api/v1/dispensings?batch=" + batch)).getValuesAs(JsonObject.class))
                    .extracting(d -> d.getString("step"))
                    .containsExactlyInAnyOrder("weigh_api", "weigh_nacl", "weigh_phosphate", "charge_wfi");
        }
        assertThat(supervisor.getJson("api/v1/batches/" + ready).getString("status")).isIn("READY", "IN_PROGRESS", "ON_HOLD",
                "COMPLETED", "ABORTED");
        JsonObject inProgress = supervisor.getJson("api/v1/batches/" + running);
        assertThat(inProgress.getString("status")).isNotEqualTo("READY").isNotEqualTo("PLANNED");
        java.util.Map<String, JsonObject> steps = new java.util.HashMap<>();
        inProgress.getJsonArray("steps").getValuesAs(JsonObject.class).forEach(s -> steps.put(s.getString("stepId"), s));
        assertThat(steps.get("line_clearance").getString("state")).isEqualTo("DONE");
        assertThat(steps.get("line_clearance").getString("performedBy")).isEqualTo("operator1");
        assertThat(steps.get("line_clearance").getString("verifiedBy")).isEqualTo("operator2");
        for (String step : List.of("balance_check", "ph_meter_check", "filter_integrity_pre")) {
            assertThat(steps.get(step).getString("state")).as(step).isEqualTo("DONE");
        }
        assertThat(Api.array(supervisor.get("api/v1/batches/" + running + "/deviations")).getValuesAs(JsonObject.class))
                .filteredOn(d -> d.getString("description").startsWith("BAL-02 failed its daily check"))
                .singleElement().satisfies(d -> {
                    assertThat(d.getString("raisedBy")).isEqualTo("operator1");
                    assertThat(d.getString("classification")).isEqualTo("MINOR");
                });
    }

    // --- helpers -----------------------------------------------------------------------------------

    /**
     * The author of the tests' recipes: each test imports its own recipe, so one author (and one
     * approver) serves them all; a person of their own costs eight slow password hashes.
     */
    private String author() {
        return people.sharedSigner(RecipesIT.class, "Arne Author", "RECIPE_AUTHOR");
    }

    /** The independent approver of the tests' recipes (see {@link #author}). */
    private String approver() {
        return people.sharedSigner(RecipesIT.class, "Alma Approver", "RECIPE_APPROVER");
    }

    private void effectiveVersion(String author, String approver, String recipe, String document) {
        HttpResponse<String> imported = people.api(author).post("api/v1/recipes/import", document);
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(201);
        int version = Api.object(imported).getInt("version");
        assertThat(people.sign(author, "RECIPE_VERSION", recipe + ":" + version, "PERFORMED").statusCode()).isEqualTo(201);
        assertThat(people.sign(approver, "RECIPE_VERSION", recipe + ":" + version, "APPROVED").statusCode()).isEqualTo(201);
        HttpResponse<String> effective = people.api(approver).post("api/v1/recipes/" + recipe + "/versions/" + version
                + "/effective", "{\"reason\":\"released\"}");
        assertThat(effective.statusCode()).as(effective.body()).isEqualTo(200);
    }

    /** The recipe timer's work as if it ran at {@code at} (through the test probe): nothing waits for the clock. */
    private void runRecipeTimerAt(java.time.Instant at) {
        HttpResponse<String> ran = Api.demo(http, "admin1").post("api/v1/it-probe/recipe-timer?at=" + at, "");
        assertThat(ran.statusCode()).as(ran.body()).isEqualTo(200);
    }

    private String status(String user, String recipe, int version) {
        return people.api(user).getJson("api/v1/recipes/" + recipe + "/versions/" + version + "/summary").getString("status");
    }

    /** The refusal of the execution gate; fails the test when the recipe was executable. */
    private String notExecutable(String user, String recipe) {
        HttpResponse<String> answer = people.api(user).get("api/v1/recipes/" + recipe + "/effective");
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(409);
        return Api.object(answer).getString("detail");
    }

    private static String draftChange(int revision, String reason, String document) {
        return "{\"draftRevision\":" + revision + ",\"reason\":" + q(reason) + ",\"document\":" + document + "}";
    }

    static String uniqueId() {
        return "IT-" + Long.toString(System.nanoTime(), 36).toUpperCase(java.util.Locale.ROOT);
    }

    static String reference(String recipeId) {
        try {
            return Files.readString(REFERENCE, StandardCharsets.UTF_8).replace("\"DEMOPROFEN-10-2ML\"", q(recipeId));
        } catch (IOException e) {
            throw new IllegalStateException("the reference recipe " + REFERENCE.toAbsolutePath() + " is missing", e);
        }
    }

}
