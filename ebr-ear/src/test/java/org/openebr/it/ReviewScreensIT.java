package org.openebr.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openebr.it.Api.q;

import jakarta.json.JsonObject;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * QA's review and release in a real browser (issue 17): qa1 finds the completed batch in the review
 * queue, dispositions an exception (a missing justification refused at the form), closes the deviation
 * and signs the review with the batch's audit trail on the same screen; qa2 releases it and adds a
 * signed addendum; an inspector reads it all without a way to change anything; the released record can
 * then no longer be changed. The other exceptions are dispositioned through the API, where
 * the screen is not what is tested.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ReviewScreensIT {

    private static final String DEMO = Api.DEMO_PASSWORD;

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
        browser = new Browser(contextRoot);
    }

    @AfterEach
    void closeBrowser(TestInfo test) {
        browser.screenshot(Path.of("target", "screenshots", test.getDisplayName().replaceAll("\\W+", "_") + ".png"));
        browser.close();
    }

    @Test
    @Tag("DI-FDA-Q7-1")
    @Tag("A11-15-1")
    @Tag("ALCOA-Cons-1")
    void qa1_reviews_a_batch_by_exception_and_signs_qa2_releases_it_and_the_record_stays_as_it_is() throws Exception {
        BatchFloor floor = new BatchFloor(http);
        String[] made = floor.completedBatch();
        String batch = made[0];
        String deviation = made[1];
        People demo = new People(http, DEMO);
        demo.readyToSign("qa1");
        demo.readyToSign("qa2");

        // the queue: the completed batch waits for review
        browser.signIn("qa1", DEMO);
        browser.open("app/review.xhtml");
        assertThat(browser.text()).contains("To review").contains(batch);
        browser.look("review-queue-qa");
        browser.assertAccessible();
        browser.open("app/review.xhtml?batch=" + batch);
        assertThat(browser.text()).contains("Review of batch " + batch).contains("VALUE-ph-1").contains(deviation)
                .contains("Checked by the system").contains("Audit trail of this batch");
        browser.look("review-workspace-qa");
        browser.assertAccessible();
        sameReadingEverywhere(batch, browser.text());
        browser.viewport(1024, 768);
        assertThat(browser.scrollsSideways()).isFalse();
        browser.normalViewport();

        // a disposition without its justification is refused where it was asked for; with it, recorded
        String ph = "#exception-VALUE-ph-1";
        browser.clickAt(ph + " button[id$='accept']");
        browser.waitForTextAt(ph, "Give the justification of the disposition");
        browser.typeAt(ph + " textarea", "electrode not equilibrated; the corrected value 7.04 is within limits");
        browser.clickAt(ph + " button[id$='accept']");
        browser.waitForTextAt(ph, "Accepted by qa1");
        // the deviation closed with root cause, impact and CAPA
        String dev = "#exception-" + deviation;
        browser.typeAt(dev + " textarea[id$='root-cause']", "pH electrode read before it had equilibrated");
        browser.typeAt(dev + " textarea[id$='impact']", "none: measured again after equilibration, 7.04 within limits");
        browser.typeAt(dev + " input[id$='capa']", "CAPA-2026-0042");
        browser.clickAt(dev + " button[id$='close-deviation']");
        browser.waitForTextAt(dev, "Closed deviation");

        // signing while exceptions wait is refused, naming them, in the dialog
        sign("review-signature", "qa1");
        browser.waitForText("not dispositioned");
        assertThat(browser.text()).contains("MANUAL-mix_temperature-1");
        browser.look("review-refused-open-items-qa");
        browser.open("app/review.xhtml?batch=" + batch);
        Api qa1 = Api.demo(http, "qa1");
        for (JsonObject x : qa1.getJson("api/v1/batches/" + batch + "/review").getJsonArray("exceptions")
                .getValuesAs(JsonObject.class)) {
            if (!x.getString("kind").startsWith("DEVIATION") && !x.containsKey("decided")) {
                HttpResponse<String> done = qa1.post("api/v1/batches/" + batch + "/review/exceptions/"
                        + x.getString("exceptionId") + "/disposition", "{\"decision\":\"ACCEPTED\",\"comment\":"
                        + q("checked against the record: " + x.getString("summary")) + "}");
                assertThat(done.statusCode()).as(done.body()).isEqualTo(201);
            }
        }
        browser.open("app/review.xhtml?batch=" + batch);
        sign("review-signature", "qa1");
        browser.waitForText("Signed: REVIEWED by Quentin Reviewer");
        browser.clickAndWaitFor("review-signature:close", "Reviewed, awaits release");
        browser.waitForHidden("review-signature:dialog");
        browser.signOut();

        // qa2 releases it
        browser.signIn("qa2", DEMO);
        browser.open("app/review.xhtml");
        assertThat(browser.text()).contains("To release").contains(batch);
        browser.open("app/review.xhtml?batch=" + batch);
        browser.look("review-release-qa");
        sign("release-signature", "qa2");
        browser.waitForText("Signed: RELEASED by Quinn Releaser");
        browser.clickAndWaitFor("release-signature:close", "Released");
        browser.waitForHidden("release-signature:dialog");
        assertThat(browser.valueOf("review-status")).isEqualTo("Released");
        // decided: no signing offered any more
        browser.open("app/review.xhtml?batch=" + batch);
        assertThat(browser.present("sign-review")).isFalse();
        assertThat(browser.present("decide")).isFalse();
        // later information: an addendum beside the record, signed with the password typed with it
        browser.type("addendum-form:addendum-subject", "Stability result T3M");
        browser.type("addendum-form:addendum-text", "3-month stability pull: assay 99.6 %, pH 7.03, within specification.");
        browser.type("addendum-form:addendum-password", DEMO);
        browser.clickAndWaitFor("addendum-form:addendum-bar:add-addendum", "Addendum 1 is added and signed");
        assertThat(browser.textOf("addenda")).contains("Stability result T3M").contains("PERFORMED: Quinn Releaser");
        browser.look("review-released-qa");
        browser.assertAccessible();

        // an inspector reads the same workspace read-only: the documents to download, nothing to decide or change
        browser.signOut();
        browser.signIn("inspector1", DEMO);
        browser.open("app/review.xhtml?batch=" + batch);
        assertThat(browser.text()).contains("Review of batch " + batch).contains("Released").contains("Stability result T3M");
        assertThat(browser.present("download-form:download-bar:download-report")).isTrue();
        assertThat(browser.present("download-form:download-bar:download-signatures")).isTrue();
        assertThat(browser.presentAt("#exceptions-card textarea")).isFalse();
        assertThat(browser.presentAt("#exceptions-card button")).isFalse();
        assertThat(browser.present("addendum-form:addendum-subject")).isFalse();
        assertThat(browser.present("review-signature:open")).isFalse();
        assertThat(browser.present("release-signature:open")).isFalse();
        browser.look("review-released-inspector");
        browser.assertAccessible();

        // released: no more entries, for anyone
        HttpResponse<String> late = floor.correct(floor.operator1, batch, "ph", "{\"value\":7.01,\"unit\":\"pH\","
                + "\"reason\":\"late thought\"}");
        assertThat(late.statusCode()).as(late.body()).isEqualTo(409);
        assertThat(Api.object(late).getString("detail")).contains("read-only");
    }

    private void sign(String dialog, String user) {
        browser.clickAndWaitFor(dialog + ":open", "Meaning of your signature");
        browser.type(dialog + ":user-id", user);
        browser.type(dialog + ":password", DEMO);
        browser.clickAt("[id='" + dialog + ":sign']");
    }

    /**
     * One reading, the same digits and unit on the review screen, in record.json, in the BatchML and in the batch
     * report (ALCOA+ consistent): the first pH entry of the batch, 7.35 pH.
     */
    private void sameReadingEverywhere(String batch, String screen) throws Exception {
        Api qa = Api.demo(http, "qa1");
        JsonObject record = jakarta.json.Json.createReader(new java.io.ByteArrayInputStream(
                qa.getBytes("api/v1/batches/" + batch + "/record.json").body())).readObject().getJsonObject("record");
        JsonObject ph = record.getJsonArray("entries").getValuesAs(JsonObject.class).stream()
                .filter(e -> e.getString("stepId").equals("ph") && e.getInt("seq") == 1).findFirst().orElseThrow();
        String reading = ph.getJsonNumber("value").bigDecimalValue().toPlainString() + " " + ph.getString("unit");
        assertThat(reading).isEqualTo("7.35 pH");
        assertThat(screen).contains("Value " + reading + " outside the action limits");
        String xml = new String(qa.getBytes("api/v1/batches/" + batch + "/record.xml").body(),
                java.nio.charset.StandardCharsets.UTF_8);
        assertThat(xml).containsPattern("<EntryID>ph-1</EntryID>(?s:(?!</Event>).)*<ValueString>7.35</ValueString>"
                + "\\s*<DataType>decimal</DataType>\\s*<UnitOfMeasure>pH</UnitOfMeasure>");
        try (org.apache.pdfbox.pdmodel.PDDocument pdf = org.apache.pdfbox.Loader.loadPDF(
                qa.getBytes("api/v1/batches/" + batch + "/report.pdf").body())) {
            assertThat(new org.apache.pdfbox.text.PDFTextStripper().getText(pdf).replaceAll("\\s+", " "))
                    .contains(reading);
        }
    }
}
