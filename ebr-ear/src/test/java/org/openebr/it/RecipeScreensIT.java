package org.openebr.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The master recipe screens in a real browser: import, the designer with its check and save, the
 * author's and the approver's signatures in the dialog, making a version effective, and the
 * comparison of two versions. Each test makes its own recipe; the people are the same for the tests
 * (an author, an approver), signed in with the session of an earlier test where the server still
 * holds it; the steps a test is not about are done through the API.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class RecipeScreensIT {

    private static final String PASSWORD = "weigh the sodium chloride twice";

    /** The pH step: second operation of the first unit procedure, its first step. */
    private static final String PH_STEP = "units:0:operations:1:steps:0:select-step";

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.earWithProbe();
    }

    @ArquillianResource
    URL contextRoot;

    Http http;
    Browser browser;

    @BeforeEach
    void open() {
        http = new Http(contextRoot);
        browser = Browser.shared(getClass(), contextRoot);
    }

    @AfterEach
    void closeBrowser(TestInfo test) {
        browser.screenshot(Path.of("target", "screenshots", test.getDisplayName().replaceAll("\\W+", "_") + ".png"));
        browser.nextTest(getClass());
    }

    /** One Chromium for the class's tests (see {@link Browser#shared}). */
    @AfterAll
    static void quitBrowser() {
        Browser.closeShared(RecipeScreensIT.class);
    }

    @Test
    @Tag("A11-4.7-1")
    void an_author_creates_a_new_recipe_from_its_header_and_a_header_with_problems_creates_nothing() {
        String author = ready("RECIPE_AUTHOR", "Nina Newcomer");
        String recipeId = recipeId();
        browser.signedIn(author, PASSWORD);
        browser.open("app/recipes.xhtml");

        browser.type("new-id", recipeId);
        browser.type("new-batch-size", "forty-five");
        browser.clickAndWaitForPage("new-bar:new-button");
        assertThat(browser.text()).contains("The nominal batch size must be a number, e.g. 45.0.");
        browser.type("new-batch-size", "45.0");
        browser.clickAndWaitForPage("new-bar:new-button");
        assertThat(browser.valueOf("new-problems")).contains("nothing was created")
                .contains("product is required").contains("material is required");
        assertThat(Api.session(http, author, PASSWORD).get("api/v1/recipes/" + recipeId).statusCode()).isEqualTo(404);

        browser.type("new-product", "Demoprofen 10 mg/mL solution for injection");
        browser.type("new-material", "FG-DEMOPROFEN-2ML");
        browser.type("new-reason", "new product introduction (CR-21)");
        browser.clickAndWaitForPage("new-bar:new-button");

        assertThat(browser.path()).startsWith("app/recipe.xhtml").contains("version=1");
        assertThat(browser.valueOf("recipe-status")).isEqualTo("Draft");
        assertThat(browser.text()).contains("Created recipe " + recipeId + " as version 1 (draft)")
                .contains("new product introduction (CR-21)").contains("step_1");
        // the designer opens on the first step, to build the procedure from
        browser.waitForText("Step step_1 in unit_procedure_1 / operation_1");
        browser.type("step-name", "Line clearance");
        browser.type("step-instruction", "Room and filling line cleared of the previous product");
        browser.type("save-reason", "first step written");
        browser.clickAndWaitFor("save-bar:save-button", "Saved");
        JsonObject stored = Api.session(http, author, PASSWORD).getJson("api/v1/recipes/" + recipeId + "/versions/1");
        // the same id again is no new recipe, and no silent next version of this one either
        browser.open("app/recipes.xhtml");
        browser.type("new-id", recipeId);
        browser.type("new-product", "Another product");
        browser.type("new-material", "FG-OTHER");
        browser.type("new-batch-size", "10");
        browser.clickAndWaitForPage("new-bar:new-button");
        assertThat(browser.valueOf("new-problems")).contains("recipe '" + recipeId + "' exists already");
        assertThat(Api.session(http, author, PASSWORD).get("api/v1/recipes/" + recipeId + "/versions/2").statusCode())
                .isEqualTo(404);
        assertThat(stored.getString("batchSizeUnit")).isEqualTo("L");
        assertThat(stored.getJsonNumber("nominalBatchSize").bigDecimalValue()).isEqualByComparingTo("45.0");
        assertThat(stored.getJsonArray("unitProcedures").getJsonObject(0).getJsonArray("operations").getJsonObject(0)
                .getJsonArray("steps").getJsonObject(0).getString("name")).isEqualTo("Line clearance");
    }

    @Test
    @Tag("A11-10-1")
    void an_author_imports_a_recipe_and_changes_a_limit_and_a_wrong_limit_is_refused_at_its_place_with_nothing_lost() {
        String author = ready("RECIPE_AUTHOR", "Anna Author");
        String recipeId = recipeId();
        browser.signedIn(author, PASSWORD);
        browser.open("app/recipes.xhtml");
        // a document with a problem: every problem is listed with its place, nothing is imported
        browser.type("import-json", recipe(recipeId).replace("\"lower\": 6.8", "\"lower\": 7.5"));
        browser.clickAndWaitForPage("import-bar:import-button");
        assertThat(browser.valueOf("import-problems")).contains("nothing was imported")
                .contains("Step 'ph' in compounding / ph_control, numeric spec")
                .contains("lower limit 7.5 is above upper limit 7.2");
        // a limit written as text is refused where it stands, never converted to a number
        browser.type("import-json", recipe(recipeId).replace("\"lower\": 6.8", "\"lower\": \"6.8\""));
        browser.clickAndWaitForPage("import-bar:import-button");
        assertThat(browser.valueOf("import-problems")).contains("nothing was imported")
                .contains(".numeric.lower").contains("got a string");

        browser.type("import-json", recipe(recipeId));
        browser.type("import-reason", "new product introduction");
        browser.clickAndWaitForPage("import-bar:import-button");

        assertThat(browser.path()).startsWith("app/recipe.xhtml").contains("version=1");
        assertThat(browser.valueOf("recipe-status")).isEqualTo("Draft");
        assertThat(browser.text()).contains("Imported recipe " + recipeId + " as version 1")
                .contains("new product introduction");

        browser.clickAndWaitFor(PH_STEP, "Upper action limit");
        browser.type("numeric-upper", "7.3");
        browser.type("save-reason", "upper pH limit widened after validation batches");
        browser.clickAndWaitFor("save-bar:save-button", "Saved");
        assertThat(browser.inputValue("numeric-upper")).isEqualTo("7.3");

        browser.type("numeric-lower", "8.0");
        browser.type("save-reason", "typing error on purpose");
        browser.clickAndWaitFor("save-bar:save-button", "above upper limit");
        assertThat(browser.text()).contains("nothing was saved")
                .contains("Step 'ph' in compounding / ph_control")
                .contains("lower limit 8.0 is above upper limit 7.3");
        // nothing the author typed is lost
        assertThat(browser.inputValue("numeric-lower")).isEqualTo("8.0");
        assertThat(browser.inputValue("numeric-upper")).isEqualTo("7.3");
        assertThat(browser.text()).contains("unsaved changes");

        browser.clickAndWaitFor("save-bar:discard-button", "discarded");
        assertThat(browser.inputValue("numeric-lower")).isEqualTo("6.8");
        assertThat(browser.inputValue("numeric-upper")).isEqualTo("7.3");
    }

    @Test
    @Tag("PR-211.186-1")
    @Tag("A11-10-1")
    void the_author_submits_with_a_signature_and_only_an_independent_approver_approves_and_makes_it_effective() {
        String author = ready("RECIPE_AUTHOR", "Anna Author");
        String approver = ready("RECIPE_APPROVER", "Otto Approver");
        String recipeId = recipeId();
        importAs(author, recipeId);

        browser.signedIn(author, PASSWORD);
        browser.open(page(recipeId, 1));
        assertThat(browser.valueOf("recipe-status")).isEqualTo("Draft");
        browser.clickAndWaitFor("submit-signature:open", "Meaning of your signature");
        assertThat(browser.text()).contains("PERFORMED").contains("recipe " + recipeId + " version 1");
        browser.type("submit-signature:user-id", author);
        browser.type("submit-signature:password", PASSWORD);
        browser.clickAndWaitFor("submit-signature:sign", "Signed: PERFORMED by Anna Author");
        assertThat(browser.valueOf("recipe-status")).isEqualTo("In review");
        assertThat(browser.text()).contains("PERFORMED: signed by Anna Author (" + author + ")")
                .contains("signature valid")
                // the author is no approver: no approval offered, and the server refuses it anyway
                .doesNotContain("Sign to approve");
        HttpResponse<String> ownApproval = sign(author, recipeId + ":1", "APPROVED");
        assertThat(ownApproval.statusCode()).as(ownApproval.body()).isEqualTo(403);
        assertThat(ownApproval.body()).contains("needs one of the roles [RECIPE_APPROVER]");
        browser.signOut();

        browser.signedIn(approver, PASSWORD);
        browser.open(page(recipeId, 1));
        assertThat(browser.text()).contains("Review and approve").contains("first version of the recipe");
        browser.clickAndWaitFor("approve-signature:open", "Meaning of your signature");
        assertThat(browser.text()).contains("APPROVED");
        browser.type("approve-signature:user-id", approver);
        browser.type("approve-signature:password", PASSWORD);
        browser.clickAndWaitFor("approve-signature:sign", "Signed: APPROVED by Otto Approver");
        assertThat(browser.valueOf("recipe-status")).isEqualTo("Approved");
        assertThat(browser.text()).contains("APPROVED: signed by Otto Approver (" + approver + ")")
                .contains("PERFORMED: signed by Anna Author").doesNotContain("SIGNATURE INVALID");

        browser.type("effective-reason", "approved for routine production");
        browser.clickAndWaitFor("effective-bar:effective-button", "is effective");
        assertThat(browser.valueOf("recipe-status")).isEqualTo("Effective");
        assertThat(browser.valueOf("effective-dates")).startsWith("from ").contains("(Europe/Berlin)");
    }

    @Test
    @Tag("A11-10-1")
    void a_new_version_made_from_the_effective_one_shows_its_changed_limit_in_the_comparison() {
        String author = ready("RECIPE_AUTHOR", "Anna Author");
        String approver = ready("RECIPE_APPROVER", "Otto Approver");
        String recipeId = recipeId();
        importAs(author, recipeId);
        assertThat(sign(author, recipeId + ":1", "PERFORMED").statusCode()).isEqualTo(201);
        assertThat(sign(approver, recipeId + ":1", "APPROVED").statusCode()).isEqualTo(201);
        HttpResponse<String> effective = Api.session(http, approver, PASSWORD).post("api/v1/recipes/" + recipeId
                + "/versions/1/effective", "{\"reason\":\"approved for routine production\"}");
        assertThat(effective.statusCode()).as(effective.body()).isEqualTo(200);

        browser.signedIn(author, PASSWORD);
        browser.open(page(recipeId, 1));
        assertThat(browser.valueOf("recipe-status")).isEqualTo("Effective");
        browser.type("new-version-reason", "pH range widened (change request CR-17)");
        browser.clickAndWaitForPage("new-version-bar:new-version-button");
        assertThat(browser.path()).contains("version=2");
        assertThat(browser.valueOf("recipe-status")).isEqualTo("Draft");

        browser.clickAndWaitFor(PH_STEP, "Upper action limit");
        browser.type("numeric-upper", "7.4");
        browser.clickAndWaitFor("units:0:operations:1:select-operation", "Operation compounding / ph_control");
        browser.clickAndWaitFor("operation-actions:move-operation-up", "Operation compounding / ph_control");
        browser.waitForTextOf("units:0:operations:0:select-operation", "ph_control");
        browser.type("save-reason", "pH range widened (change request CR-17)");
        browser.clickAndWaitFor("save-bar:save-button", "Saved");

        browser.clickAndWaitForPage("recipe-title:export-bar:compare-link");
        assertThat(browser.path()).startsWith("app/recipe-diff.xhtml");
        assertThat(browser.text()).contains("upper action limit changed from 7.2 to 7.4")
                .contains("Unit procedure 'compounding': order of operations changed from [weighing, ph_control] to"
                        + " [ph_control, weighing]")
                .contains("0 added, 0 removed, 2 changed, 0 moved");
        assertThat(browser.valueOf("diff-table")).contains("numeric.upper").contains("7.2").contains("7.4");
    }

    @Test
    @Tag("A11-10-1")
    void the_reference_recipe_is_imported_in_the_browser_and_its_export_is_the_same_document() throws Exception {
        String author = ready("RECIPE_AUTHOR", "Anna Author");
        String recipeId = recipeId();
        String reference = RecipesIT.reference(recipeId);
        browser.signedIn(author, PASSWORD);
        browser.open("app/recipes.xhtml");
        browser.paste("import-json", reference); // 600 lines: set at once, not typed key by key
        browser.type("import-reason", "reference process moved from the test installation");
        browser.clickAndWaitForPage("import-bar:import-button");
        assertThat(browser.valueOf("recipe-status")).isEqualTo("Draft");
        // the whole procedure is there: five unit procedures down to the reconciliation
        assertThat(browser.text()).contains("Line clearance and preparation").contains("Sterile filtration")
                .contains("Visual inspection and reconciliation").contains("filter_integrity_post").contains("yield");

        Path exported = browser.download("recipe-title:export-bar:export-button", ".json");

        assertThat(exported.getFileName().toString()).isEqualTo("recipe-" + recipeId + "-v1.json");
        String document = java.nio.file.Files.readString(exported, StandardCharsets.UTF_8);
        // the same document that was imported, value for value (numbers as written: 2.10 stays 2.10)
        assertThat(json(document)).isEqualTo(json(reference));
        assertThat(Api.object(Api.session(http, author, PASSWORD).post("api/v1/recipes/validate", document))
                .getBoolean("valid")).isTrue();
    }

    @Test
    @Tag("A11-4.7-1")
    void a_text_longer_than_the_server_keeps_is_stopped_at_its_field_with_a_message_naming_the_field() {
        String author = ready("RECIPE_AUTHOR", "Anna Author");
        String recipeId = recipeId();
        importAs(author, recipeId);
        browser.signedIn(author, PASSWORD);
        browser.open(page(recipeId, 1));
        browser.clickAndWaitFor(PH_STEP, "Upper action limit");
        // the field takes no more than the server keeps ...
        assertThat(browser.script("return document.getElementById('step-name').maxLength;")).isEqualTo(200L);
        assertThat(browser.script("return document.getElementById('save-reason').maxLength;")).isEqualTo(1000L);

        // ... and a longer text pasted into it stops there, and the field says so (never cut without a word)
        browser.paste("step-name", "pH of the bulk solution ".repeat(10));
        assertThat(browser.inputValue("step-name")).hasSize(200);
        assertThat(browser.text()).contains("Name: at most 200 characters; the text stops there.");
        assertThat(browser.occurrences("at most 200 characters")).isEqualTo(1);
        browser.look("recipe-long-input");
        browser.assertAccessible();
        JsonObject stored = Api.session(http, author, PASSWORD).getJson("api/v1/recipes/" + recipeId + "/versions/1");
        assertThat(stored.getJsonArray("unitProcedures").getJsonObject(0).getJsonArray("operations").getJsonObject(1)
                .getJsonArray("steps").getJsonObject(0).getString("name")).isEqualTo("pH of the bulk solution");
        // the server keeps the same limit for every client
        JsonObject checked = Api.object(Api.session(http, author, PASSWORD).post("api/v1/recipes/validate",
                recipe(recipeId).replace("\"pH of the bulk solution\"", "\"" + "pH of the bulk solution ".repeat(10) + "\"")));
        assertThat(checked.getBoolean("valid")).isFalse();
        assertThat(checked.getJsonArray("problems").getJsonObject(0).getString("message"))
                .isEqualTo("name must be at most 200 characters, not 240");
    }

    @Test
    void a_refused_save_is_told_next_to_the_save_button_in_view_and_once() {
        String author = ready("RECIPE_AUTHOR", "Anna Author");
        String recipeId = recipeId();
        importAs(author, recipeId);
        browser.signedIn(author, PASSWORD);
        browser.windowSize(1280, 800).open(page(recipeId, 1));
        browser.clickAndWaitFor(PH_STEP, "Upper action limit");
        browser.type("numeric-lower", "8.0");
        browser.type("save-reason", "typing error on purpose");

        browser.clickAndWaitFor("save-bar:save-button", "nothing was saved");

        assertThat(browser.textOf("save-bar:messages")).contains("The recipe has 1 problem; nothing was saved.");
        browser.waitUntil("the message next to the save button scrolled into view", () -> browser.inView("save-bar:messages"));
        assertThat(browser.occurrences("The recipe has 1 problem")).isEqualTo(1);
        assertThat(browser.textOf("page-messages")).doesNotContain("nothing was saved");
        browser.look("recipe-save-refused");
    }

    @Test
    void signing_is_not_offered_while_the_draft_has_unsaved_changes() {
        String author = ready("RECIPE_AUTHOR", "Anna Author");
        String recipeId = recipeId();
        importAs(author, recipeId);
        browser.signedIn(author, PASSWORD);
        browser.open(page(recipeId, 1));
        assertThat(browser.enabled("submit-signature:open")).isTrue();

        // typed, not yet sent: the page takes the signature away at once
        browser.clickAndWaitFor(PH_STEP, "Upper action limit");
        browser.type("numeric-upper", "7.3");
        browser.waitUntil("the signature disabled", () -> !browser.enabled("submit-signature:open"));
        assertThat(browser.text()).contains("You changed fields since the last save. Save the draft first.");

        // sent with another command: the working copy differs from the stored draft, so no signature is offered at
        // all, and leaving the page still warns
        browser.clickAndWaitFor("units:0:operations:0:steps:0:select-step", "Step weigh_nacl");
        assertThat(browser.textOf("submit-signature:open")).isEmpty();
        assertThat(browser.text()).contains("The working copy has unsaved changes. Save the draft (or discard the changes)"
                + " first").doesNotContain("You changed fields since the last save");
        assertThat(browser.script("return window.ebr.guard.isDirty('designer');")).isEqualTo(true);
        browser.look("recipe-unsaved");

        browser.type("save-reason", "upper pH limit widened after validation batches");
        browser.clickAndWaitFor("save-bar:save-button", "Saved");
        browser.waitUntil("the signature offered again", () -> browser.enabled("submit-signature:open"));
        assertThat(browser.script("return window.ebr.guard.isDirty('designer');")).isEqualTo(false);
    }

    // --- helpers ---------------------------------------------------------------------------------

    private static String recipeId() {
        return "UI-" + Long.toString(System.nanoTime(), 36).toUpperCase(Locale.ROOT);
    }

    private static jakarta.json.JsonObject json(String text) {
        return jakarta.json.Json.createReader(new java.io.StringReader(text)).readObject();
    }

    private static String page(String recipeId, int version) {
        return "app/recipe.xhtml?id=" + URLEncoder.encode(recipeId, StandardCharsets.UTF_8) + "&version=" + version;
    }

    /** A small valid recipe: one weighing with a second-person verification, one pH measurement with limits. */
    static String recipe(String recipeId) {
        return """
                {
                  "recipeId": "%s",
                  "version": 1,
                  "product": "Demoprofen 10 mg/mL solution for injection",
                  "material": "FG-DEMOPROFEN-2ML",
                  "nominalBatchSize": 45.0,
                  "batchSizeUnit": "L",
                  "parameters": [],
                  "formula": [
                    {"material": "sodium chloride", "quantity": 405.0, "unit": "g", "tolerancePercent": 1}
                  ],
                  "unitProcedures": [
                    {"id": "compounding", "name": "Compounding in V-101", "operations": [
                      {"id": "weighing", "name": "Weighing", "steps": [
                        {"id": "weigh_nacl", "name": "Weigh sodium chloride", "type": "MATERIAL_CHARGE", "after": [],
                         "charge": {"material": "sodium chloride", "quantityPerBatch": 405.0, "unit": "g", "tolerancePercent": 1},
                         "signatures": {"verifierRequired": true}}
                      ]},
                      {"id": "ph_control", "name": "pH control", "steps": [
                        {"id": "ph", "name": "pH of the bulk solution", "type": "NUMERIC_ENTRY", "after": ["weigh_nacl"],
                         "numeric": {"unit": "pH", "precision": 2, "target": 7.0, "lower": 6.8, "upper": 7.2,
                                     "alertLower": 6.9, "alertUpper": 7.1},
                         "signatures": {"verifierRequired": false}}
                      ]}
                    ]}
                  ]
                }
                """.formatted(recipeId);
    }

    private void importAs(String author, String recipeId) {
        HttpResponse<String> imported = Api.session(http, author, PASSWORD).post(
                "api/v1/recipes/import?reason=new%20product%20introduction", recipe(recipeId));
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(201);
    }

    private HttpResponse<String> sign(String user, String recordId, String meaning) {
        return new People(http, PASSWORD).sign(user, "RECIPE_VERSION", recordId, meaning);
    }

    /**
     * A person with a password of their own and one role, ready to sign (credential, statement): the
     * same one for every test that asks for this name and role (each test works on its own recipe; a
     * person of their own costs eight slow password hashes).
     */
    private String ready(String role, String fullName) {
        return new People(http, PASSWORD).sharedSigner(RecipeScreensIT.class, fullName, role);
    }
}
