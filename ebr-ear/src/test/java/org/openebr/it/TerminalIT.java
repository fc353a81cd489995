package org.openebr.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The operator terminal (issue 16, "Done when"): two operators, each on a terminal of their own,
 * execute a whole batch of the reference recipe in a real browser - parallel branches at the same
 * time, a refused dirty vessel, scans routed to the card that needs them, an out-of-limit pH that
 * raises a deviation, a deviation raised by hand, a correction with its reason, the verifier's
 * signature given on the second terminal, an entry that is not saved while the network is cut - and
 * the batch ends COMPLETED with every entry, signature and correction in its record and audit trail.
 * The dispensing before the batch is set up through the API (it is not the terminal's job).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class TerminalIT {

    private static BatchFloor floor;

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.earWithProbe();
    }

    @ArquillianResource
    URL contextRoot;

    private BatchFloor floor() {
        if (floor == null) {
            floor = BatchFloor.withDemoOperators(new Http(contextRoot));
        }
        return floor;
    }

    @Test
    @Tag("PR-211.188b-1")
    @Tag("DI-FDA-Q2-1")
    @Tag("DI-FDA-Q12-1")
    void two_operators_execute_a_whole_batch_on_their_terminals_and_the_record_holds_every_entry_signature_and_correction() {
        BatchFloor f = floor();
        String batch = f.readyBatch();
        String vessel = f.cleanVessel();
        String sample = "SMP-" + Long.toString(System.nanoTime(), 36).toUpperCase();
        try (Browser olga = new Browser(contextRoot); Browser otto = new Browser(contextRoot)) {
            // the batch is picked from the tiles
            olga.signIn(f.operator1, f.operatorPassword).open("app/terminal.xhtml");
            olga.waitForVisibleAt("a[data-batch='" + batch + "']");
            assertThat(olga.textAt("a[data-batch='" + batch + "']")).contains(batch, "Demoprofen", "Filling line 1",
                    "Ready", "0 of 26 steps done");
            olga.look("terminal-tiles");
            olga.assertAccessible();
            olga.clickAt("a[data-batch='" + batch + "']");
            olga.waitForVisibleAt("#scan");
            assertThat(olga.script("return document.activeElement.id")).as("the scan field has the focus").isEqualTo("scan");
            assertThat(olga.textAt("section[data-step='line_clearance']")).contains("Line clearance", "To do");
            assertThat(olga.textAt("#waiting")).contains("after line_clearance");

            // line clearance: operator1 performs, operator2 verifies on the other terminal
            record(olga, "line_clearance");
            sign(olga, "line_clearance", "performed", f.operator1);
            olga.waitForTextAt("section[data-step='line_clearance']", "Waiting for verifier");
            otto.signIn(f.operator2, f.operatorPassword).open("app/terminal.xhtml?batch=" + batch);
            sign(otto, "line_clearance", "verified", f.operator2);
            otto.waitForTextAt("#done-list li[data-step='line_clearance']", "verified by " + f.operator2);

            // the parallel branches, side by side, worked on at the same time on two terminals
            olga.open("app/terminal.xhtml?batch=" + batch);
            for (String branch : List.of("vessel_check", "balance_check", "ph_meter_check", "filter_integrity_pre")) {
                assertThat(olga.presentAt("section[data-step='" + branch + "']")).as(branch).isTrue();
            }
            assertThat(olga.script("var a = document.querySelector(\"section[data-step='vessel_check']\").getBoundingClientRect();"
                    + " var b = document.querySelector(\"section[data-step='balance_check']\").getBoundingClientRect();"
                    + " return Math.abs(a.top - b.top) < 2 && a.left !== b.left;")).as("branches side by side").isEqualTo(true);
            olga.look("terminal-parallel");
            olga.assertAccessible();
            // a dirty vessel is refused at its card, in words, and nothing is recorded
            scan(olga, "V-102");
            olga.waitForTextAt("section[data-step='vessel_check'] .ebr-terminal-refused", "NOT saved");
            assertThat(olga.textAt("section[data-step='vessel_check'] .ebr-terminal-refused")).contains("V-102");
            assertThat(f.step(f.supervisor, batch, "vessel_check").getString("state")).isEqualTo("AVAILABLE");
            olga.look("terminal-refused");
            scan(olga, vessel);
            saved(olga, "vessel_check");
            sign(olga, "vessel_check", "performed", f.operator1);

            otto.open("app/terminal.xhtml?batch=" + batch);
            scan(otto, "BAL-01");
            saved(otto, "balance_check");
            sign(otto, "balance_check", "performed", f.operator2);
            scan(otto, "PHM-01");
            saved(otto, "ph_meter_check");
            sign(otto, "ph_meter_check", "performed", f.operator2);
            // the network is cut: the terminal says so at once and never shows the entry as saved
            keys(otto, "filter_integrity_pre", "4.1");
            otto.offline(true);
            try {
                otto.clickAt("section[data-step='filter_integrity_pre'] .ebr-terminal-save");
                otto.waitForVisibleAt("#connection-banner");
                otto.waitForTextAt("section[data-step='filter_integrity_pre']", "NOT saved");
                assertThat(otto.textAt("#connection-banner")).contains("No connection - your last entry was NOT saved");
                assertThat(otto.textAt("section[data-step='filter_integrity_pre']")).doesNotContain("Saved on the server");
                assertThat(otto.script("return document.querySelector(\"section[data-step='filter_integrity_pre']"
                        + " input.ebr-terminal-number\").value")).as("the value stays in its field").isEqualTo("4.1");
                otto.look("terminal-offline");
            } finally {
                otto.offline(false);
            }
            assertThat(f.step(f.supervisor, batch, "filter_integrity_pre").getString("state")).isEqualTo("AVAILABLE");
            otto.clickAt("section[data-step='filter_integrity_pre'] .ebr-terminal-save");
            saved(otto, "filter_integrity_pre");
            assertThat(otto.textAt("#connection-banner")).isNotBlank();
            assertThat(otto.script("return document.getElementById('connection-banner').hidden")).isEqualTo(true);
            assertThat(otto.textAt("section[data-step='filter_integrity_pre']")).contains("IN SPEC");
            sign(otto, "filter_integrity_pre", "performed", f.operator2);

            // the charges: each scanned container goes to the charge it was dispensed for
            olga.open("app/terminal.xhtml?batch=" + batch);
            scan(olga, f.container(batch, "weigh_nacl"));
            saved(olga, "weigh_nacl");
            scan(olga, gs1(f, f.container(batch, "weigh_api")));
            saved(olga, "weigh_api");
            assertThat(olga.textAt("#scan-note")).contains("Scanned ", "for step '");
            sign(olga, "weigh_api", "performed", f.operator1);
            sign(olga, "weigh_nacl", "performed", f.operator1);
            scan(olga, f.container(batch, "weigh_phosphate"));
            saved(olga, "weigh_phosphate");
            sign(olga, "weigh_phosphate", "performed", f.operator1);
            otto.open("app/terminal.xhtml?batch=" + batch);
            assertThat(otto.textAt("section[data-step='weigh_api']")).contains("Waiting for verifier");
            sign(otto, "weigh_api", "verified", f.operator2);
            otto.waitForTextAt("#done-list", "verified by " + f.operator2);

            olga.open("app/terminal.xhtml?batch=" + batch);
            scan(olga, f.container(batch, "charge_wfi"));
            saved(olga, "charge_wfi");
            sign(olga, "charge_wfi", "performed", f.operator1);

            // compounding: an instruction with a deviation raised by hand, a machine value typed by hand
            record(olga, "mix");
            olga.clickAt("section[data-step='mix'] details.ebr-terminal-more summary");
            olga.typeAt("section[data-step='mix'] textarea[id$='deviation-text']", "Foam on the surface after 10 min of mixing");
            olga.clickAt("section[data-step='mix'] button[id$=':raise']");
            olga.waitForTextAt("section[data-step='mix'] .ebr-terminal-ok", "Deviation ");
            sign(olga, "mix", "performed", f.operator1);
            olga.typeAt("section[data-step='mix_temperature'] input.ebr-terminal-number", "22.5");
            olga.typeAt("section[data-step='mix_temperature'] input[id$='manual-reason']", "vessel probe not connected yet");
            record(olga, "mix_temperature");
            sign(olga, "mix_temperature", "performed", f.operator1);
            // typed instead of read from the machine: it waits for a second person (A11D-10-1)
            olga.waitForTextAt("section[data-step='mix_temperature']", "Waiting for verifier");
            otto.open("app/terminal.xhtml?batch=" + batch);
            sign(otto, "mix_temperature", "verified", f.operator2);
            olga.open("app/terminal.xhtml?batch=" + batch);
            // a correction with its reason: the original stays, struck through, with who and when
            olga.typeAt("section[data-step='make_up_weight'] input.ebr-terminal-number", "45.32");
            record(olga, "make_up_weight");
            olga.clickAt("section[data-step='make_up_weight'] details.ebr-terminal-more summary");
            olga.typeAt("section[data-step='make_up_weight'] input[id$='new-value']", "45.27");
            olga.typeAt("section[data-step='make_up_weight'] input[id$='correction-reason']", "misread the balance; weighed again");
            olga.clickAt("section[data-step='make_up_weight'] button[id$=':correct']");
            olga.waitForTextAt("section[data-step='make_up_weight'] .ebr-terminal-ok", "Correction saved");
            assertThat(olga.textAt("section[data-step='make_up_weight'] .ebr-terminal-old del")).isEqualTo("45.32 kg");
            assertThat(olga.textAt("section[data-step='make_up_weight'] .ebr-terminal-old")).contains("recorded by " + f.operator1);
            assertThat(olga.textAt("section[data-step='make_up_weight'] .ebr-terminal-who"))
                    .contains("Corrected by " + f.operator1, "reason: misread the balance; weighed again");
            olga.look("terminal-correction");
            sign(olga, "make_up_weight", "performed", f.operator1);

            // the pH out of its action limits: OUT OF SPEC and the deviation, at the card
            keys(olga, "ph", "7.35");
            record(olga, "ph");
            olga.waitForTextAt("section[data-step='ph']", "OUT OF SPEC");
            assertThat(olga.textAt("section[data-step='ph'] .ebr-terminal-ok")).containsPattern("Deviation DEV-\\S+ raised");
            olga.look("terminal-out-of-spec");
            sign(olga, "ph", "performed", f.operator1);

            // a sample id is no container or unit: the scan goes to the sampling step
            scan(olga, sample);
            saved(olga, "bioburden");
            sign(olga, "bioburden", "performed", f.operator1);
            record(olga, "filtration");
            sign(olga, "filtration", "performed", f.operator1);
            number(olga, "filter_integrity_post", "3.9", f.operator1);

            // the fill weight mean typed from the checkweigher's printout: a reason, and a second person
            olga.typeAt("section[data-step='fill_weight'] input.ebr-terminal-number", "2.10");
            olga.typeAt("section[data-step='fill_weight'] input[id$='manual-reason']", "checkweigher not connected yet");
            record(olga, "fill_weight");
            sign(olga, "fill_weight", "performed", f.operator1);
            otto.open("app/terminal.xhtml?batch=" + batch);
            sign(otto, "fill_weight", "verified", f.operator2);
            olga.open("app/terminal.xhtml?batch=" + batch);

            // filling and reconciliation
            olga.typeAt("section[data-step='filled_vials'] input.ebr-terminal-number", "19800");
            olga.typeAt("section[data-step='filled_vials'] input[id$='manual-reason']", "filler counter not connected yet");
            record(olga, "filled_vials");
            sign(olga, "filled_vials", "performed", f.operator1);
            otto.open("app/terminal.xhtml?batch=" + batch);
            sign(otto, "filled_vials", "verified", f.operator2);
            olga.open("app/terminal.xhtml?batch=" + batch);
            olga.clickAt("section[data-step='crimp_check'] button.ebr-terminal-choice");
            saved(olga, "crimp_check");
            sign(olga, "crimp_check", "performed", f.operator1);
            number(olga, "rejects_particles", "120", f.operator1);
            number(olga, "rejects_cracks", "15", f.operator1);
            number(olga, "rejects_fill_level", "40", f.operator1);
            number(olga, "rejects_cosmetic", "25", f.operator1);
            number(olga, "good_vials", "19600", f.operator1);
            record(olga, "yield");
            olga.waitForTextAt("section[data-step='yield']", "98.0 %");
            sign(olga, "yield", "performed", f.operator1);
            record(olga, "vial_difference");
            sign(olga, "vial_difference", "performed", f.operator1);

            olga.clickAndWaitFor("complete-bar:complete", "is COMPLETED");
            assertThat(olga.textAt("[id='batch-header:batch-status']")).isEqualTo("COMPLETED");
            olga.look("terminal-completed");
        }

        JsonObject record = f.people.api(f.supervisor).getJson("api/v1/batches/" + batch + "/record");
        assertThat(record.getJsonObject("batch").getString("status")).isEqualTo("COMPLETED");
        List<JsonObject> entries = record.getJsonArray("entries").getValuesAs(JsonObject.class);
        assertThat(entries).hasSize(27);
        assertThat(entries).filteredOn(e -> e.getString("stepId").equals("make_up_weight"))
                .extracting(e -> e.getString("kind") + " " + e.getString("raw") + " " + e.getString("recordedBy"))
                .containsExactly("ENTRY 45.32 " + f.operator1, "CORRECTION 45.27 " + f.operator1);
        assertThat(entries).filteredOn(e -> e.getString("stepId").equals("ph")).singleElement()
                .satisfies(e -> assertThat(e.getString("judgement")).isEqualTo("OUT_OF_SPEC"))
                .satisfies(e -> assertThat(e.getString("deviationId")).startsWith("DEV-"));
        assertThat(entries).filteredOn(e -> e.getString("stepId").equals("vessel_check")).singleElement()
                .satisfies(e -> assertThat(e.getString("equipmentId")).isEqualTo(vessel));
        assertThat(entries).filteredOn(e -> e.getString("stepId").equals("bioburden")).singleElement()
                .satisfies(e -> assertThat(e.getString("sampleId")).isEqualTo(sample));
        List<JsonObject> signatures = record.getJsonArray("signatures").getValuesAs(JsonObject.class);
        assertThat(signatures).filteredOn(s -> s.getString("meaning").equals("PERFORMED")).hasSize(26);
        assertThat(signatures).filteredOn(s -> s.getString("meaning").equals("VERIFIED"))
                .extracting(s -> s.getString("recordId") + " " + s.getString("userName"))
                .containsExactlyInAnyOrder(batch + ":line_clearance " + f.operator2, batch + ":weigh_api " + f.operator2,
                        // the machine values typed by hand, verified by a second person (A11D-10-1)
                        batch + ":mix_temperature " + f.operator2, batch + ":fill_weight " + f.operator2,
                        batch + ":filled_vials " + f.operator2);
        assertThat(record.getJsonArray("refusals").getValuesAs(JsonObject.class))
                .anySatisfy(r -> assertThat(r.getString("stepId") + " " + r.getString("message")).startsWith("vessel_check")
                        .contains("V-102"));
        assertThat(record.getJsonObject("batch").getJsonArray("deviations").getValuesAs(JsonObject.class))
                .extracting(d -> d.getString("stepId") + " " + d.getString("origin"))
                .contains("ph OUT_OF_LIMITS", "mix RAISED");

        JsonObject audit = f.people.api(f.releaser).getJson("api/v1/audit?text=" + URLEncoder.encode("Correct step make_up_weight of batch "
                + batch, StandardCharsets.UTF_8));
        assertThat(audit.getJsonArray("entries").getValuesAs(JsonObject.class)).isNotEmpty()
                .allSatisfy(e -> assertThat(e.getString("userName") + " " + e.getString("reason"))
                        .isEqualTo(f.operator1 + " misread the balance; weighed again"));
    }

    /**
     * The human-readable form of the GS1 element string on the container's label (what a scanner
     * configured for it types): GTIN of Demoprofen, expiry, lot, container id.
     */
    private static String gs1(BatchFloor f, String container) {
        JsonObject facts = f.operators.api(f.operator1).getJson("api/v1/containers/" + container);
        String expiry = java.time.LocalDate.parse(facts.getString("expiryDate"))
                .format(java.time.format.DateTimeFormatter.ofPattern("yyMMdd"));
        return "(01)04012345000016(17)" + expiry + "(10)" + facts.getString("lotId") + "(21)" + container;
    }

    /** Presses the card's Save (Done, Compute) button and waits for the server's answer at the card. */
    private static void record(Browser b, String step) {
        b.clickAt("section[data-step='" + step + "'] .ebr-terminal-save");
        saved(b, step);
    }

    private static void saved(Browser b, String step) {
        b.waitForTextAt("section[data-step='" + step + "'] .ebr-terminal-ok", "on the server");
    }

    /** Types a value on the card's on-screen keypad (gloves: no keyboard). */
    private static void keys(Browser b, String step, String value) {
        for (char c : value.toCharArray()) {
            b.clickAt("section[data-step='" + step + "'] .ebr-key[data-key='" + c + "']");
        }
    }

    private static void number(Browser b, String step, String value, String user) {
        b.typeAt("section[data-step='" + step + "'] input.ebr-terminal-number", value);
        record(b, step);
        sign(b, step, "performed", user);
    }

    /** A barcode scanner: types into the one scan field and ends with Enter. */
    private static void scan(Browser b, String code) {
        b.typeAt("#scan", code);
        b.enterAt("#scan");
    }

    /** The card's Sign button opens the signature dialog: user id the first time in the session, then the password. */
    private static void sign(Browser b, String step, String meaning, String user) {
        b.clickAt("section[data-step='" + step + "'] button[id$=':sign-" + meaning + "']");
        b.waitForVisibleAt("[id='sign:password']");
        if (b.presentAt("[id='sign:user-id']")) {
            b.typeAt("[id='sign:user-id']", user);
        }
        b.typeAt("[id='sign:password']", floor.operatorPassword);
        b.clickAt("[id='sign:sign']");
        b.waitForVisibleAt("[id='sign:close']");
        b.clickAt("[id='sign:close']");
        b.waitUntil("step " + step + " signed " + meaning, () -> b.textAt("#done-list li[data-step='" + step + "']")
                .contains(step.equals("line_clearance") || step.equals("weigh_api") ? "verified" : "performed by")
                || b.textAt("section[data-step='" + step + "']").contains("Waiting for verifier"));
        b.waitUntil("the dialog closed", () -> !b.presentAt(".ui-dialog-mask"));
    }
}
