package org.openebr.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.URL;
import java.net.http.HttpResponse;
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
 * A recipe as its readers meet it: like the demo recipe, it has one effective version and many
 * newer ones (drafts, one in review). Operators and supervisors see the effective version and
 * nothing else, on the screen and on the API; an author lands on the newest draft, an approver on the
 * effective version with the one in review a click away; the versions are a paged list. Each test
 * makes its own recipe and people.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class RecipeReadersIT {

    private static final String PASSWORD = "weigh the sodium chloride twice";

    /** Versions the recipe gets: 1 effective, 2 to 13 drafts, 14 in review, 15 the newest draft. */
    private static final int VERSIONS = 15;

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.earWithProbe();
    }

    @ArquillianResource
    URL contextRoot;

    Http http;
    Browser browser;
    People people;

    @BeforeEach
    void open() {
        http = new Http(contextRoot);
        people = new People(http, PASSWORD);
        browser = Browser.shared(getClass(), contextRoot);
    }

    @AfterEach
    void closeBrowser(TestInfo test) {
        browser.screenshot(Path.of("target", "screenshots", "RecipeReadersIT_" + test.getTestMethod().orElseThrow().getName()
                + ".png"));
        browser.nextTest(getClass());
    }

    /** One Chromium for the class's tests (see {@link Browser#shared}). */
    @AfterAll
    static void quitBrowser() {
        Browser.closeShared(RecipeReadersIT.class);
    }

    @Test
    void an_operator_opening_a_recipe_sees_its_effective_version_and_no_other_version() {
        Recipe recipe = recipeWithManyVersions();
        String operator = people.person("Olaf Operator", "OPERATOR");
        browser.signIn(operator, PASSWORD);

        browser.open("app/recipes.xhtml");
        assertThat(browser.valueOf("recipe-table")).contains(recipe.id).contains("version 1").contains("Effective")
                .doesNotContain("Newest version").doesNotContain("version " + VERSIONS);

        browser.open("app/recipe.xhtml?id=" + recipe.id);
        assertThat(browser.valueOf("recipe-status")).isEqualTo("Effective");
        assertThat(browser.text()).contains("Recipe " + recipe.id + ", version 1")
                .contains("This is the version batches are made from.")
                .doesNotContain("In review").doesNotContain("Draft").doesNotContain("A newer version exists")
                .doesNotContain("Versions (");
        assertThat(browser.textOf("versions")).isEmpty();
        browser.look("recipe-operator");
        browser.assertAccessible();

        // a draft named in the address is refused, in words, and nothing of it shows
        browser.open("app/recipe.xhtml?id=" + recipe.id + "&version=" + VERSIONS);
        assertThat(browser.text()).contains("Version " + VERSIONS + " of recipe " + recipe.id + " is not the effective"
                        + " version; operators and supervisors work from the effective version only (version 1).")
                .contains("There is no such recipe version for you to read.");
        assertThat(browser.textOf("recipe-status")).isEmpty();
    }

    @Test
    @Tag("P11-10g-1")
    void the_api_refuses_an_operator_and_a_supervisor_any_version_but_the_effective_one() {
        Recipe recipe = recipeWithManyVersions();
        Api operator = new Api(http, people.person("Olaf Operator", "OPERATOR"), PASSWORD);
        Api supervisor = new Api(http, people.person("Susi Supervisor", "SUPERVISOR"), PASSWORD);
        Api inspector = new Api(http, people.person("Ines Inspector", "INSPECTOR"), PASSWORD);
        String path = "api/v1/recipes/" + recipe.id;

        for (Api reader : java.util.List.of(operator, supervisor)) {
            HttpResponse<String> draft = reader.get(path + "/versions/" + VERSIONS);
            assertThat(draft.statusCode()).as(draft.body()).isEqualTo(403);
            assertThat(draft.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
            JsonObject problem = Api.object(draft);
            assertThat(problem.getString("type")).endsWith("/recipe-effective-only");
            assertThat(problem.getString("detail")).contains("is not the effective version")
                    .contains("(version 1)");
            assertThat(reader.get(path + "/versions/14/summary").statusCode()).isEqualTo(403);
            assertThat(reader.get(path + "/versions/1/diff/" + VERSIONS).statusCode()).isEqualTo(403);
            assertThat(reader.get(path + "/versions/1").statusCode()).isEqualTo(200);
            // the recipe and the list show them the effective version alone
            JsonObject summary = reader.getJson(path);
            assertThat(summary.getJsonArray("versions")).hasSize(1);
            assertThat(summary.getJsonArray("versions").getJsonObject(0).getInt("version")).isEqualTo(1);
            assertThat(Api.array(reader.get("api/v1/recipes")).stream().map(JsonObject.class::cast)
                    .filter(r -> r.getString("recipeId").equals(recipe.id))
                    .map(r -> r.getJsonArray("versions").size())).containsExactly(1);
        }
        // an inspector reads every version
        assertThat(inspector.get(path + "/versions/" + VERSIONS).statusCode()).isEqualTo(200);
        assertThat(inspector.getJson(path).getJsonArray("versions")).hasSize(VERSIONS);
    }

    @Test
    void an_author_lands_on_the_newest_draft_and_pages_through_the_versions_newest_first() {
        Recipe recipe = recipeWithManyVersions();
        browser.signIn(recipe.author, PASSWORD);
        browser.open("app/recipe.xhtml?id=" + recipe.id);

        assertThat(browser.valueOf("recipe-status")).isEqualTo("Draft");
        assertThat(browser.text()).contains("Recipe " + recipe.id + ", version " + VERSIONS).contains("Check and save")
                .contains("Versions (" + VERSIONS + ")");
        // five to a page, newest first, the one shown marked in words; the effective one is on the last page
        assertThat(browser.valueOf("versions")).contains("version 15 (shown)").contains("version 14")
                .contains("In review").contains("version 11").contains("versions 1 to 5 of " + VERSIONS)
                .doesNotContain("version 10").doesNotContain("Effective");
        browser.look("recipe-author");
        browser.assertAccessible();

        browser.script("document.querySelector('#versions .ui-paginator-next').click();");
        browser.waitForTextOf("versions", "versions 6 to 10 of " + VERSIONS);
        assertThat(browser.valueOf("versions")).contains("version 10").contains("version 6").doesNotContain("version 11");
        browser.script("document.querySelector('#versions .ui-paginator-last').click();");
        browser.waitForTextOf("versions", "versions 11 to 15 of " + VERSIONS);
        assertThat(browser.valueOf("versions")).containsPattern("version 1\\s+Effective");
        browser.clickAndWaitForPage("versions:14:version-link");
        assertThat(browser.path()).contains("version=1");
        assertThat(browser.valueOf("recipe-status")).isEqualTo("Effective");
        // the list opens on the page of the version shown
        assertThat(browser.valueOf("versions")).contains("version 1 (shown)").contains("versions 11 to 15 of " + VERSIONS);
    }

    @Test
    void an_approver_opens_the_effective_version_and_the_version_in_review_is_one_click_away() {
        Recipe recipe = recipeWithManyVersions();
        String approver = people.signer("Otto Approver", "RECIPE_APPROVER");
        browser.signIn(approver, PASSWORD);
        browser.open("app/recipes.xhtml");
        assertThat(browser.valueOf("recipe-table")).contains("Newest version").contains("version " + VERSIONS);

        browser.open("app/recipe.xhtml?id=" + recipe.id);
        assertThat(browser.valueOf("recipe-status")).isEqualTo("Effective");
        assertThat(browser.valueOf("newer-version")).contains("open version 14").contains("In review");
        assertThat(browser.text()).doesNotContain("Sign to approve");

        browser.clickAndWaitForPage("newer-link");
        assertThat(browser.valueOf("recipe-status")).isEqualTo("In review");
        assertThat(browser.text()).contains("Recipe " + recipe.id + ", version 14").contains("Review and approve")
                .contains("Sign to approve");
        browser.look("recipe-approver");
        browser.assertAccessible();
    }

    // --- helpers ---------------------------------------------------------------------------------

    record Recipe(String id, String author) {
    }

    /** Like the demo recipe: version 1 effective, then drafts, one of them (14) in review, the newest a draft. */
    private Recipe recipeWithManyVersions() {
        String author = people.signer("Anna Author", "RECIPE_AUTHOR");
        String approver = people.signer("Arne Approver", "RECIPE_APPROVER");
        String id = "READ-" + Long.toString(System.nanoTime(), 36).toUpperCase(Locale.ROOT);
        Api authorApi = new Api(http, author, PASSWORD);
        HttpResponse<String> imported = authorApi.post("api/v1/recipes/import?reason=new%20product%20introduction",
                RecipeScreensIT.recipe(id));
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(201);
        assertThat(people.sign(author, "RECIPE_VERSION", id + ":1", "PERFORMED").statusCode()).isEqualTo(201);
        assertThat(people.sign(approver, "RECIPE_VERSION", id + ":1", "APPROVED").statusCode()).isEqualTo(201);
        HttpResponse<String> effective = new Api(http, approver, PASSWORD).post("api/v1/recipes/" + id
                + "/versions/1/effective", "{\"reason\":\"approved for routine production\"}");
        assertThat(effective.statusCode()).as(effective.body()).isEqualTo(200);
        for (int version = 2; version <= VERSIONS; version++) {
            HttpResponse<String> created = authorApi.post("api/v1/recipes/" + id + "/versions",
                    "{\"basedOn\":1,\"reason\":\"trial change " + version + "\"}");
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        }
        assertThat(people.sign(author, "RECIPE_VERSION", id + ":14", "PERFORMED").statusCode()).isEqualTo(201);
        return new Recipe(id, author);
    }

}
