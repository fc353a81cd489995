package org.openebr.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openebr.it.Api.q;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openebr.it.Oq.Part;

/**
 * Operational qualification, the electronic batch record from recipe to release on the customer's
 * installation: a master recipe of the run's own, approved by two people; a batch of it executed with a
 * second person's verification, a value out of its limits and its correction; reviewed by exception
 * and released by QA; the record then stays as it is, its signatures verify with openssl against the
 * installation's CA, and the audit trail tells the story. The tests build on each other in their order
 * (OQ-04 to OQ-08), as the steps of an OQ protocol do.
 */
@TestMethodOrder(MethodOrderer.DisplayName.class)
@Tag("oq")
class BatchRecordOQ {

    private static final String CORRECTION_REASON = "electrode not equilibrated; measured again after 2 min";

    private static String recipeId;
    private static String batch;
    private static String deviation;
    private static String approval;

    private final Oq oq = Oq.current();

    @Test
    @DisplayName("OQ-04 a master recipe becomes effective only with its author's and an independent approver's signatures")
    @Tag("PR-211.186-1")
    @Tag("A11D-13-3")
    @Tag("SIG-CRYPTO-1")
    @Tag("negative")
    void a_recipe_is_approved_by_two_people() throws Exception {
        String id = oq.run + "-RECIPE";
        HttpResponse<String> imported = oq.api(Part.AUTHOR).post("api/v1/recipes/import", Oq.recipe(id));
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(201);
        int version = Api.object(imported).getInt("version");
        String record = id + ":" + version;
        // not effective before its approval
        HttpResponse<String> early = oq.api(Part.APPROVER).post("api/v1/recipes/" + id + "/versions/" + version + "/effective",
                "{\"reason\":\"too early\"}");
        assertThat(early.statusCode()).as(early.body()).isBetween(400, 499);
        assertThat(oq.sign(Part.AUTHOR, "RECIPE_VERSION", record, "PERFORMED").statusCode()).isEqualTo(201);
        // the author does not approve what they wrote; a wrong password signs nothing
        HttpResponse<String> own = oq.sign(Part.AUTHOR, "RECIPE_VERSION", record, "APPROVED");
        assertThat(own.statusCode()).as(own.body()).isBetween(400, 499);
        assertThat(oq.problem(own).getInt("status")).isEqualTo(own.statusCode());
        HttpResponse<String> wrong = oq.signWithPassword(Part.APPROVER, "not the password " + oq.run, "RECIPE_VERSION",
                record, "APPROVED");
        assertThat(wrong.statusCode()).as(wrong.body()).isBetween(400, 499);
        assertThat(oq.problem(wrong).getInt("status")).isEqualTo(wrong.statusCode());
        HttpResponse<String> approved = oq.sign(Part.APPROVER, "RECIPE_VERSION", record, "APPROVED");
        assertThat(approved.statusCode()).as(approved.body()).isEqualTo(201);
        approval = Api.object(approved).getString("id");
        HttpResponse<String> effective = oq.api(Part.APPROVER).post("api/v1/recipes/" + id + "/versions/" + version
                + "/effective", "{\"reason\":\"effective for the operational qualification " + oq.run + "\"}");
        assertThat(effective.statusCode()).as(effective.body()).isEqualTo(200);
        JsonObject shown = oq.api(Part.SUPERVISOR).getJson("api/v1/recipes/" + id);
        assertThat(shown.toString()).contains("EFFECTIVE");
        // the approval verifies offline with openssl against the installation's CA certificate
        verifiesWithOpenssl(approval);
        recipeId = id;
    }

