package org.openebr.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
 * The office's batch screens in a real browser (issue 16): the supervisor creates, dispatches, holds,
 * resumes and aborts a batch on the batch list, each change's message at its action (a hold without
 * the password and with a wrong one refused there, nothing changed); classifies a deviation and holds
 * the batch from it; an inspector reads the batch record (a correction beside its original, the
 * deviation, signatures, the signed status history) and has no actions. Batches and entries are made
 * through the API where the screen is not what is tested.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class BatchScreensIT {

    private static final String PASSWORD = People.PASSWORD;
    private static final Pattern CREATED = Pattern.compile("Batch (\\S+) created from");

    /** One shop floor for the class: building it costs a while. */
    private static BatchFloor floor;

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
        if (floor == null) {
            floor = new BatchFloor(http);
        }
    }

    @AfterEach
    void closeBrowser(TestInfo test) {
        browser.screenshot(Path.of("target", "screenshots", test.getDisplayName().replaceAll("\\W+", "_") + ".png"));
        browser.close();
    }

    @Test
    @Tag("A11-9-1")
    void the_supervisor_creates_dispatches_holds_resumes_and_aborts_a_batch_each_message_at_its_action() {
        String product = floor.people.api(floor.supervisor).getJson("api/v1/recipes/" + floor.recipeId).getString("product");
        browser.signIn(floor.supervisor, PASSWORD);
        browser.open("app/batches.xhtml");
        browser.choose("new-recipe", floor.recipeId + " version 1: " + product);
        browser.type("new-quantity", "45");
        browser.type("new-reason", "process order PO-4711");
        browser.clickAndWaitFor("create-bar:create", "created from " + floor.recipeId);
        Matcher created = CREATED.matcher(browser.textOf("create-bar:messages"));
        assertThat(created.find()).as(browser.textOf("create-bar:messages")).isTrue();
        String batch = created.group(1);
        assertThat(browser.valueOf("batch-status")).isEqualTo("Planned");
        assertThat(browser.textOf("batch-progress")).matches("0 of \\d+ steps done, 0 open deviations");
        assertThat(browser.textOf("batch-list")).contains(batch + ": " + product).contains("0 of ");
        browser.look("batches-created-supervisor");
        browser.assertAccessible();

        // a dispatch without a reason is refused at its action; nothing changes
        browser.type("status-line", "Filling line 1");
        browser.clickAndWaitFor("status-bar:dispatch", "Give the reason for the change");
        assertThat(browser.valueOf("batch-status")).isEqualTo("Planned");
        browser.type("status-reason", "materials dispensed, line clearance booked");
        browser.clickAndWaitFor("status-bar:dispatch", "dispatched to Filling line 1");
        assertThat(browser.valueOf("batch-status")).isEqualTo("Ready");

        // hold: without the password, with a wrong one, then signed
        browser.type("status-reason", "filter integrity tester under repair");
        browser.clickAndWaitFor("status-bar:hold", "give your password");
        assertThat(browser.textOf("status-bar:messages")).contains("Nothing was changed");
        assertThat(browser.valueOf("batch-status")).isEqualTo("Ready");
        browser.type("status-password", "not my password");
        browser.clickAndWaitFor("status-bar:hold", "Your password was not accepted");
        assertThat(browser.valueOf("batch-status")).isEqualTo("Ready");
        browser.look("batches-hold-refused-supervisor");
        browser.type("status-password", PASSWORD);
        browser.clickAndWaitFor("status-bar:hold", "is on hold, signed by you");
        assertThat(browser.valueOf("batch-status")).isEqualTo("On hold");

        browser.type("status-reason", "tester repaired and qualified");
        browser.type("status-password", PASSWORD);
        browser.clickAndWaitFor("status-bar:resume", "resumed, signed by you: Ready");
        assertThat(browser.valueOf("batch-status")).isEqualTo("Ready");

        browser.type("status-reason", "process order cancelled by planning");
        browser.type("status-password", PASSWORD);
        browser.clickAndWaitFor("status-bar:abort", "Abort this batch for good?");
        browser.clickAndWaitFor("confirm-yes", "aborted, signed by you");
        assertThat(browser.valueOf("batch-status")).isEqualTo("Aborted");
        assertThat(browser.present("status-bar:abort")).isFalse();
        browser.look("batches-aborted-supervisor");
        browser.assertAccessible();

        // the server recorded each change once, the signed ones with the supervisor's signature
        JsonObject detail = floor.batch(floor.supervisor, batch);
        assertThat(detail.getString("status")).isEqualTo("ABORTED");
        assertThat(detail.getJsonArray("events").getValuesAs(JsonObject.class).stream().map(e -> e.getString("to")))
                .containsExactly("PLANNED", "READY", "ON_HOLD", "READY", "ABORTED");
        browser.open("app/batch.xhtml?batch=" + batch);
        assertThat(browser.textOf("record-history")).contains("filter integrity tester under repair")
                .contains("PERFORMED by Sam Supervisor").doesNotContain("Not valid");
    }

    @Test
    @Tag("P11-50a-1")
    void the_record_shows_a_correction_beside_its_original_and_the_deviation_and_the_inspector_reads_without_actions() {
        String batch = floor.readyBatch();
        floor.perform(floor.operator1, batch, "line_clearance", "{\"acknowledged\":true}", floor.operator2);
        HttpResponse<String> low = floor.enter(floor.operator1, batch, "filter_integrity_pre", "{\"value\":2.9,\"unit\":\"bar\"}");
        assertThat(low.statusCode()).as(low.body()).isEqualTo(201);
        String deviation = Api.object(low).getString("deviationId");
        HttpResponse<String> corrected = floor.correct(floor.operator1, batch, "filter_integrity_pre",
                "{\"value\":3.9,\"unit\":\"bar\",\"reason\":\"read before the pressure had settled; test repeated\"}");
        assertThat(corrected.statusCode()).as(corrected.body()).isEqualTo(201);
        assertThat(floor.sign(floor.operator1, batch, "filter_integrity_pre", "PERFORMED").statusCode()).isEqualTo(201);

        // the supervisor classifies the deviation and holds the batch from it
        browser.signIn(floor.supervisor, PASSWORD);
        browser.open("app/batches.xhtml?batch=" + batch);
        assertThat(browser.textOf("deviation-table")).contains(deviation).contains("Not classified");
        browser.choose("classify-level", "Major");
        browser.type("classify-reason", "integrity test failed first; product risk assessed");
        browser.clickAndWaitFor("classify-bar:classify", "classified as Major");
        assertThat(browser.textOf("deviation-table")).contains("Major");
        browser.type("classify-reason", "investigate the integrity test first");
        browser.type("classify-password", PASSWORD);
        browser.clickAndWaitFor("classify-bar:hold-for-deviation", "because of deviation " + deviation);
        assertThat(browser.valueOf("batch-status")).isEqualTo("On hold");
        browser.look("batches-deviation-held-supervisor");
        browser.assertAccessible();
        browser.signOut();

        String inspector = floor.people.person("Ines Inspektorin", "INSPECTOR");
        browser.signIn(inspector, PASSWORD);
        browser.open("app/batches.xhtml?batch=" + batch);
        assertThat(browser.present("status-bar")).isFalse();
        assertThat(browser.present("classify-bar")).isFalse();
        assertThat(browser.present("create-bar")).isFalse();
        assertThat(browser.textOf("deviation-table")).contains(deviation).contains("Major");

        browser.open("app/batch.xhtml?batch=" + batch);
        assertThat(browser.valueOf("record-status")).isEqualTo("On hold");
        assertThat(browser.textOf("record-recipe")).isEqualTo(floor.recipeId + " version 1");
        assertThat(browser.textOf("record-hash")).matches("SHA-256 [0-9a-f]{64}");
        String step = browser.textOf("step-filter_integrity_pre");
        // the original stays, marked as corrected, beside its correction with the reason
        assertThat(step).contains("2.9 bar").contains("corrected by entry 2").contains("Out of spec")
                .contains("Correction of entry 1").contains("3.9 bar")
                .contains("read before the pressure had settled; test repeated")
                .contains("Deviation " + deviation).contains("PERFORMED by Olga Operator").contains("Europe/Berlin");
        assertThat(browser.textOf("step-line_clearance")).contains("PERFORMED by Olga Operator")
                .contains("VERIFIED by Otto Operator").contains("Valid");
        assertThat(browser.textOf("record-deviations")).contains(deviation).contains("Major")
                .contains("integrity test failed first; product risk assessed");
        assertThat(browser.textOf("record-history")).contains("In progress to On hold")
                .contains("Deviation " + deviation + ": investigate the integrity test first");
        assertThat(browser.present("status-bar")).isFalse();
        assertThat(browser.present("record-title:audit-link")).isTrue();
        browser.look("batch-record-inspector");
        browser.assertAccessible();
        browser.viewport(1024, 768);
        assertThat(browser.scrollsSideways()).isFalse();
        browser.normalViewport();

        browser.clickAndWaitForPage("record-title:audit-link");
        assertThat(browser.path()).startsWith("app/audit-trail.xhtml?batch=" + batch);
        assertThat(browser.text()).contains("Hold batch " + batch);
    }

    @Test
    @Tag("P11-10i-1")
    void the_supervisor_overrides_a_training_gate_signed_at_its_action_and_the_record_shows_the_override() {
        String batch = floor.readyBatch();
        floor.perform(floor.operator1, batch, "line_clearance", "{\"acknowledged\":true}", floor.operator2);
        String untrained = floor.people.signer("Ulf Untrained", "OPERATOR");
        String step = "filter_integrity_pre";
        String name = floor.step(floor.supervisor, batch, step).getString("name");
        browser.signIn(floor.supervisor, PASSWORD);
        browser.open("app/batches.xhtml?batch=" + batch);
        browser.choose("override-step", name + " (" + step + "): OP-STERILE-FILTRATION, OP-FILTER-INTEGRITY");
        browser.type("override-operator", untrained);
        browser.type("override-reason", "requalification passed on 2026-12-01, record being filed");
        // unsigned: refused at its action, nothing granted
        browser.clickAndWaitFor("override-bar:override", "give your password");
        assertThat(browser.textOf("override-bar:messages")).contains("Nothing was changed");
        browser.type("override-password", PASSWORD);
        browser.clickAndWaitFor("override-bar:override", "overridden for " + untrained);
        assertThat(browser.textOf("override-bar:messages")).contains("signed by you").contains("deviation DEV-");
        assertThat(browser.textOf("deviation-table")).contains("Gate overridden by a supervisor");
        browser.look("batches-override-supervisor");
        browser.assertAccessible();

        HttpResponse<String> entered = floor.enter(untrained, batch, step, "{\"value\":3.8,\"unit\":\"bar\"}");
        assertThat(entered.statusCode()).as(entered.body()).isEqualTo(201);
        browser.open("app/batch.xhtml?batch=" + batch);
        assertThat(browser.textOf("record-overrides")).contains(step).contains("for " + untrained)
                .contains("OP-STERILE-FILTRATION, OP-FILTER-INTEGRITY").contains("requalification passed")
                .contains("APPROVED by Sam Supervisor").contains("Valid").contains("entry 1");
        browser.look("batch-record-override-supervisor");
        browser.assertAccessible();
        assertThat(floor.people.api(floor.supervisor).post("api/v1/batches/" + batch + "/abort",
                "{\"reason\":\"test batch not needed\",\"password\":" + Api.q(PASSWORD) + "}").statusCode()).isEqualTo(200);
    }
}
