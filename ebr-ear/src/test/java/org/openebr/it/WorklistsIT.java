package org.openebr.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.URL;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
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
 * The worklist queries of the home pages, in their boundaries on the real server, called as the
 * people they serve (through a test probe): what each answers, and that a role a list is not for is
 * refused by the boundary itself. Each test makes its own people and records; lists that hold
 * everyone's entries are checked for the test's own entries, not for their length.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class WorklistsIT {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.earWithProbe();
    }

    @ArquillianResource
    URL contextRoot;

    Http http;
    People people;
    Api admin;

    @BeforeEach
    void setUp() {
        http = new Http(contextRoot);
        people = new People(http);
        admin = Api.demo(http, "admin1");
    }

    @Test
    void the_approvers_queue_holds_versions_in_review_with_their_submitter_and_marks_those_the_approver_saved() {
        String author = people.signer("Arne Author", "RECIPE_AUTHOR");
        String both = people.signer("Bea Both", "RECIPE_AUTHOR", "RECIPE_APPROVER");
        String recipe = RecipesIT.uniqueId();
        String own = RecipesIT.uniqueId();
        imported(author, recipe);
        imported(both, own);
        submitted(author, recipe + ":1");
        submitted(both, own + ":1");

        JsonObject queue = list(both, "in-review");
        JsonObject theirs = item(queue, recipe, 1);
        assertThat(theirs.getString("status")).isEqualTo("IN_REVIEW");
        assertThat(theirs.getString("by")).isEqualTo(author);
        assertThat(theirs.getBoolean("authoredByCaller")).isFalse();
        assertThat(item(queue, own, 1).getBoolean("authoredByCaller")).isTrue();
        assertThat(queue.getJsonNumber("total").longValue()).isGreaterThanOrEqualTo(2);
        // QA sees the same queue; the author's own home has no approval queue
        assertThat(item(list(people.person("Quentin QA", "QA_REVIEWER"), "in-review"), recipe, 1)).isNotNull();
        // once approved it leaves the queue
        String approver = people.signer("Alma Approver", "RECIPE_APPROVER");
        assertThat(people.sign(approver, "RECIPE_VERSION", recipe + ":1", "APPROVED").statusCode()).isEqualTo(201);
        assertThat(ids(list(approver, "in-review"))).doesNotContain(recipe + ":1").contains(own + ":1");
        // and waits for its effective date; planned for a date, it is no longer the approver's task
        assertThat(ids(list(approver, "approved-without-date"))).contains(recipe + ":1");
        HttpResponse<String> planned = people.api(approver).post("api/v1/recipes/" + recipe + "/versions/1/effective",
                "{\"effectiveFrom\":\"" + java.time.Instant.now().plusSeconds(30 * 86_400L) + "\",\"reason\":\"planned\"}");
        assertThat(planned.statusCode()).as(planned.body()).isEqualTo(200);
        assertThat(ids(list(approver, "approved-without-date"))).doesNotContain(recipe + ":1");
    }

    @Test
    void an_author_sees_their_drafts_and_their_rejected_versions_with_the_reason_until_a_new_version_follows_up() {
        String author = people.signer("Arne Author", "RECIPE_AUTHOR");
        String other = people.signer("Olga Otherauthor", "RECIPE_AUTHOR");
        String approver = people.signer("Alma Approver", "RECIPE_APPROVER");
        String draft = RecipesIT.uniqueId();
        String rejected = RecipesIT.uniqueId();
        imported(author, draft);
        imported(author, rejected);
        submitted(author, rejected + ":1");
        HttpResponse<String> rejection = people.api(approver).post("api/v1/recipes/" + rejected + "/versions/1/reject",
                "{\"reason\":\"trend report TR-2026-07 not referenced\"}");
        assertThat(rejection.statusCode()).as(rejection.body()).isEqualTo(200);

        assertThat(ids(list(author, "my-drafts"))).containsExactly(draft + ":1");
        assertThat(list(author, "my-drafts").getJsonNumber("total").longValue()).isEqualTo(1);
        JsonObject rejections = list(author, "my-rejections");
        assertThat(ids(rejections)).containsExactly(rejected + ":1");
        assertThat(item(rejections, rejected, 1).getString("reason")).isEqualTo("trend report TR-2026-07 not referenced");
        assertThat(item(rejections, rejected, 1).getString("by")).isEqualTo(approver);
        // another author's lists hold none of it
        assertThat(list(other, "my-drafts").getJsonNumber("total").longValue()).isZero();
        assertThat(list(other, "my-rejections").getJsonNumber("total").longValue()).isZero();

        // the correction: a new version based on the rejected one; the rejection is dealt with, the new draft waits
        HttpResponse<String> next = people.api(author).post("api/v1/recipes/" + rejected + "/versions",
                "{\"basedOn\":1,\"reason\":\"CC-2026-031 with TR-2026-07\"}");
        assertThat(next.statusCode()).as(next.body()).isEqualTo(201);
        assertThat(list(author, "my-rejections").getJsonNumber("total").longValue()).isZero();
        assertThat(ids(list(author, "my-drafts"))).containsExactly(rejected + ":2", draft + ":1");
    }

    @Test
    void administrators_see_pending_identity_verifications_locked_accounts_open_alerts_and_unused_one_time_passwords() {
        // the longest waiting come first and an excerpt holds 50: the test counts, as the suite leaves
        // many people waiting before it
        long waiting = list(admin, "pending-verifications").getJsonNumber("total").longValue();
        String newcomer = people.person("Nina Newcomer", "QA_REVIEWER");
        String inspector = people.person("Ivo Inspector", "INSPECTOR");
        String verified = people.credentialed("Vera Verified", "OPERATOR");
        JsonObject pending = list(admin, "pending-verifications");
        assertThat(pending.getJsonNumber("total").longValue()).as("the newcomer waits; the inspector and the verified"
                + " person do not").isEqualTo(waiting + 1);
        assertThat(userNames(pending)).doesNotContain(inspector, verified, "admin1");
        assertThat(pending.getJsonArray("items").getValuesAs(JsonObject.class))
                .allSatisfy(p -> assertThat(p.getString("gap")).isIn("NO_IDENTITY_VERIFICATION", "NO_VALID_CREDENTIAL"));
        people.verifyIdentity(newcomer);
        assertThat(list(admin, "pending-verifications").getJsonNumber("total").longValue()).isEqualTo(waiting);

        String locked = people.person("Lars Locked", "OPERATOR");
        for (int attempt = 0; attempt < 5; attempt++) {
            new Api(http, locked, "not the password at all").get("api/v1/me");
        }
        assertThat(userNames(list(admin, "locked"))).contains(locked);
        assertThat(list(admin, "open-alerts").getJsonArray("items").getValuesAs(JsonObject.class))
                .anySatisfy(alert -> assertThat(alert.getString("subject", "")).isEqualTo(locked));

        String fresh = "p-" + Long.toString(System.nanoTime(), 36);
        people.create(fresh, "Fred Fresh");
        JsonObject unused = byUser(list(admin, "one-time-passwords"), fresh);
        assertThat(unused.getBoolean("overdue")).isFalse();
        assertThat(unused.getString("until")).isNotBlank();
    }

    @Test
    void qualifications_that_expire_soon_or_expired_are_listed_until_renewed_and_each_person_sees_their_own() {
        String operator = people.person("Olivia Operatorin", "OPERATOR");
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Berlin"));
        training(operator, "OP-ASEPTIC-FILLING", today.minusYears(1), today.plusDays(10));
        training(operator, "OP-GOWNING", today.minusYears(1), today.minusDays(2));
        training(operator, "OP-WEIGHING", today.minusYears(1), today.minusDays(40));
        training(operator, "OP-WEIGHING", today.minusDays(40), today.plusYears(1)); // renewed
        training(operator, "OP-CAPPING", today.minusYears(1), null);

        JsonObject due = list(people.person("Sven Supervisor", "SUPERVISOR"), "qualifications-due");
        List<String> operatorsDue = due.getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .filter(q -> q.getString("userName").equals(operator))
                .map(q -> q.getString("qualification") + " " + q.getBoolean("expired")).toList();
        assertThat(operatorsDue).containsExactlyInAnyOrder("OP-ASEPTIC-FILLING false", "OP-GOWNING true");

        HttpResponse<String> mine = people.api(operator).get("api/v1/it-probe/worklists/my-qualifications");
        assertThat(mine.statusCode()).as(mine.body()).isEqualTo(200);
        assertThat(Api.array(mine).getValuesAs(JsonObject.class)).extracting(q -> q.getString("qualification") + " "
                + q.getString("state")).containsExactly("OP-ASEPTIC-FILLING EXPIRING", "OP-CAPPING CURRENT",
                "OP-GOWNING EXPIRED", "OP-WEIGHING CURRENT");
    }

    @Test
    void each_person_sees_what_keeps_them_from_signing() {
        JsonObject notReady = list(people.api(people.person("Paula Pending", "SUPERVISOR")), "my-readiness");
        assertThat(notReady.getBoolean("signs")).isTrue();
        assertThat(notReady.getBoolean("statementSigned")).isFalse();
        assertThat(notReady.getBoolean("credentialValid")).isFalse();
        JsonObject credentialed = list(people.api(people.credentialed("Carl Credentialed", "OPERATOR")), "my-readiness");
        assertThat(credentialed.getBoolean("credentialValid")).isTrue();
        assertThat(credentialed.getBoolean("statementSigned")).isFalse();
        JsonObject ready = list(people.api(people.signer("Sara Signer", "RECIPE_AUTHOR")), "my-readiness");
        assertThat(ready.getBoolean("statementSigned")).isTrue();
        assertThat(ready.getBoolean("credentialValid")).isTrue();
        assertThat(list(people.api(people.person("Ida Inspector", "INSPECTOR")), "my-readiness").getBoolean("signs"))
                .isFalse();
    }

    @Test
    @Tag("P11-10g-1")
    void a_worklist_query_refuses_every_role_it_is_not_for_on_the_server() {
        String operator = people.person("Otto Operator", "OPERATOR");
        String author = people.person("Arne Author", "RECIPE_AUTHOR");
        String approver = people.person("Alma Approver", "RECIPE_APPROVER");
        String qa = people.person("Quentin QA", "QA_REVIEWER");
        String inspector = people.person("Ivo Inspector", "INSPECTOR");
        for (String refused : List.of("in-review", "my-drafts", "pending-verifications", "locked", "open-alerts",
                "one-time-passwords", "qualifications-due", "access-review", "security-events")) {
            assertThat(status(operator, refused)).as(refused).isEqualTo(403);
        }
        assertThat(status(author, "in-review")).isEqualTo(403);
        assertThat(status(approver, "my-drafts")).isEqualTo(403);
        assertThat(status(approver, "my-rejections")).isEqualTo(403);
        assertThat(status(qa, "approved-without-date")).isEqualTo(403);
        assertThat(status(author, "approved-without-date")).isEqualTo(403);
        for (String adminOnly : List.of("pending-verifications", "locked", "open-alerts", "one-time-passwords")) {
            assertThat(status(qa, adminOnly)).as(adminOnly).isEqualTo(403);
            assertThat(status(inspector, adminOnly)).as(adminOnly).isEqualTo(403);
        }
        // administrators read no master recipe, so no recipe worklist either
        assertThat(admin.get("api/v1/it-probe/worklists/in-review").statusCode()).isEqualTo(403);
        assertThat(admin.get("api/v1/it-probe/worklists/effective").statusCode()).isEqualTo(403);
        // what each is for answers
        assertThat(status(operator, "effective")).isEqualTo(200);
        assertThat(status(operator, "my-qualifications")).isEqualTo(200);
        assertThat(status(operator, "my-readiness")).isEqualTo(200);
        assertThat(status(qa, "in-review")).isEqualTo(200);
        assertThat(status(qa, "access-review")).isEqualTo(200);
        assertThat(status(inspector, "security-events")).isEqualTo(200);
        assertThat(status(inspector, "effective")).isEqualTo(200);
    }

    // --- helpers -----------------------------------------------------------------------------------

    private void imported(String author, String recipe) {
        HttpResponse<String> imported = people.api(author).post("api/v1/recipes/import", RecipesIT.reference(recipe));
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(201);
    }

    private void submitted(String author, String recordId) {
        HttpResponse<String> signed = people.sign(author, "RECIPE_VERSION", recordId, "PERFORMED");
        assertThat(signed.statusCode()).as(signed.body()).isEqualTo(201);
    }

    private void training(String user, String qualification, LocalDate from, LocalDate until) {
        HttpResponse<String> recorded = admin.post("api/v1/users/" + user + "/training", "{\"qualification\":\""
                + qualification + "\",\"description\":\"SOP training\",\"validFrom\":\"" + from + "\""
                + (until == null ? "" : ",\"validUntil\":\"" + until + "\"") + "}");
        assertThat(recorded.statusCode()).as(recorded.body()).isEqualTo(201);
    }

    private int status(String user, String list) {
        return people.api(user).get("api/v1/it-probe/worklists/" + list).statusCode();
    }

    private JsonObject list(String user, String list) {
        return list(people.api(user), list);
    }

    private static JsonObject list(Api api, String list) {
        HttpResponse<String> answer = api.get("api/v1/it-probe/worklists/" + list);
        assertThat(answer.statusCode()).as(list + ": " + answer.body()).isEqualTo(200);
        return Api.object(answer);
    }

    private static List<String> ids(JsonObject excerpt) {
        return excerpt.getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .map(v -> v.getString("recipeId") + ":" + v.getInt("version")).toList();
    }

    private static JsonObject item(JsonObject excerpt, String recipe, int version) {
        return excerpt.getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .filter(v -> v.getString("recipeId").equals(recipe) && v.getInt("version") == version).findFirst()
                .orElseThrow(() -> new AssertionError(recipe + ":" + version + " is not in " + excerpt));
    }

    private static List<String> userNames(JsonObject excerpt) {
        JsonArray items = excerpt.getJsonArray("items");
        return items.getValuesAs(JsonObject.class).stream().map(a -> a.getString("userName")).toList();
    }

    private static JsonObject byUser(JsonObject excerpt, String user) {
        return excerpt.getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .filter(a -> a.getString("userName").equals(user)).findFirst()
                .orElseThrow(() -> new AssertionError(user + " is not in " + excerpt));
    }
}