    @Test
    @DisplayName("OQ-05 a batch is executed step by step: a second person verifies, a bad value is refused, a value out"
            + " of limits raises a deviation and a correction keeps the original with its reason")
    @Tag("P11-10g-2")
    @Tag("A11-9-1")
    @Tag("P11-10e-3")
    @Tag("negative")
    void a_batch_is_executed() {
        assertThat(recipeId).as("the recipe of OQ-04").isNotNull();
        String b = oq.readyBatch(recipeId);
        Api operator = oq.api(Part.OPERATOR);
        assertThat(operator.post(steps(b, "line_clearance") + "/entries", "{\"acknowledged\":true}").statusCode()).isEqualTo(201);
        assertThat(oq.sign(Part.OPERATOR, "BATCH_STEP", b + ":line_clearance", "PERFORMED").statusCode()).isEqualTo(201);
        // nobody verifies their own step
        HttpResponse<String> own = oq.sign(Part.OPERATOR, "BATCH_STEP", b + ":line_clearance", "VERIFIED");
        assertThat(own.statusCode()).as(own.body()).isBetween(400, 499);
        assertThat(oq.sign(Part.SECOND_OPERATOR, "BATCH_STEP", b + ":line_clearance", "VERIFIED").statusCode()).isEqualTo(201);
        // a value that is not one is refused with its problem, and nothing is recorded
        HttpResponse<String> notANumber = operator.post(steps(b, "ph") + "/entries", "{\"value\":\"7,0\",\"unit\":\"pH\"}");
        assertThat(notANumber.statusCode()).as(notANumber.body()).isEqualTo(422);
        assertThat(oq.problem(notANumber).getString("detail")).contains("7,0");
        assertThat(step(b, "ph").containsKey("current")).as(step(b, "ph").toString()).isFalse();
        // out of its limits: recorded, flagged and a deviation raised
        HttpResponse<String> high = operator.post(steps(b, "ph") + "/entries", "{\"value\":7.35,\"unit\":\"pH\"}");
        assertThat(high.statusCode()).as(high.body()).isEqualTo(201);
        deviation = Api.object(high).getString("deviationId");
        assertThat(oq.sign(Part.OPERATOR, "BATCH_STEP", b + ":ph", "PERFORMED").statusCode()).isEqualTo(201);
        // a correction needs its reason, and keeps the original beside it
        HttpResponse<String> noReason = operator.post(steps(b, "ph") + "/corrections", "{\"value\":7.04,\"unit\":\"pH\"}");
        assertThat(noReason.statusCode()).as(noReason.body()).isEqualTo(422);
        HttpResponse<String> corrected = operator.post(steps(b, "ph") + "/corrections",
                "{\"value\":7.04,\"unit\":\"pH\",\"reason\":" + q(CORRECTION_REASON) + "}");
        assertThat(corrected.statusCode()).as(corrected.body()).isEqualTo(201);
        assertThat(oq.sign(Part.OPERATOR, "BATCH_STEP", b + ":ph", "PERFORMED").statusCode()).isEqualTo(201);
        assertThat(operator.post(steps(b, "crimp_check") + "/entries", "{\"choice\":\"pass\"}").statusCode()).isEqualTo(201);
        assertThat(oq.sign(Part.OPERATOR, "BATCH_STEP", b + ":crimp_check", "PERFORMED").statusCode()).isEqualTo(201);
        HttpResponse<String> completed = operator.post("api/v1/batches/" + b + "/complete", "{\"reason\":\"all steps signed\"}");
        assertThat(completed.statusCode()).as(completed.body()).isEqualTo(200);

        JsonObject record = oq.api(Part.QA_REVIEWER).getJson("api/v1/batches/" + b + "/record");
        JsonObject ph = record.getJsonObject("batch").getJsonArray("steps").getValuesAs(JsonObject.class).stream()
                .filter(s -> s.getString("stepId").equals("ph")).findFirst().orElseThrow();
        assertThat(ph.getBoolean("flagged")).isTrue();
        assertThat(ph.getJsonObject("current").getString("raw")).isEqualTo("7.04");
        // the original stays beside its correction, with the deviation it raised and the correction's reason
        List<JsonObject> phEntries = record.getJsonArray("entries").getValuesAs(JsonObject.class).stream()
                .filter(e -> e.getString("stepId").equals("ph")).toList();
        assertThat(phEntries).extracting(e -> e.getString("kind")).containsExactly("ENTRY", "CORRECTION");
        assertThat(phEntries.get(0).getString("raw")).isEqualTo("7.35");
        assertThat(phEntries.get(0).getString("deviationId")).isEqualTo(deviation);
        assertThat(phEntries.get(1).getString("reason")).isEqualTo(CORRECTION_REASON);
        assertThat(phEntries.get(1).getString("recordedBy")).isEqualTo(oq.user(Part.OPERATOR));
        batch = b;
    }

