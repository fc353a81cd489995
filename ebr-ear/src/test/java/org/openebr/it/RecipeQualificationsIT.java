package org.openebr.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Qualifications a master recipe requires per operation and step (the training records batch
 * execution asks for): through the API, where an old document without them still imports and a
 * code no training record can have is refused at its place, and on the designer, where the author
 * edits them and a reader sees what a step requires.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class RecipeQualificationsIT {

    private static final String PASSWORD = "gown twice, fill once";

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.earWithProbe();
    }

    @ArquillianResource
    URL contextRoot;

    Browser browser;

    @BeforeEach
    void open() {
        browser = new Browser(contextRoot);
    }

    @AfterEach
    void closeBrowser(TestInfo test) {
        browser.screenshot(Path.of("target", "screenshots", test.getDisplayName().replaceAll("\\W+", "_") + ".png"));
        browser.close();
    }

    @Test
    @Tag("A11-4.7-1")
    void a_recipe_stores_its_qualifications_an_old_document_imports_without_and_a_wrong_code_is_refused_at_its_place() {
        Http http = new Http(contextRoot);
        People people = new People(http, PASSWORD);
        Api author = people.api(people.person("Anna Author", "RECIPE_AUTHOR"));

        // a document from before qualifications existed: imported as it is, exported without the member
        String old = uniqueId();
        HttpResponse<String> imported = author.post("api/v1/recipes/import?reason=new%20product", RecipeScreensIT.recipe(old));
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(201);
        assertThat(author.get("api/v1/recipes/" + old + "/versions/1").body()).doesNotContain("qualifications");

        String recipeId = uniqueId();
        HttpResponse<String> qualified = author.post("api/v1/recipes/import?reason=new%20product",
                withQualifications(recipeId, "\"OP-WEIGHING\", \"OP-GOWNING\"", "\"OP-PH-METER\""));
        assertThat(qualified.statusCode()).as(qualified.body()).isEqualTo(201);
        JsonObject stored = author.getJson("api/v1/recipes/" + recipeId + "/versions/1");
        JsonObject weighing = stored.getJsonArray("unitProcedures").getJsonObject(0).getJsonArray("operations").getJsonObject(0);
        assertThat(weighing.getJsonArray("qualifications").getValuesAs(jakarta.json.JsonString::getString))
                .containsExactly("OP-WEIGHING", "OP-GOWNING");
        assertThat(stored.getJsonArray("unitProcedures").getJsonObject(0).getJsonArray("operations").getJsonObject(1)
                .getJsonArray("steps").getJsonObject(0).getJsonArray("qualifications").getValuesAs(jakarta.json.JsonString::getString))
                .containsExactly("OP-PH-METER");

        String refusedId = uniqueId();
        HttpResponse<String> refused = author.post("api/v1/recipes/import?reason=new%20product",
                withQualifications(refusedId, "\"OP-WEIGHING\", \"OP-WEIGHING\"", "\"ph meter\""));
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(422);
        assertThat(refused.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(Api.object(refused).getJsonArray("violations").getValuesAs(JsonObject.class))
                .extracting(v -> v.getString("field") + " " + v.getString("message")).containsExactly(
                        "$.unitProcedures[0].operations[0].qualifications[1] qualification 'OP-WEIGHING' is already"
                                + " required at $.unitProcedures[0].operations[0].qualifications[0]",
                        "$.unitProcedures[0].operations[1].steps[0].qualifications[0] qualification 'ph meter' must be"
                                + " a code of 2 to 100 capital letters, digits, '.', '_' or '-' as training records name it,"
                                + " e.g. OP-ASEPTIC-FILLING");
        assertThat(author.get("api/v1/recipes/" + refusedId).statusCode()).isEqualTo(404);
    }

    @Test
    void the_author_edits_the_qualifications_of_an_operation_and_a_step_and_a_reader_sees_what_a_step_requires() {
        Http http = new Http(contextRoot);
        People people = new People(http, PASSWORD);
        String author = people.person("Anna Author", "RECIPE_AUTHOR");
        String reader = people.person("Quinn Reviewer", "QA_REVIEWER"); // reads drafts too, edits nothing
        String recipeId = uniqueId();
        HttpResponse<String> imported = people.api(author).post("api/v1/recipes/import?reason=new%20product",
                RecipeScreensIT.recipe(recipeId));
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(201);

        browser.signIn(author, PASSWORD);
        browser.open(page(recipeId));
        browser.clickAndWaitFor("units:0:operations:0:select-operation", "whoever performs a step of this operation");
        browser.type("operation-qualifications", "OP-WEIGHING, OP-GOWNING");
        browser.clickAndWaitFor("units:0:operations:1:steps:0:select-step", "Upper action limit");
        assertThat(browser.text()).contains("in addition to the operation's: none.");
        // a code no training record can have is stopped at its field, with what it must look like
        browser.type("step-qualifications", "ph meter");
        browser.type("save-reason", "qualifications for batch execution (CC-2026-040)");
        browser.clickAndWaitFor("save-bar:save-button", "separated by commas");
        assertThat(browser.textOf("step-qualifications-message")).contains("Qualifications: training record codes");
        browser.look("recipe-qualifications-refused");
        browser.type("step-qualifications", "OP-PH-METER");
        browser.clickAndWaitFor("save-bar:save-button", "Saved");
        assertThat(browser.inputValue("step-qualifications")).isEqualTo("OP-PH-METER");
        browser.look("recipe-qualifications");
        browser.assertAccessible();

        JsonObject stored = people.api(author).getJson("api/v1/recipes/" + recipeId + "/versions/1");
        JsonObject compounding = stored.getJsonArray("unitProcedures").getJsonObject(0);
        assertThat(compounding.getJsonArray("operations").getJsonObject(0).getJsonArray("qualifications")
                .getValuesAs(jakarta.json.JsonString::getString)).isEqualTo(List.of("OP-WEIGHING", "OP-GOWNING"));
        assertThat(compounding.getJsonArray("operations").getJsonObject(1).getJsonArray("steps").getJsonObject(0)
                .getJsonArray("qualifications").getValuesAs(jakarta.json.JsonString::getString)).isEqualTo(List.of("OP-PH-METER"));

        browser.signOut().signIn(reader, PASSWORD);
        browser.open(page(recipeId));
        browser.clickAndWaitFor("units:0:operations:0:select-operation", "a current training record for each step");
        assertThat(browser.textOf("read-operation-qualifications")).endsWith("OP-WEIGHING, OP-GOWNING");
        browser.clickAndWaitFor("units:0:operations:0:steps:0:select-step", "Verifier required");
        assertThat(browser.textOf("read-step-qualifications")).isEqualTo("OP-WEIGHING, OP-GOWNING (with its operation's)");
        browser.clickAndWaitFor("units:0:operations:1:steps:0:select-step", "Action limits");
        assertThat(browser.textOf("read-step-qualifications")).isEqualTo("OP-PH-METER");
        browser.look("recipe-qualifications-read");
        browser.assertAccessible();
    }

    /** The small recipe of the screen tests, its weighing operation and its pH step requiring these (JSON strings). */
    private static String withQualifications(String recipeId, String weighing, String ph) {
        String recipe = RecipeScreensIT.recipe(recipeId)
                .replace("]},\n      {\"id\": \"ph_control\"", "], \"qualifications\": [" + weighing + "]},\n      {\"id\": \"ph_control\"")
                .replace("\"signatures\": {\"verifierRequired\": false}}",
                        "\"signatures\": {\"verifierRequired\": false}, \"qualifications\": [" + ph + "]}");
        assertThat(recipe).contains(weighing).contains(ph);
        return recipe;
    }

    private static String uniqueId() {
        return "Q-" + Long.toString(System.nanoTime(), 36).toUpperCase(Locale.ROOT);
    }

    private static String page(String recipeId) {
        return "app/recipe.xhtml?id=" + URLEncoder.encode(recipeId, StandardCharsets.UTF_8) + "&version=1";
    }
}
