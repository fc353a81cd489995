package org.openebr.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
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

/** The audit trail screens in a real browser on the real server: what an inspector and QA see and export. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AuditScreensIT {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.earWithProbe();
    }

    @ArquillianResource
    URL contextRoot;

    Browser browser;

    @BeforeEach
    void openBrowser() {
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
        Browser.closeShared(AuditScreensIT.class);
    }

    @Test
    @Tag("A11D-12-4")
    void an_inspector_filters_the_trail_opens_a_history_and_exports_pdf_and_csv_stating_the_filter() throws IOException {
        browser.signedIn("inspector1", Api.DEMO_PASSWORD);
        browser.open("app/audit-trail.xhtml");
        browser.waitForText("Audit trail");

        browser.choose("entity-type", "RoleGrant");
        browser.type("user", "system");
        browser.clickAndWaitFor("search-bar:search", "record type = RoleGrant; user = system");
        assertThat(browser.text()).contains("Create demo accounts").contains("demo mode").contains("OPERATOR")
                .doesNotContain("No audit trail entries");

        Path pdf = browser.download("export-bar:export-pdf", ".pdf");
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            PDFTextStripper stripper = new PDFTextStripper();
            int pages = document.getNumberOfPages();
            for (int i = 1; i <= pages; i++) {
                stripper.setStartPage(i);
                stripper.setEndPage(i);
                assertThat(stripper.getText(document)).contains("Page " + i + " of " + pages).contains("record type = RoleGrant; user = system");
            }
        }
        Path csv = browser.download("export-bar:export-csv", ".csv");
        assertThat(Files.readString(csv)).contains("revision,").contains("RoleGrant").doesNotContain("UserAccount,");

        browser.look("audit-trail-inspector-role-grants");
        browser.assertAccessible();

        browser.clickAndWaitForPage("entries:0:history");
        assertThat(browser.path()).startsWith("app/audit-history.xhtml");
        assertThat(browser.text()).contains("History of RoleGrant").contains("Version 1").contains("CREATED");
        browser.look("audit-history-role-grant");
        browser.assertAccessible();
    }

    @Test
    @Tag("A11D-12-4")
    void an_inspector_reads_a_recipe_change_by_name_in_words_without_scrolling_sideways() {
        Http http = new Http(contextRoot);
        People people = new People(http);
        String author = people.person("Rhea Recipewriter", "RECIPE_AUTHOR");
        String recipe = RecipesIT.uniqueId();
        String document = RecipesIT.reference(recipe);
        assertThat(people.api(author).post("api/v1/recipes/import?reason=new%20product", document).statusCode()).isEqualTo(201);
        String saved = document.replace("\"upper\": 45.37", "\"upper\": 45.35");
        assertThat(people.api(author).put("api/v1/recipes/" + recipe + "/versions/1", "{\"draftRevision\":1,"
                + "\"reason\":\"net weight limit after validation run 3\",\"document\":" + saved + "}").statusCode()).isEqualTo(200);

        browser.signedIn("inspector1", Api.DEMO_PASSWORD);
        browser.open("app/audit-trail.xhtml");
        browser.choose("entity-type", "RecipeVersion");
        browser.type("text", "net weight limit after validation run 3");
        browser.clickAndWaitFor("search-bar:search", "text contains");
        browser.waitForText("upper action limit changed from 45.37 to 45.35");
        assertThat(browser.text()).contains(recipe + " version 1 (Demoprofen 10 mg/mL solution for injection)")
                .contains("Rhea Recipewriter").contains("Reason: net weight limit after validation run 3")
                .doesNotContain("unitProcedures");
        noSidewaysScrolling();
        browser.look("audit-trail-recipe-change");
        browser.assertAccessible();

        // the complete old and new document one click away
        browser.clickFirstAndWaitFor("#entries .ui-row-toggler", "Complete text before and after");
        browser.clickFirstAndWaitFor("details.ebr-expand > summary", "\"upper\": 45.35");
        noSidewaysScrolling();
        browser.look("audit-trail-recipe-change-details");
        browser.assertAccessible();

        // the history marks what the save changed
        browser.clickAndWaitForPage("entries:0:history");
        assertThat(browser.text()).contains("History of RecipeVersion " + recipe + " version 1").contains("Version 2")
                .contains("CHANGED").contains("upper action limit changed from 45.37 to 45.35");
        assertThat(browser.countOf("ebr-changed")).isGreaterThanOrEqualTo(2);
        noSidewaysScrolling();
        browser.look("audit-history-recipe");
        browser.assertAccessible();
    }

    /** The page fits the window at 1280 and at 1024 px: nothing to scroll sideways to. */
    private void noSidewaysScrolling() {
        for (int[] size : new int[][] {{1280, 800}, {1024, 768}}) {
            browser.viewport(size[0], size[1]);
            try {
                assertThat(browser.horizontalOverflow()).as("sideways scrolling at %d px", size[0]).isZero();
            } finally {
                browser.normalViewport();
            }
        }
    }

    @Test
    @Tag("P11-10a-1")
    void qa_checks_the_integrity_of_the_trail_on_screen() {
        browser.signIn("qa1", Api.DEMO_PASSWORD);
        browser.open("app/audit-trail.xhtml");
        browser.clickAndWaitFor("verify-bar:verify", "revisions recomputed");
        assertThat(browser.valueOf("verification-result")).startsWith("INTACT");
    }

    @Test
    @Tag("A11D-12-4")
    void operators_and_administrators_cannot_open_the_audit_trail() {
        browser.signIn("operator1", Api.DEMO_PASSWORD);
        browser.open("app/audit-trail.xhtml");
        assertThat(browser.text()).doesNotContain("Verify integrity now");
        assertThat(browser.text().toLowerCase()).contains("not allowed");
    }
}