    @Test
    @DisplayName("OQ-06 QA reviews by exception and a second person releases; nothing is released while anything is"
            + " open, and the released record stays as it is")
    @Tag("PR-211.192-1")
    @Tag("DI-FDA-Q7-1")
    @Tag("A11-15-1")
    @Tag("A11D-12-5")
    @Tag("negative")
    void qa_reviews_and_releases() throws Exception {
        assertThat(batch).as("the batch of OQ-05").isNotNull();
        String b = batch;
        // not released while the review is not signed and the deviation open
        HttpResponse<String> early = oq.sign(Part.QA_RELEASER, "BATCH", b, "RELEASED");
        assertThat(early.statusCode()).as(early.body()).isEqualTo(409);
        assertThat(oq.problem(early).getString("detail")).contains("REVIEWED");
        // an operator does not even read the review
        HttpResponse<String> byOperator = oq.api(Part.OPERATOR).get("api/v1/batches/" + b + "/review");
        assertThat(byOperator.statusCode()).as(byOperator.body()).isEqualTo(403);

        HttpResponse<String> classified = oq.api(Part.SUPERVISOR).post("api/v1/batches/" + b + "/deviations/" + deviation
                + "/classification", "{\"classification\":\"MINOR\",\"reason\":\"measurement error, no product impact\"}");
        assertThat(classified.statusCode()).as(classified.body()).isEqualTo(200);
        Api reviewer = oq.api(Part.QA_REVIEWER);
        HttpResponse<String> closed = reviewer.post("api/v1/batches/" + b + "/deviations/" + deviation + "/closure",
                "{\"rootCause\":\"pH electrode read before it had equilibrated\",\"impact\":\"none: measured again, within"
                        + " limits\",\"capa\":" + q("CAPA-" + oq.run) + "}");
        assertThat(closed.statusCode()).as(closed.body()).isEqualTo(200);
        JsonObject review = reviewer.getJson("api/v1/batches/" + b + "/review");
        assertThat(review.getJsonArray("exceptions").getValuesAs(JsonObject.class))
                .as("the out-of-limit pH is an exception for the reviewer").anyMatch(x -> x.getString("exceptionId")
                        .equals("VALUE-ph-1"));
        for (JsonObject x : review.getJsonArray("exceptions").getValuesAs(JsonObject.class)) {
            if (!x.getString("kind").startsWith("DEVIATION") && !"ACCEPTED".equals(x.getString("disposition", null))) {
                HttpResponse<String> accepted = reviewer.post("api/v1/batches/" + b + "/review/exceptions/"
                        + x.getString("exceptionId") + "/disposition", "{\"decision\":\"ACCEPTED\",\"comment\":"
                        + q("reviewed against the record: " + x.getString("summary")) + "}");
                assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(201);
            }
        }
        HttpResponse<String> reviewed = oq.sign(Part.QA_REVIEWER, "BATCH", b, "REVIEWED");
        assertThat(reviewed.statusCode()).as(reviewed.body()).isEqualTo(201);
        // the reviewer does not release what they reviewed
        HttpResponse<String> byReviewer = oq.sign(Part.QA_REVIEWER, "BATCH", b, "RELEASED");
        assertThat(byReviewer.statusCode()).as(byReviewer.body()).isEqualTo(403);
        HttpResponse<String> released = oq.sign(Part.QA_RELEASER, "BATCH", b, "RELEASED");
        assertThat(released.statusCode()).as(released.body()).isEqualTo(201);
        assertThat(oq.api(Part.INSPECTOR).getJson("api/v1/batches/" + b).getString("status")).isEqualTo("RELEASED");

        // the released record stays as it is
        HttpResponse<String> late = oq.api(Part.OPERATOR).post(steps(b, "crimp_check") + "/corrections",
                "{\"choice\":\"fail\",\"reason\":\"after release\"}");
        assertThat(late.statusCode()).as(late.body()).isBetween(400, 499);
        JsonObject record = oq.api(Part.INSPECTOR).getJson("api/v1/batches/" + b + "/record");
        List<JsonObject> signatures = record.getJsonArray("signatures").getValuesAs(JsonObject.class);
        assertThat(signatures).isNotEmpty().allMatch(s -> s.getBoolean("valid"));
        assertThat(signatures).filteredOn(s -> s.getString("recordType").equals("BATCH"))
                .extracting(s -> s.getString("meaning")).containsExactlyInAnyOrder("REVIEWED", "RELEASED");
        String release = signatures.stream().filter(s -> s.getString("meaning").equals("RELEASED")).findFirst()
                .orElseThrow().getString("id");
        verifiesWithOpenssl(release);
        HttpResponse<byte[]> pdf = oq.api(Part.INSPECTOR).getBytes("api/v1/batches/" + b + "/report.pdf");
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(new String(pdf.body(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        Files.createDirectories(oq.report);
        Files.write(oq.report.resolve("batch-report-" + b + ".pdf"), pdf.body());
    }

    @Test
    @DisplayName("OQ-07 the audit trail shows who changed what, when and why, the inspector changes nothing, and the"
            + " trail verifies intact")
    @Tag("A11-12.4-1")
    @Tag("A11D-12-1")
    @Tag("P11-10a-1")
    void the_audit_trail_tells_the_story() {
        assertThat(batch).as("the batch of OQ-05").isNotNull();
        Api inspector = oq.api(Part.INSPECTOR);
        JsonObject trail = inspector.getJson("api/v1/audit?size=200&batch=" + batch);
        List<JsonObject> entries = trail.getJsonArray("entries").getValuesAs(JsonObject.class);
        assertThat(entries).isNotEmpty();
        assertThat(trail.toString()).contains(CORRECTION_REASON).contains(oq.user(Part.OPERATOR));
        // each entry: who (user name and printed name), when (server time, site zone), what and, for a correction, why
        assertThat(entries).allMatch(e -> e.containsKey("recordedAt") && e.containsKey("siteZone")
                && e.containsKey("userName") && e.containsKey("command"));
        assertThat(entries).anyMatch(e -> oq.user(Part.OPERATOR).equals(e.getString("userName"))
                && CORRECTION_REASON.equals(e.getString("reason", null)));
        // read-only for the inspector
        HttpResponse<String> write = inspector.post("api/v1/batches/" + batch + "/addenda",
                "{\"subject\":\"inspection\",\"text\":\"an inspector's note\",\"password\":\"x\"}");
        assertThat(write.statusCode()).as(write.body()).isEqualTo(403);
        // the hash chain and its signed checkpoints verify
        JsonObject verification = inspector.getJson("api/v1/audit/verification");
        assertThat(verification.getBoolean("intact")).as(verification.toString()).isTrue();
        oq.write("audit-trail-" + batch + ".json", trail.toString());
    }

    @Test
    @DisplayName("OQ-08 on the screens: a wrong password is refused on the sign-in page, the inspector reads the released"
            + " record with its signatures and correction and has no actions")
    @Tag("P11-50b-1")
    @Tag("negative")
    void the_screens_show_the_record() {
        assertThat(batch).as("the batch of OQ-05").isNotNull();
        try (Browser browser = new Browser(oq.target)) {
            browser.open("login.xhtml");
            browser.type("userName", oq.user(Part.INSPECTOR));
            browser.type("password", "not the password " + oq.run);
            browser.clickAndWaitForPage("login-bar:sign-in");
            assertThat(browser.path()).startsWith("login.xhtml");
            assertThat(browser.text()).contains("User name or password not accepted.");
            browser.screenshot(oq.screenshot("oq-08-wrong-password"));

            browser.signIn(oq.user(Part.INSPECTOR), oq.accounts.get(Part.INSPECTOR).password());
            browser.open("app/batch.xhtml?batch=" + batch);
            assertThat(browser.valueOf("record-status")).isEqualTo("Released");
            assertThat(browser.textOf("step-ph")).contains("Correction of entry 1").contains(CORRECTION_REASON)
                    .contains("PERFORMED by " + oq.fullName(Part.OPERATOR));
            assertThat(browser.textOf("step-line_clearance")).contains("VERIFIED by " + oq.fullName(Part.SECOND_OPERATOR));
            assertThat(browser.text()).contains("RELEASED by " + oq.fullName(Part.QA_RELEASER));
            browser.windowSize(1280, 800);
            browser.screenshot(oq.screenshot("oq-08-released-record-1280"));
            browser.windowSize(1024, 768);
            browser.screenshot(oq.screenshot("oq-08-released-record-1024"));
            // the batch as the inspector finds it in the list: read-only, none of the supervisor's action bars
            browser.open("app/batches.xhtml?batch=" + batch);
            assertThat(browser.present("status-bar")).as("status actions for the inspector").isFalse();
            assertThat(browser.present("classify-bar")).as("deviation actions for the inspector").isFalse();
            assertThat(browser.present("create-bar")).as("batch creation for the inspector").isFalse();
            browser.screenshot(oq.screenshot("oq-08-inspector-batches-1024"));
        }
    }

    private static String steps(String b, String step) {
        return "api/v1/batches/" + b + "/steps/" + step;
    }

    private JsonObject step(String b, String step) {
        return oq.api(Part.SUPERVISOR).getJson("api/v1/batches/" + b).getJsonArray("steps").getValuesAs(JsonObject.class)
                .stream().filter(s -> s.getString("stepId").equals(step)).findFirst().orElseThrow();
    }

    /** The signature's offline bundle verified with openssl against the CA certificate the installation publishes. */
    private void verifiesWithOpenssl(String signature) throws IOException, InterruptedException {
        HttpResponse<byte[]> zip = oq.api(Part.INSPECTOR).getBytes("api/v1/signatures/" + signature + "/bundle");
        assertThat(zip.statusCode()).isEqualTo(200);
        Path bundle = SignatureBundles.unpack(zip.body(), oq.report.resolve("signatures").resolve(signature));
        HttpResponse<String> ca = oq.api(Part.INSPECTOR).get("api/v1/audit/certificate");
        assertThat(ca.statusCode()).as(ca.body()).isEqualTo(200);
        Path caFile = oq.report.resolve("installation-ca.pem");
        Files.writeString(caFile, ca.body());
        SignatureBundles.verifiesWithOpenssl(bundle, caFile);
    }
}
