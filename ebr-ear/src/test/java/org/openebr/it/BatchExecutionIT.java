package org.openebr.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openebr.it.Api.q;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.URL;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
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
 * Batch execution on the real server through the API: a batch of the reference recipe executed from
 * its first step to completion (every step type, a verifier where the recipe asks for one, an
 * out-of-limit pH that raises a deviation and its correction with a reason, a machine value typed by
 * hand, a late entry, QC's sample result, the calculations), the control recipe that a new master
 * version does not reach, gapless batch numbers, sequencing, the signed hold/resume/abort, idempotent
 * calls, and every bad input of the issue with its own problem type and nothing recorded half-way.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class BatchExecutionIT {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.earWithProbe();
    }

    @ArquillianResource
    URL contextRoot;

    Http http;
    BatchFloor floor;

    /** One shop floor for the class: it takes many API calls to set up. */
    private static BatchFloor shared;

    @BeforeEach
    void clients() {
        http = new Http(contextRoot);
        synchronized (BatchExecutionIT.class) {
            if (shared == null) {
                shared = new BatchFloor(http);
            }
        }
        floor = shared;
    }

    @Test
    @Tag("PR-211.188b-1")
    @Tag("PR-211.188b-3")
    @Tag("PR-211.188b-4")
    @Tag("DI-FDA-Q2-1")
    @Tag("ALCOA-O-1")
    @Tag("ALCOA-Acc-1")
    @Tag("A11-6-1")
    @Tag("C4-4.8-1")
    @Tag("PR-211.192-1")
    @Tag("DI-FDA-Q7-1")
    @Tag("A11D-12-5")
    @Tag("A11D-17-1")
    @Tag("A11-15-1")
    @Tag("A11-8.2-1")
    @Tag("P11-10b-2")
    @Tag("ISA88-4-1")
    @Tag("P11-10b-1")
    @Tag("ALCOA-E-1")
    @Tag("negative")
    void a_whole_batch_is_executed_reviewed_by_exception_and_released_and_its_record_then_stays_as_it_is() throws Exception {
        String op1 = floor.operator1;
        String op2 = floor.operator2;
        String batch = floor.readyBatch();
        String vessel = floor.cleanVessel();
        assertThat(floor.batch(op1, batch).getString("status")).isEqualTo("READY");

        floor.perform(op1, batch, "line_clearance", "{\"acknowledged\":true}", null);
        // the verifier is still missing: the step is not done, its successors wait
        assertThat(floor.step(op1, batch, "line_clearance").getString("state")).isEqualTo("PERFORMED");
        assertThat(floor.batch(op1, batch).getString("status")).isEqualTo("IN_PROGRESS");
        assertRefused(floor.enter(op1, batch, "vessel_check", "{\"equipmentId\":" + q(vessel) + "}"), 409,
                "step-not-available", "line_clearance");
        assertThat(floor.sign(op2, batch, "line_clearance", "VERIFIED").statusCode()).isEqualTo(201);
        assertThat(floor.step(op1, batch, "line_clearance").getString("state")).isEqualTo("DONE");

        floor.perform(op1, batch, "vessel_check", "{\"equipmentId\":" + q(vessel) + "}", null);
        JsonObject taken = floor.people.api(op1).getJson("api/v1/equipment/" + vessel);
        assertThat(taken.getString("status")).isEqualTo("IN_USE");
        assertThat(taken.getString("batch")).isEqualTo(batch);
        floor.perform(op2, batch, "balance_check", "{\"equipmentId\":\"BAL-01\"}", null);
        floor.perform(op2, batch, "ph_meter_check", "{\"equipmentId\":\"PHM-01\"}", null);
        floor.perform(op2, batch, "filter_integrity_pre", "{\"value\":3.8,\"unit\":\"bar\"}", null);

        for (BatchFloor.Charge c : BatchFloor.CHARGES) {
            if (c.step().equals("charge_wfi")) {
                continue;
            }
            JsonObject charged = floor.perform(op1, batch, c.step(), "{\"containerId\":"
                    + q(floor.container(batch, c.step())) + "}", c.controlled() ? op2 : null);
            assertThat(charged.getString("text")).isEqualTo(floor.container(batch, c.step()));
        }
        floor.perform(op1, batch, "charge_wfi", "{\"containerId\":" + q(floor.container(batch, "charge_wfi")) + "}", null);
        // the charged container is consumed into the batch: empty, and a genealogy edge leads to the batch
        String api = floor.container(batch, "weigh_api");
        JsonObject consumed = floor.people.api(op1).getJson("api/v1/containers/" + api);
        assertThat(consumed.getJsonNumber("quantity").bigDecimalValue().signum()).isZero();
        String apiLot = consumed.getString("lotId");
        JsonObject forward = floor.people.api(floor.supervisor).getJson("api/v1/genealogy/" + apiLot + "?direction=forward");
        assertThat(forward.getJsonArray("links").getValuesAs(JsonObject.class)).anySatisfy(link -> {
            assertThat(link.getString("from")).isEqualTo(api);
            assertThat(link.getString("to")).isEqualTo(batch);
            assertThat(link.getString("toNode")).isEqualTo("BATCH");
            assertThat(link.getString("kind")).isEqualTo("CONSUMED_INTO");
        });

        floor.perform(op1, batch, "mix", "{\"acknowledged\":true}", null);
        JsonObject manual = floor.perform(op2, batch, "mix_temperature", "{\"value\":22.4,\"unit\":\"°C\",\"reason\":"
                + "\"machine connection not installed yet: read from the vessel display\"}", op1);
        // typed instead of read: a second person verified it although the recipe asks for none (A11D-10-1)
        assertThat(floor.step(op1, batch, "mix_temperature").getString("verifiedBy")).isEqualTo(op1);
        assertThat(manual.getBoolean("manual")).isTrue();
        assertThat(manual.getBoolean("flagged")).isTrue();
        floor.perform(op1, batch, "make_up_weight", "{\"value\":\"45.268\",\"unit\":\"kg\"}", null);
        JsonObject weight = floor.step(op1, batch, "make_up_weight").getJsonObject("current");
        // the reading as typed stays beside the value as recorded (2 decimals by the recipe's rule)
        assertThat(weight.getString("raw")).isEqualTo("45.268");
        assertThat(weight.getJsonNumber("value").toString()).isEqualTo("45.27");

        // pH out of the action limits: a deviation, automatically
        HttpResponse<String> ph = floor.enter(op1, batch, "ph", "{\"value\":7.35,\"unit\":\"pH\"}");
        assertThat(ph.statusCode()).as(ph.body()).isEqualTo(201);
        assertThat(Api.object(ph).getString("judgement")).isEqualTo("OUT_OF_SPEC");
        String deviation = Api.object(ph).getString("deviationId");
        assertThat(floor.sign(op1, batch, "ph", "PERFORMED").statusCode()).isEqualTo(201);
        // corrected with a reason: a new entry, the original stays, the step is signed again
        HttpResponse<String> corrected = floor.correct(op1, batch, "ph", "{\"value\":7.04,\"unit\":\"pH\",\"reason\":"
                + "\"electrode not equilibrated; measured again after 2 min\"}");
        assertThat(corrected.statusCode()).as(corrected.body()).isEqualTo(201);
        assertThat(Api.object(corrected).getString("judgement")).isEqualTo("IN_SPEC");
        assertThat(Api.object(corrected).getString("state")).isEqualTo("RECORDED");
        assertThat(floor.step(op1, batch, "ph").getString("state")).isEqualTo("RECORDED");
        assertThat(floor.sign(op1, batch, "ph", "PERFORMED").statusCode()).isEqualTo(201);

        floor.perform(op1, batch, "bioburden", "{\"sampleId\":\"S-" + batch + "-BB1\"}", null);
        floor.perform(op1, batch, "filtration", "{\"acknowledged\":true}", null);
        floor.perform(op1, batch, "filter_integrity_post", "{\"value\":3.7,\"unit\":\"bar\"}", null);
        floor.perform(op1, batch, "fill_weight", "{\"value\":2.10,\"unit\":\"g\",\"reason\":"
                + "\"checkweigher not connected: mean of its printout\"}", op2);
        floor.perform(op1, batch, "filled_vials", "{\"value\":19850,\"unit\":\"vials\",\"reason\":"
                + "\"filler counter read from its display\"}", op2);
        // done 30 minutes ago, entered now: recorded with the server's time, marked late, with its reason
        Instant done = Instant.now().minus(30, ChronoUnit.MINUTES);
        JsonObject late = floor.perform(op2, batch, "crimp_check", "{\"choice\":\"pass\",\"performedAt\":" + q(done.toString())
                + ",\"reason\":\"terminal was in use by the line clearance of line 2\"}", null);
        assertThat(late.getBoolean("late")).isTrue();
        assertThat(Instant.parse(late.getString("recordedAt"))).isAfter(done.plus(29, ChronoUnit.MINUTES));
        Map<String, String> rejects = Map.of("rejects_particles", "40", "rejects_cracks", "25", "rejects_fill_level", "30",
                "rejects_cosmetic", "15");
        rejects.forEach((step, count) -> floor.perform(op2, batch, step, "{\"value\":" + count + ",\"unit\":\"vials\"}", null));
        floor.perform(op2, batch, "good_vials", "{\"value\":19760,\"unit\":\"vials\"}", null);
        // computed by the server, never typed: yield = round(19760 / 20000 * 100, 1) = 98.8 %
        assertRefused(floor.enter(op2, batch, "yield", "{\"value\":98.8,\"unit\":\"%\"}"), 422, "entry-wrong-kind",
                "computed by the server");
        JsonObject first = floor.perform(op2, batch, "yield", "{\"acknowledged\":true}", null);
        assertThat(first.getJsonNumber("value").toString()).isEqualTo("98.8");
        // the good vials are recounted: correcting them computes the yield again (98.7 %), beside the first value,
        // and both steps are signed again
        HttpResponse<String> recounted = floor.correct(op2, batch, "good_vials", "{\"value\":19740,\"unit\":\"vials\","
                + "\"reason\":\"recount: one tray counted twice\"}");
        assertThat(recounted.statusCode()).as(recounted.body()).isEqualTo(201);
        JsonObject yield = floor.step(op2, batch, "yield");
        assertThat(yield.getString("state")).isEqualTo("RECORDED");
        assertThat(yield.getBoolean("flagged")).isTrue();
        assertThat(yield.getJsonObject("current").getJsonNumber("value").toString()).isEqualTo("98.7");
        assertThat(yield.getJsonObject("current").getString("judgement")).isEqualTo("IN_SPEC");
        assertThat(yield.getJsonObject("current").getString("reason")).contains("good_vials was corrected")
                .contains("recount: one tray counted twice");
        assertThat(floor.sign(op2, batch, "good_vials", "PERFORMED").statusCode()).isEqualTo(201);
        assertThat(floor.sign(op2, batch, "yield", "PERFORMED").statusCode()).isEqualTo(201);
        // reconciliation: filled - good - rejects = 19850 - 19740 - 110 = 0 vials
        JsonObject difference = floor.perform(op2, batch, "vial_difference", "{\"acknowledged\":true}", null);
        assertThat(difference.getJsonNumber("value").intValue()).isZero();

        HttpResponse<String> completed = floor.people.api(op1).post("api/v1/batches/" + batch + "/complete",
                "{\"reason\":\"all steps signed\"}");
        assertThat(completed.statusCode()).as(completed.body()).isEqualTo(200);
        assertThat(Api.object(completed).getString("status")).isEqualTo("COMPLETED");
        // the batch is done with the vessel: DIRTY
        assertThat(floor.people.api(op1).getJson("api/v1/equipment/" + vessel).getString("status")).isEqualTo("DIRTY");

        // QC's result of the bioburden sample comes after the batch, judged against its limit
        String qc = floor.people.signer("Quentin QC", "QA_REVIEWER");
        HttpResponse<String> result = floor.people.api(qc).post("api/v1/batches/" + batch + "/steps/bioburden/sample-result",
                "{\"value\":3,\"unit\":\"CFU/100 mL\"}");
        assertThat(result.statusCode()).as(result.body()).isEqualTo(201);
        assertThat(Api.object(result).getString("judgement")).isEqualTo("IN_SPEC");

        // review by exception: what deviated, found by the server in the record; every other step with what was checked
        JsonObject review = floor.people.api(qc).getJson("api/v1/batches/" + batch + "/review");
        assertThat(review.getBoolean("reviewable")).isTrue();
        Map<String, JsonObject> exceptions = review.getJsonArray("exceptions").getValuesAs(JsonObject.class).stream()
                .collect(Collectors.toMap(x -> x.getString("exceptionId"), x -> x));
        assertThat(exceptions).containsKeys("VALUE-ph-1", "CORRECTION-ph-2", deviation, "LATE-crimp_check-1",
                "MANUAL-filled_vials-1", "MANUAL-fill_weight-1", "CORRECTION-good_vials-2", "CORRECTION-yield-2");
        assertThat(exceptions.get("VALUE-ph-1").getString("kind")).isEqualTo("OUT_OF_LIMITS");
        assertThat(exceptions.get("VALUE-ph-1").getString("summary")).contains("7.35").contains("6.8 to 7.2");
        assertThat(exceptions.get(deviation).getString("kind")).isEqualTo("DEVIATION_OPEN");
        assertThat(exceptions.get("CORRECTION-yield-2").getString("summary")).contains("good_vials was corrected");
        assertThat(exceptions.values()).allMatch(x -> x.getString("disposition").equals("UNDISPOSITIONED"));
        assertThat(exceptions.values()).noneMatch(x -> x.getString("kind").equals("SIGNATURE_INVALID")
                || x.getString("kind").equals("STEP_NOT_DONE") || x.getString("kind").equals("SAMPLE_RESULT_MISSING"));
        Map<String, String> checked = review.getJsonArray("checked").getValuesAs(JsonObject.class).stream()
                .collect(Collectors.toMap(c -> c.getString("stepId"), c -> c.getString("statement")));
        assertThat(checked).doesNotContainKeys("ph", "good_vials", "yield", "crimp_check", "filled_vials")
                .containsKeys("mix", "filter_integrity_pre", "vessel_check").doesNotContainKey("mix_temperature");
        assertThat(checked.get("line_clearance")).contains("2 signatures (performer and verifier), each verifying");
        assertThat(review.getInt("steps")).isEqualTo(checked.size() + (int) review.getJsonArray("exceptions")
                .getValuesAs(JsonObject.class).stream().filter(x -> x.containsKey("stepId")).map(x -> x.getString("stepId"))
                .distinct().count());
        assertRefused(floor.people.api(op1).get("api/v1/batches/" + batch + "/review"), 403, null, null);

        // QA dispositions each exception with its justification; a second thought is recorded beside the first
        Api reviewer = floor.people.api(qc);
        String exceptionsPath = "api/v1/batches/" + batch + "/review/exceptions/";
        String justified = "electrode not equilibrated; the corrected value 7.04 is within limits; " + deviation
                + " investigates";
        assertRefused(reviewer.post(exceptionsPath + "VALUE-ph-1/disposition", "{\"decision\":\"MAYBE\",\"comment\":"
                + q(justified) + "}"), 422, "review-input-incomplete", "NEEDS_INVESTIGATION");
        assertRefused(reviewer.post(exceptionsPath + "VALUE-ph-1/disposition", "{\"decision\":\"ACCEPTED\"}"), 422,
                "review-input-incomplete", "justification");
        assertRefused(reviewer.post(exceptionsPath + "NO-SUCH-1/disposition", "{\"decision\":\"ACCEPTED\",\"comment\":"
                + q(justified) + "}"), 404, "exception-not-found", "NO-SUCH-1");
        assertRefused(floor.people.api(op1).post(exceptionsPath + "VALUE-ph-1/disposition", "{\"decision\":\"ACCEPTED\","
                + "\"comment\":" + q(justified) + "}"), 403, null, null);
        String running = floor.plannedBatch();
        assertRefused(reviewer.post("api/v1/batches/" + running + "/review/exceptions/VALUE-ph-1/disposition",
                "{\"decision\":\"ACCEPTED\",\"comment\":" + q(justified) + "}"), 409, "review-not-open", "PLANNED");
        // a batch still on the floor is neither reviewed nor released
        assertRefused(floor.people.sign(qc, "BATCH", running, "REVIEWED"), 409, "signature-open-items",
                "is PLANNED; its review is signed once it is COMPLETED");
        // who worked on the batch does not review it, whatever roles they hold
        floor.people.grant(op2, "QA_REVIEWER");
        try {
            assertRefused(floor.people.api(op2).post(exceptionsPath + "VALUE-ph-1/disposition", "{\"decision\":"
                    + "\"ACCEPTED\",\"comment\":" + q(justified) + "}"), 403, "reviewer-took-part", op2);
        } finally {
            floor.people.revoke(op2, "QA_REVIEWER");
        }
        HttpResponse<String> accepted = reviewer.post(exceptionsPath + "VALUE-ph-1/disposition",
                "{\"decision\":\"ACCEPTED\",\"comment\":" + q(justified) + "}");
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(201);
        assertThat(Api.object(accepted).getString("disposition")).isEqualTo("ACCEPTED");
        HttpResponse<String> again = reviewer.post(exceptionsPath + "VALUE-ph-1/disposition",
                "{\"decision\":\"NEEDS_INVESTIGATION\",\"comment\":\"wait for the root cause of " + deviation + "\"}");
        assertThat(again.statusCode()).as(again.body()).isEqualTo(201);
        JsonObject reviewed = reviewer.getJson("api/v1/batches/" + batch + "/review").getJsonArray("exceptions")
                .getValuesAs(JsonObject.class).stream().filter(x -> x.getString("exceptionId").equals("VALUE-ph-1"))
                .findFirst().orElseThrow();
        assertThat(reviewed.getString("disposition")).isEqualTo("NEEDS_INVESTIGATION");
        assertThat(reviewed.getJsonObject("decided").getInt("seq")).isEqualTo(2);
        assertThat(reviewed.getJsonObject("decided").getString("by")).isEqualTo(qc);

        JsonObject record = floor.people.api(qc).getJson("api/v1/batches/" + batch + "/record");
        JsonArray entries = record.getJsonArray("entries");
        List<JsonObject> phEntries = entries.getValuesAs(JsonObject.class).stream()
                .filter(e -> e.getString("stepId").equals("ph")).toList();
        assertThat(phEntries).extracting(e -> e.getString("kind")).containsExactly("ENTRY", "CORRECTION");
        assertThat(phEntries.get(0).getString("raw")).isEqualTo("7.35");
        assertThat(phEntries.get(0).getString("deviationId")).isEqualTo(deviation);
        assertThat(phEntries.get(1).getString("reason")).contains("not equilibrated");
        assertThat(phEntries.get(1).getString("recordedBy")).isEqualTo(op1);
        List<JsonObject> yieldEntries = entries.getValuesAs(JsonObject.class).stream()
                .filter(e -> e.getString("stepId").equals("yield")).toList();
        assertThat(yieldEntries).extracting(e -> e.getString("kind")).containsExactly("ENTRY", "CORRECTION");
        assertThat(yieldEntries).extracting(e -> e.getString("raw")).containsExactly("98.8", "98.7");
        // every one of the 26 steps signed: performer on each, verifier where the recipe requires one (2) and on the three
        // machine values typed by hand (A11D-10-1: mixing temperature, fill weight mean, filled vials); the pH, the good
        // vials and the yield twice (before and after their corrections)
        Map<String, Long> meanings = record.getJsonArray("signatures").getValuesAs(JsonObject.class).stream()
                .collect(Collectors.groupingBy(s -> s.getString("meaning"), Collectors.counting()));
        assertThat(meanings).containsEntry("PERFORMED", 29L).containsEntry("VERIFIED", 5L);
        // the deviation stays open after the correction: QA review closes it
        JsonObject dev = record.getJsonObject("batch").getJsonArray("deviations").getValuesAs(JsonObject.class).stream()
                .filter(d -> d.getString("deviationId").equals(deviation)).findFirst().orElseThrow();
        assertThat(dev.getString("status")).isEqualTo("OPEN");
        assertThat(dev.getString("stepId")).isEqualTo("ph");
        assertThat(dev.getString("description")).contains("7.35").contains("6.8 to 7.2");
        JsonObject phStep = record.getJsonObject("batch").getJsonArray("steps").getValuesAs(JsonObject.class).stream()
                .filter(s -> s.getString("stepId").equals("ph")).findFirst().orElseThrow();
        assertThat(phStep.getBoolean("flagged")).isTrue();
        assertThat(phStep.getJsonObject("current").getString("raw")).isEqualTo("7.04");

        // the audit trail has the correction with its reason
        JsonObject audit = Api.demo(http, "inspector1").getJson("api/v1/audit?text="
                + java.net.URLEncoder.encode("Correct step ph of batch " + batch, java.nio.charset.StandardCharsets.UTF_8));
        assertThat(audit.toString()).contains("electrode not equilibrated");
        // the batch's records by name, not by id
        assertThat(audit.getJsonArray("entries").getValuesAs(JsonObject.class).stream().map(e -> e.getString("recordName")))
                .contains("entry 2 of step ph of batch " + batch, "step ph of batch " + batch);

        // nothing is released while anything is open, each open item named: the review is not signed, the deviation is
        // open, exceptions are not dispositioned or need investigation
        String releaser = floor.people.signer("Rhea Releaser", "QA_RELEASER");
        HttpResponse<String> early = floor.people.sign(releaser, "BATCH", batch, "RELEASED");
        assertRefused(early, 409, "signature-open-items", "not signed REVIEWED");
        assertThat(violations(early)).containsKeys("status", "review", deviation, "LATE-crimp_check-1");
        assertThat(violations(early).get(deviation)).contains("deviation open");
        assertThat(violations(early).get("VALUE-ph-1")).contains("needs investigation");
        assertThat(floor.batch(qc, batch).getString("status")).isEqualTo("COMPLETED");

        // QA closes the deviation once a supervisor has classified it: root cause, impact, CAPA; for good
        String closure = "api/v1/batches/" + batch + "/deviations/" + deviation + "/closure";
        String closing = "{\"rootCause\":\"pH electrode read before it had equilibrated (SOP-QC-014 step 4 skipped)\","
                + "\"impact\":\"none: measured again after equilibration, 7.04 within limits\",\"capa\":\"CAPA-2026-0042\"}";
        assertRefused(reviewer.post(closure, closing), 409, "batch-state", "not classified");
        assertThat(floor.people.api(floor.supervisor).post("api/v1/batches/" + batch + "/deviations/" + deviation
                + "/classification", "{\"classification\":\"MINOR\",\"reason\":\"measurement error, no product impact\"}")
                .statusCode()).isEqualTo(200);
        assertRefused(reviewer.post(closure, "{\"rootCause\":\"electrode\",\"impact\":\"none\"}"), 422,
                "batch-input-incomplete", "capa");
        assertRefused(floor.people.api(op1).post(closure, closing), 403, null, null);
        HttpResponse<String> closed = reviewer.post(closure, closing);
        assertThat(closed.statusCode()).as(closed.body()).isEqualTo(200);
        assertThat(Api.object(closed).getString("status")).isEqualTo("CLOSED");
        assertThat(Api.object(closed).getJsonObject("closure").getString("capaReference")).isEqualTo("CAPA-2026-0042");
        assertRefused(reviewer.post(closure, closing), 409, "batch-state", "closed already");
        JsonObject closedException = reviewer.getJson("api/v1/batches/" + batch + "/review").getJsonArray("exceptions")
                .getValuesAs(JsonObject.class).stream().filter(x -> x.getString("exceptionId").equals(deviation))
                .findFirst().orElseThrow();
        assertThat(closedException.getString("kind")).isEqualTo("DEVIATION_CLOSED");
        assertThat(closedException.getString("evidence")).contains("CAPA-2026-0042").contains("closed by " + qc);

        reviewAndRelease(batch, qc, releaser, op1, op2);
    }

    /**
     * QA signs the review once every exception is dispositioned (the audit trail of the batch read in the same
     * place), a second person releases it, and the released record is read-only: through the API and for the
     * database's runtime role.
     */
    private void reviewAndRelease(String batch, String qc, String releaser, String op1, String op2) throws Exception {
        // the review is not signed while exceptions wait for their disposition
        HttpResponse<String> undecided = floor.people.sign(qc, "BATCH", batch, "REVIEWED");
        assertRefused(undecided, 409, "signature-open-items", "not dispositioned");
        assertThat(violations(undecided)).containsKeys("LATE-crimp_check-1", "MANUAL-filled_vials-1")
                .doesNotContainKey("VALUE-ph-1");
        // who worked on the batch neither reviews nor releases it, whatever roles they hold
        floor.people.grant(op2, "QA_REVIEWER");
        try {
            assertRefused(floor.people.sign(op2, "BATCH", batch, "REVIEWED"), 403, "signature-not-allowed",
                    "review and its release are other people's");
        } finally {
            floor.people.revoke(op2, "QA_REVIEWER");
        }
        // an operator holds no release role at all
        assertRefused(floor.people.sign(op1, "BATCH", batch, "RELEASED"), 403, "signature-not-allowed", null);

        Api reviewer = floor.people.api(qc);
        for (JsonObject x : reviewer.getJson("api/v1/batches/" + batch + "/review").getJsonArray("exceptions")
                .getValuesAs(JsonObject.class)) {
            if (!x.getString("kind").startsWith("DEVIATION") && !"ACCEPTED".equals(x.getString("disposition"))) {
                HttpResponse<String> accepted = reviewer.post("api/v1/batches/" + batch + "/review/exceptions/"
                        + x.getString("exceptionId") + "/disposition", "{\"decision\":\"ACCEPTED\",\"comment\":"
                        + q("reviewed against the record: " + x.getString("summary")) + "}");
                assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(201);
            }
        }
        // the batch's own audit trail, as the reviewer reads it: only records of this batch, the correction among them
        JsonObject trail = reviewer.getJson("api/v1/audit?size=200&batch=" + batch);
        List<String> names = trail.getJsonArray("entries").getValuesAs(JsonObject.class).stream()
                .map(e -> e.getString("recordName", e.getString("recordId"))).toList();
        assertThat(names).isNotEmpty().allMatch(n -> n.contains(batch) || n.matches("[0-9a-f-]{36}"))
                .contains("entry 2 of step ph of batch " + batch);
        assertThat(trail.getJsonNumber("total").longValue()).isGreaterThan(50);

        HttpResponse<String> reviewed = floor.people.sign(qc, "BATCH", batch, "REVIEWED");
        assertThat(reviewed.statusCode()).as(reviewed.body()).isEqualTo(201);
        assertThat(floor.batch(qc, batch).getString("status")).isEqualTo("REVIEWED");
        // the review is closed once signed: no more dispositions, no late laboratory results
        assertRefused(reviewer.post("api/v1/batches/" + batch + "/review/exceptions/VALUE-ph-1/disposition",
                "{\"decision\":\"ACCEPTED\",\"comment\":\"again\"}"), 409, "review-not-open", "REVIEWED");
        assertRefused(reviewer.post("api/v1/batches/" + batch + "/steps/bioburden/sample-result",
                "{\"value\":2,\"unit\":\"CFU/100 mL\"}"), 409, null, "awaits QA's decision");

        // the reviewer does not release what they reviewed (four eyes), even holding the role
        floor.people.grant(qc, "QA_RELEASER");
        try {
            assertRefused(floor.people.sign(qc, "BATCH", batch, "RELEASED"), 403, "signature-not-allowed",
                    "second person");
        } finally {
            floor.people.revoke(qc, "QA_RELEASER");
        }
        HttpResponse<String> released = floor.people.sign(releaser, "BATCH", batch, "RELEASED");
        assertThat(released.statusCode()).as(released.body()).isEqualTo(201);
        assertThat(floor.batch(qc, batch).getString("status")).isEqualTo("RELEASED");
        // decided once, for good
        assertRefused(floor.people.sign(releaser, "BATCH", batch, "RELEASED"), 409, "signature-open-items",
                "is RELEASED by " + releaser);
        assertRefused(floor.people.sign(releaser, "BATCH", batch, "REJECTED"), 409, "signature-open-items", "RELEASED");
        // the record shows both signatures, each verifying
        JsonObject record = reviewer.getJson("api/v1/batches/" + batch + "/record");
        Map<String, JsonObject> decisions = record.getJsonArray("signatures").getValuesAs(JsonObject.class).stream()
                .filter(sig -> sig.getString("recordType").equals("BATCH"))
                .collect(Collectors.toMap(sig -> sig.getString("meaning"), sig -> sig));
        assertThat(decisions).containsOnlyKeys("REVIEWED", "RELEASED");
        assertThat(decisions.values()).allMatch(sig -> sig.getBoolean("valid"));
        assertThat(decisions.get("RELEASED").getString("userName")).isEqualTo(releaser);

        // later information is an addendum beside the record, signed by whoever adds it; the decision still verifies
        String addendum = "{\"subject\":\"Complaint CMP-2026-0031\",\"text\":\"Customer reports a cracked vial in"
                + " shipment SH-8812; retained samples of this batch inspected: no cracks.\",\"password\":"
                + q(People.PASSWORD) + "}";
        assertRefused(floor.people.api(releaser).post("api/v1/batches/" + batch + "/addenda",
                "{\"subject\":\"Complaint\",\"text\":\"cracked vial\"}"), 422, "review-input-incomplete", "password");
        assertRefused(floor.people.api(op1).post("api/v1/batches/" + batch + "/addenda", addendum), 403, null, null);
        assertRefused(floor.people.api(releaser).post("api/v1/batches/" + floor.plannedBatch() + "/addenda", addendum),
                409, "review-not-open", "after QA's decision");
        HttpResponse<String> added = floor.people.api(releaser).post("api/v1/batches/" + batch + "/addenda", addendum);
        assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
        assertThat(Api.object(added).getInt("addendum")).isEqualTo(1);
        assertThat(Api.object(added).getJsonArray("signatures").getJsonObject(0).getBoolean("valid")).isTrue();
        assertThat(floor.people.api(op1).getJson("api/v1/batches/" + batch + "/record").getJsonArray("signatures")
                .getValuesAs(JsonObject.class)).filteredOn(sig -> sig.getString("recordType").equals("BATCH"))
                .hasSize(2).allMatch(sig -> sig.getBoolean("valid"));

        reports(batch, releaser, op1);

        // read-only through the API ...
        assertRefused(floor.correct(op1, batch, "ph", "{\"value\":7.01,\"unit\":\"pH\",\"reason\":\"late thought\"}"),
                409, null, "read-only");
        // ... and for the database's runtime role, whatever the application does
        try (java.sql.Connection app = TestDatabase.asRuntimeRole(); java.sql.Statement sql = app.createStatement()) {
            String ref = "(select id from ebr.batch where batch_id = '" + batch + "')";
            for (String edit : List.of("update ebr.batch_step set flagged = false where batch_ref = " + ref,
                    "update ebr.batch set status = 'REJECTED', row_version = row_version + 1 where batch_id = '" + batch + "'",
                    "update ebr.deviation set description = 'nothing happened' where batch_ref = " + ref,
                    "insert into ebr.batch_event (id, batch_ref, seq, from_status, to_status, reason, recorded_by,"
                            + " recorded_at, signed) values (gen_random_uuid(), " + ref + ", 99, 'RELEASED', 'COMPLETED',"
                            + " 'undo', 'admin', now(), false)",
                    "insert into ebr.operation_event (id, batch_ref, seq, operation_id, kind, cause, quantity, unit,"
                            + " recorded_by, recorded_at) values (gen_random_uuid(), " + ref + ", 99, 'filling',"
                            + " 'SCRAP', 'HANDLING', 1, 'vials', 'admin', now())")) {
                org.assertj.core.api.Assertions.assertThatThrownBy(() -> sql.executeUpdate(edit)).as(edit)
                        .isInstanceOf(java.sql.SQLException.class).hasMessageContaining("RELEASED");
            }
        }
        assertThat(floor.batch(qc, batch).getString("status")).isEqualTo("RELEASED");
        assertThat(reviewer.getJson("api/v1/batches/" + batch + "/record").getJsonArray("signatures")
                .getValuesAs(JsonObject.class)).allMatch(sig -> sig.getBoolean("valid"));
    }

    /**
     * The reports of the released batch as an inspector downloads them: PDF/A-3 by veraPDF, the record attached, the
     * installation's signature verified by openssl against the installation's CA, the same values as the JSON.
     */
    private void reports(String batch, String releaser, String op1) throws Exception {
        Api inspector = Api.demo(http, "inspector1");
        HttpResponse<byte[]> full = inspector.getBytes("api/v1/batches/" + batch + "/report.pdf");
        assertThat(full.statusCode()).isEqualTo(200);
        assertThat(full.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
        assertThat(full.headers().firstValue("Content-Disposition").orElse("")).contains(batch + "-batch-record.pdf");
        HttpResponse<byte[]> exceptions = inspector.getBytes("api/v1/batches/" + batch + "/exception-report.pdf");
        assertThat(exceptions.statusCode()).isEqualTo(200);
        HttpResponse<byte[]> json = inspector.getBytes("api/v1/batches/" + batch + "/record.json");
        assertThat(json.statusCode()).isEqualTo(200);
        JsonObject file = jakarta.json.Json.createReader(new java.io.ByteArrayInputStream(json.body())).readObject();
        assertThat(file.getString("format")).isEqualTo("openebr-batch-record/1");
        assertThat(file.getJsonObject("record").getJsonObject("batch").getString("status")).isEqualTo("RELEASED");

        // the record as BatchML: valid against the profile, the same pH reading as the JSON (ISA88-4-1, ALCOA-Cons-1)
        HttpResponse<byte[]> xml = inspector.getBytes("api/v1/batches/" + batch + "/record.xml");
        assertThat(xml.statusCode()).isEqualTo(200);
        assertThat(xml.headers().firstValue("Content-Disposition").orElse("")).contains(batch + "-record.xml");
        org.openebr.report.control.BatchMl.schema().newValidator().validate(new javax.xml.transform.stream.StreamSource(
                new java.io.ByteArrayInputStream(xml.body())));
        JsonObject firstPh = file.getJsonObject("record").getJsonArray("entries").getValuesAs(JsonObject.class).stream()
                .filter(e -> e.getString("stepId").equals("ph") && e.getInt("seq") == 1).findFirst().orElseThrow();
        String phValue = firstPh.getJsonNumber("value").bigDecimalValue().toPlainString();
        assertThat(phValue).isEqualTo("7.35");
        String batchMl = new String(xml.body(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(batchMl).containsPattern("<EntryID>ph-1</EntryID>(?s:(?!</Event>).)*<ValueString>" + phValue
                + "</ValueString>\\s*<DataType>decimal</DataType>\\s*<UnitOfMeasure>pH</UnitOfMeasure>");
        assertThat(batchMl).contains("<BatchID>" + batch + "</BatchID>").contains("<RecordStatus>RELEASED</RecordStatus>")
                .contains("<EventSubType>Security</EventSubType>");
        long corrections = file.getJsonObject("record").getJsonArray("entries").getValuesAs(JsonObject.class).stream()
                .filter(e -> e.getString("kind").equals("CORRECTION")).count();
        assertThat(corrections).isPositive();
        assertThat(batchMl.split("<Change>", -1).length - 1L).as("one Change per correction in the record")
                .isEqualTo(corrections);

        for (byte[] pdf : List.of(full.body(), exceptions.body())) {
            assertThat(VeraPdf.failures(pdf)).isEmpty();
            try (org.apache.pdfbox.pdmodel.PDDocument document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
                byte[] attachedXml = document.getDocumentCatalog().getNames().getEmbeddedFiles().getNames()
                        .get(batch + "-record.xml").getEmbeddedFile().toByteArray();
                org.openebr.report.control.BatchMl.schema().newValidator().validate(
                        new javax.xml.transform.stream.StreamSource(new java.io.ByteArrayInputStream(attachedXml)));
            }
        }
        String text;
        int fullPages;
        int exceptionPages;
        try (org.apache.pdfbox.pdmodel.PDDocument document = org.apache.pdfbox.Loader.loadPDF(full.body())) {
            fullPages = document.getNumberOfPages();
            text = new org.apache.pdfbox.text.PDFTextStripper().getText(document).replaceAll("\\s+", " ");
            // the attachment is the record: the same entries as the JSON file the API gives
            byte[] attached = document.getDocumentCatalog().getNames().getEmbeddedFiles().getNames()
                    .get(batch + "-record.json").getEmbeddedFile().toByteArray();
            JsonObject carried = jakarta.json.Json.createReader(new java.io.ByteArrayInputStream(attached)).readObject();
            assertThat(carried.getJsonObject("record").getJsonArray("entries"))
                    .isEqualTo(file.getJsonObject("record").getJsonArray("entries"));
            assertThat(carried.getJsonObject("record").getJsonArray("signatures").size()).isEqualTo(
                    file.getJsonObject("record").getJsonArray("signatures").size());
            // the installation's signature with its time-stamp, checked by openssl with the installation's CA
            PdfSignature.verifiesWithOpenssl(document, full.body(), inspector.get("api/v1/audit/certificate").body());
        }
        // every signature's manifestation, the corrections with old and new value, the deviation's closure, the decision
        JsonObject record = file.getJsonObject("record");
        JsonObject releasedBy = record.getJsonArray("signatures").getValuesAs(JsonObject.class).stream()
                .filter(sig -> sig.getString("meaning").equals("RELEASED")).findFirst().orElseThrow();
        assertThat(text).contains("Batch production record").contains(batch).contains("Page 1 of " + fullPages)
                .contains("Page " + fullPages + " of " + fullPages)
                .contains(releasedBy.getString("printedName")).contains(releasedBy.getString("signedAtSite"))
                .contains("RELEASED").contains("REVIEWED").contains(phValue + " pH").contains("7.04 pH")
                .contains("electrode not equilibrated").contains("CAPA-2026-0042").contains("98.7 %")
                .contains("Complaint CMP-2026-0031").contains("Corrections").contains("ph (entry 2)");
        try (org.apache.pdfbox.pdmodel.PDDocument document = org.apache.pdfbox.Loader.loadPDF(exceptions.body())) {
            exceptionPages = document.getNumberOfPages();
            String only = new org.apache.pdfbox.text.PDFTextStripper().getText(document).replaceAll("\\s+", " ");
            assertThat(only).contains("Review by exception").contains("VALUE-ph-1").contains("ACCEPTED")
                    .contains("Checked by the system").contains(releasedBy.getString("printedName"));
        }
        assertThat(exceptionPages).isLessThan(fullPages);
        // every signature of the batch as an offline bundle, in one download; openssl checks the release's
        HttpResponse<byte[]> zip = inspector.getBytes("api/v1/batches/" + batch + "/signatures.zip");
        assertThat(zip.statusCode()).isEqualTo(200);
        java.nio.file.Path bundles = SignatureBundles.unpack(zip.body());
        java.util.Set<String> folders = new java.util.TreeSet<>();
        try (java.util.stream.Stream<java.nio.file.Path> entries = java.nio.file.Files.list(bundles)) {
            entries.filter(java.nio.file.Files::isDirectory).forEach(f -> folders.add(f.getFileName().toString()));
        }
        assertThat(folders).hasSize(record.getJsonArray("signatures").size() + 1); // and the addendum's
        String released = folders.stream().filter(f -> f.contains("-RELEASED-BATCH-")).findFirst().orElseThrow();
        java.nio.file.Path folder = bundles.resolve(released);
        SignatureBundles.verifiesWithOpenssl(folder, folder.resolve("ca.pem"));
        assertThat(java.nio.file.Files.readString(bundles.resolve("README.txt"))).contains(released)
                .contains(releasedBy.getString("printedName"));

        // the operator reads the record on the floor, not the QA documents
        assertRefused(floor.people.api(op1).get("api/v1/batches/" + batch + "/report.pdf"), 403, null, null);
        assertThat(floor.people.api(releaser).getBytes("api/v1/batches/NO-SUCH-BATCH/report.pdf").statusCode())
                .isEqualTo(404);
    }

    private static Map<String, String> violations(HttpResponse<String> refused) {
        return Api.object(refused).getJsonArray("violations").getValuesAs(JsonObject.class).stream()
                .collect(Collectors.toMap(v -> v.getString("field"), v -> v.getString("message"), (a, b) -> a));
    }

    @Test
    @Tag("PR-211.188b-2")
    @Tag("negative")
    void a_yield_below_its_limits_raises_a_deviation_blocks_review_and_release_and_the_batch_is_rejected() {
        // 19850 filled: 18400 good and 1450 rejected (reconciled); yield 18400 / 20000 = 92.0 % against 95-102 %
        String[] made = floor.completedBatch("18400", "1380");
        String batch = made[0];
        JsonObject yield = floor.step(floor.supervisor, batch, "yield").getJsonObject("current");
        assertThat(yield.getJsonNumber("value").toString()).isEqualTo("92.0");
        assertThat(yield.getString("judgement")).isEqualTo("OUT_OF_SPEC");
        String deviation = yield.getString("deviationId");
        assertThat(floor.step(floor.supervisor, batch, "vial_difference").getJsonObject("current")
                .getJsonNumber("value").intValue()).isZero();
        String qc = floor.people.signer("Quirin QC", "QA_REVIEWER");
        JsonObject found = floor.people.api(qc).getJson("api/v1/batches/" + batch + "/review").getJsonArray("exceptions")
                .getValuesAs(JsonObject.class).stream().filter(x -> x.getString("exceptionId").equals("VALUE-yield-1"))
                .findFirst().orElseThrow();
        assertThat(found.getString("kind")).isEqualTo("CALCULATION_OUT_OF_LIMITS");
        assertThat(found.getString("summary")).contains("92.0 %").contains("95.0 to 102.0 %");
        // neither the review nor the release passes the open yield deviation, each refusal naming it
        HttpResponse<String> review = floor.people.sign(qc, "BATCH", batch, "REVIEWED");
        assertRefused(review, 409, "signature-open-items", deviation);
        assertThat(violations(review).get(deviation)).contains("deviation open");
        HttpResponse<String> release = floor.people.sign(floor.releaser, "BATCH", batch, "RELEASED");
        assertRefused(release, 409, "signature-open-items", "not signed REVIEWED");
        assertThat(violations(release)).containsKey(deviation);
        assertThat(floor.batch(qc, batch).getString("status")).isEqualTo("COMPLETED");

        // QA investigates: both deviations classified and closed, the yield marked for investigation, the review signed
        Api reviewer = floor.people.api(qc);
        assertThat(floor.people.api(floor.supervisor).post("api/v1/batches/" + batch + "/deviations/" + deviation
                + "/classification", "{\"classification\":\"MAJOR\",\"reason\":\"yield below its limit: product loss\"}")
                .statusCode()).isEqualTo(200);
        for (String open : List.of(made[1], deviation)) {
            HttpResponse<String> closed = reviewer.post("api/v1/batches/" + batch + "/deviations/" + open + "/closure",
                    "{\"rootCause\":\"particles from a damaged stopper bowl\",\"impact\":\"1380 vials rejected;"
                            + " the batch is not fit for release\",\"capa\":\"CAPA-2026-0051\"}");
            assertThat(closed.statusCode()).as(closed.body()).isEqualTo(200);
        }
        for (JsonObject x : reviewer.getJson("api/v1/batches/" + batch + "/review").getJsonArray("exceptions")
                .getValuesAs(JsonObject.class)) {
            if (!x.getString("kind").startsWith("DEVIATION")) {
                boolean theYield = x.getString("exceptionId").equals("VALUE-yield-1");
                HttpResponse<String> decided = reviewer.post("api/v1/batches/" + batch + "/review/exceptions/"
                        + x.getString("exceptionId") + "/disposition", "{\"decision\":\"" + (theYield
                        ? "NEEDS_INVESTIGATION" : "ACCEPTED") + "\",\"comment\":\"" + (theYield
                        ? "yield 92.0 %: the particle rejects make the batch unfit" : "checked against the record") + "\"}");
                assertThat(decided.statusCode()).as(decided.body()).isEqualTo(201);
            }
        }
        assertThat(floor.people.sign(qc, "BATCH", batch, "REVIEWED").statusCode()).isEqualTo(201);
        // released it cannot be while the yield needs investigation; rejected it is, for good
        HttpResponse<String> stillOpen = floor.people.sign(floor.releaser, "BATCH", batch, "RELEASED");
        assertRefused(stillOpen, 409, "signature-open-items", "needs investigation");
        HttpResponse<String> rejected = floor.people.sign(floor.releaser, "BATCH", batch, "REJECTED");
        assertThat(rejected.statusCode()).as(rejected.body()).isEqualTo(201);
        assertThat(floor.batch(qc, batch).getString("status")).isEqualTo("REJECTED");
        assertRefused(floor.people.sign(floor.releaser, "BATCH", batch, "RELEASED"), 409, "signature-open-items",
                "is REJECTED by " + floor.releaser);
        assertRefused(reviewer.post("api/v1/batches/" + batch + "/steps/bioburden/sample-result",
                "{\"value\":2,\"unit\":\"CFU/100 mL\"}"), 409, null, "read-only");
    }

    @Test
    @Tag("P11-10f-2")
    @Tag("DI-FDA-Q6-1")
    @Tag("negative")
    void a_batch_is_made_from_the_effective_version_keeps_its_control_recipe_and_numbers_have_no_gaps() {
        String supervisor = floor.supervisor;
        Api sup = floor.people.api(supervisor);
        // a recipe that is only a draft has no effective version: no batch
        String draft = "IT-DRAFT-" + Long.toString(System.nanoTime(), 36).toUpperCase();
        assertThat(floor.people.api(floor.author).post("api/v1/recipes/import", RecipesIT.reference(draft)).statusCode())
                .isEqualTo(201);
        assertRefused(sup.post("api/v1/batches", "{\"recipeId\":" + q(draft) + ",\"plannedQuantity\":45,\"unit\":\"L\"}"),
                409, "recipe-not-effective", "no effective version");

        JsonObject first = Api.object(sup.post("api/v1/batches", "{\"recipeId\":" + q(floor.recipeId)
                + ",\"plannedQuantity\":22.5,\"unit\":\"L\",\"reason\":\"half batch for the stability study\"}"));
        // refused creations take no number
        assertRefused(sup.post("api/v1/batches", "{\"recipeId\":" + q(floor.recipeId) + ",\"plannedQuantity\":-1}"), 422,
                "batch-size-invalid", "more than 0");
        assertRefused(sup.post("api/v1/batches", "{\"recipeId\":" + q(floor.recipeId) + ",\"plannedQuantity\":45,"
                + "\"unit\":\"kg\"}"), 422, "batch-size-invalid", "kg");
        JsonObject second = Api.object(sup.post("api/v1/batches", "{\"recipeId\":" + q(floor.recipeId)
                + ",\"plannedQuantity\":45000,\"unit\":\"mL\"}"));
        String a = first.getString("batchId");
        String b = second.getString("batchId");
        assertThat(a).matches("B-\\d{4}-\\d{4,}");
        int na = Integer.parseInt(a.substring(a.lastIndexOf('-') + 1));
        int nb = Integer.parseInt(b.substring(b.lastIndexOf('-') + 1));
        assertThat(nb).as("numbers issued one after the other, " + a + " then " + b).isGreaterThan(na);
        // every number between them belongs to a batch (others may have been created by parallel tests)
        JsonArray all = Api.array(sup.get("api/v1/batches"));
        List<String> ids = all.getValuesAs(JsonObject.class).stream().map(o -> o.getString("batchId")).toList();
        for (int n = na; n <= nb; n++) {
            assertThat(ids).contains(a.substring(0, a.lastIndexOf('-') + 1) + String.format("%04d", n));
        }

        JsonObject view = floor.batch(supervisor, a);
        String hash = floor.people.api(floor.author).getJson("api/v1/recipes/" + floor.recipeId + "/effective")
                .getString("contentHash");
        assertThat(view.getString("contentHash")).isEqualTo(hash);
        assertThat(view.getInt("recipeVersion")).isEqualTo(1);
        assertThat(view.getString("status")).isEqualTo("PLANNED");
        // the charges scaled to 22.5 L: 225.0 g of Demoprofen within +-0.5 %
        JsonObject weighApi = view.getJsonArray("steps").getValuesAs(JsonObject.class).stream()
                .filter(s -> s.getString("stepId").equals("weigh_api")).findFirst().orElseThrow();
        assertThat(weighApi.getJsonObject("charge").getJsonNumber("quantity").bigDecimalValue())
                .isEqualByComparingTo("225.0");
        assertThat(weighApi.getString("state")).isEqualTo("WAITING");

        // a new master version does not reach the batch made before it
        HttpResponse<String> v2 = floor.people.api(floor.author).post("api/v1/recipes/" + floor.recipeId + "/versions",
                "{\"basedOn\":1,\"reason\":\"pH target tightened\"}");
        assertThat(v2.statusCode()).as(v2.body()).isEqualTo(201);
        int version = Api.object(v2).getInt("version");
        assertThat(floor.people.sign(floor.author, "RECIPE_VERSION", floor.recipeId + ":" + version, "PERFORMED")
                .statusCode()).isIn(201, 403);
        JsonObject still = floor.batch(supervisor, a);
        assertThat(still.getInt("recipeVersion")).isEqualTo(1);
        assertThat(still.getString("contentHash")).isEqualTo(hash);
    }

    @Test
    @Tag("P11-10f-1")
    @Tag("P11-10g-2")
    @Tag("P11-10i-1")
    @Tag("DI-FDA-Q12-1")
    @Tag("negative")
    void sequence_four_eyes_training_and_the_gates_are_the_servers_whatever_a_screen_shows() {
        String op1 = floor.operator1;
        String op2 = floor.operator2;
        String batch = floor.readyBatch();

        // out of sequence
        assertRefused(floor.enter(op1, batch, "weigh_api", "{\"containerId\":" + q(floor.container(batch, "weigh_api"))
                + "}"), 409, "step-not-available", "vessel_check");
        assertRefused(floor.enter(op1, batch, "no_such_step", "{\"acknowledged\":true}"), 404, "step-not-found",
                "no_such_step");
        // an untrained operator (no OP-FILTER-INTEGRITY): refused, and the refusal is recorded
        String untrained = floor.people.signer("Uwe Untrained", "OPERATOR");
        floor.perform(op1, batch, "line_clearance", "{\"acknowledged\":true}", op2);
        assertRefused(floor.enter(untrained, batch, "filter_integrity_pre", "{\"value\":3.8,\"unit\":\"bar\"}"), 403,
                "operator-not-trained", "OP-STERILE-FILTRATION and OP-FILTER-INTEGRITY");
        // parallel branches: all four after the line clearance are available at once
        JsonObject view = floor.batch(op1, batch);
        Map<String, String> states = view.getJsonArray("steps").getValuesAs(JsonObject.class).stream()
                .collect(Collectors.toMap(s -> s.getString("stepId"), s -> s.getString("state")));
        assertThat(states).containsEntry("vessel_check", "AVAILABLE").containsEntry("balance_check", "AVAILABLE")
                .containsEntry("ph_meter_check", "AVAILABLE").containsEntry("filter_integrity_pre", "AVAILABLE")
                .containsEntry("weigh_api", "WAITING");

        // a dirty vessel: the equipment gate refuses, the refusal is in the record
        assertRefused(floor.enter(op1, batch, "vessel_check", "{\"equipmentId\":\"V-102\"}"), 409, "equipment-not-clean",
                "V-102");
        // a balance is not a compounding vessel
        assertRefused(floor.enter(op1, batch, "vessel_check", "{\"equipmentId\":\"BAL-02\"}"), 409, null, "BAL-02");
        String vessel = floor.cleanVessel();
        floor.perform(op1, batch, "vessel_check", "{\"equipmentId\":" + q(vessel) + "}", null);
        floor.perform(op1, batch, "balance_check", "{\"equipmentId\":\"BAL-02\"}", null);

        // the performer is never the verifier; the verifier is
        HttpResponse<String> weighed = floor.enter(op1, batch, "weigh_api", "{\"containerId\":"
                + q(floor.container(batch, "weigh_api")) + "}");
        assertThat(weighed.statusCode()).as(weighed.body()).isEqualTo(201);
        // saved at once: another person's client sees it before anything else happens
        assertThat(floor.step(op2, batch, "weigh_api").getString("state")).isEqualTo("RECORDED");
        assertRefused(floor.sign(op2, batch, "weigh_api", "PERFORMED"), 403, "signature-not-allowed", "recorded by " + op1);
        assertThat(floor.sign(op1, batch, "weigh_api", "PERFORMED").statusCode()).isEqualTo(201);
        assertRefused(floor.sign(op1, batch, "weigh_api", "VERIFIED"), 403, "signature-not-allowed", null);
        assertThat(floor.sign(op2, batch, "weigh_api", "VERIFIED").statusCode()).isEqualTo(201);
        // the container is consumed: scanning it again for another step is refused
        assertRefused(floor.enter(op1, batch, "weigh_nacl", "{\"containerId\":" + q(floor.container(batch, "weigh_api"))
                + "}"), 409, null, floor.container(batch, "weigh_api"));
        // a stock container (not dispensed for this step) is refused
        String other = floor.readyBatch();
        assertRefused(floor.enter(op1, batch, "weigh_nacl", "{\"containerId\":" + q(floor.container(other, "weigh_nacl"))
                + "}"), 409, "container-not-dispensed-for-step", other);

        JsonObject record = floor.people.api(floor.supervisor).getJson("api/v1/batches/" + batch + "/record");
        List<String> refused = record.getJsonArray("refusals").getValuesAs(JsonObject.class).stream()
                .map(r -> r.getString("kind")).toList();
        assertThat(refused).contains("operator-not-trained", "equipment-not-clean");
        // the batch is not complete while steps are open
        assertRefused(floor.people.api(op1).post("api/v1/batches/" + batch + "/complete", "{}"), 409, "batch-steps-open",
                "not done");
        assertThat(floor.people.api(floor.supervisor).post("api/v1/batches/" + other + "/abort",
                "{\"reason\":\"test batch not needed\",\"password\":" + q(People.PASSWORD) + "}").statusCode()).isEqualTo(200);
        assertThat(floor.people.api(floor.supervisor).post("api/v1/batches/" + batch + "/abort",
                "{\"reason\":\"test batch not needed\",\"password\":" + q(People.PASSWORD) + "}").statusCode()).isEqualTo(200);
        assertThat(floor.people.api(op1).getJson("api/v1/equipment/" + vessel).getString("status")).isEqualTo("DIRTY");
    }

    @Test
    void bad_values_are_refused_each_with_its_own_problem_and_nothing_is_recorded() {
        String op1 = floor.operator1;
        String batch = floor.readyBatch();
        floor.perform(op1, batch, "line_clearance", "{\"acknowledged\":true}", floor.operator2);
        String step = "filter_integrity_pre";
        assertRefused(floor.enter(op1, batch, step, "{\"value\":3.8,\"unit\":\"mbar\"}"), 422, "value-wrong-unit", "bar");
        assertRefused(floor.enter(op1, batch, step, "{\"value\":3.8}"), 422, "batch-input-incomplete", "unit");
        assertRefused(floor.enter(op1, batch, step, "{\"value\":3.8123,\"unit\":\"bar\"}"), 422, "value-beyond-precision",
                "1 decimal");
        assertRefused(floor.enter(op1, batch, step, "{\"value\":\"3,8\",\"unit\":\"bar\"}"), 422, "value-not-a-number", "3,8");
        assertRefused(floor.enter(op1, batch, step, "{\"value\":\"NaN\",\"unit\":\"bar\"}"), 422, "value-not-a-number", null);
        assertRefused(floor.enter(op1, batch, step, "{\"value\":true,\"unit\":\"bar\"}"), 422, "value-not-a-number", null);
        assertRefused(floor.enter(op1, batch, step, "{\"value\":1e12,\"unit\":\"bar\"}"), 422, null, null);
        assertRefused(floor.enter(op1, batch, step, "{\"value\":-2,\"unit\":\"bar\"}"), 422, "value-implausible", "zero or more");
        assertRefused(floor.enter(op1, batch, step, "{\"text\":\"looks fine\"}"), 422, "entry-wrong-kind", "takes value");
        assertRefused(floor.enter(op1, batch, step, "{}"), 422, "batch-input-incomplete", "value");
        assertRefused(floor.enter(op1, batch, step, "{\"value\":3.8,\"unit\":\"bar\",\"performedAt\":"
                + q(Instant.now().plus(1, ChronoUnit.HOURS).toString()) + "}"), 422, "batch-input-incomplete", "future");
        assertRefused(floor.enter(op1, batch, step, "{\"value\":3.8,\"unit\":\"bar\",\"performedAt\":"
                + q(Instant.now().minus(2, ChronoUnit.HOURS).toString()) + "}"), 422, "reason-required", "late entry");
        assertRefused(floor.correct(op1, batch, step, "{\"value\":3.8,\"unit\":\"bar\"}"), 422, "reason-required", null);
        assertRefused(floor.correct(op1, batch, step, "{\"value\":3.8,\"unit\":\"bar\",\"reason\":\"typo\"}"), 409,
                "step-not-available", "no entry to correct");
        assertThat(floor.step(op1, batch, step).getString("state")).isEqualTo("AVAILABLE");
        assertThat(floor.step(op1, batch, step).getInt("revision")).isZero();

        JsonObject ok = floor.perform(op1, batch, step, "{\"value\":3.8,\"unit\":\"bar\"}", null);
        assertThat(ok.getString("judgement")).isEqualTo("IN_SPEC");
        assertRefused(floor.enter(op1, batch, step, "{\"value\":3.9,\"unit\":\"bar\"}"), 409, "step-already-recorded",
                "correction");
        assertRefused(floor.enter(op1, batch, "vessel_check", "{\"equipmentId\":\"V-102\",\"text\":\"x\"}"), 422,
                "entry-wrong-kind", null);
        // a correction without a reason is refused and the entry stands
        assertRefused(floor.correct(op1, batch, step, "{\"value\":3.9,\"unit\":\"bar\",\"reason\":\"  \"}"), 422,
                "reason-required", null);
        assertThat(floor.step(op1, batch, step).getJsonObject("current").getString("raw")).isEqualTo("3.8");
        assertThat(floor.step(op1, batch, step).getString("state")).isEqualTo("DONE");
        String vessel = floor.cleanVessel();
        floor.perform(op1, batch, "vessel_check", "{\"equipmentId\":" + q(vessel) + "}", null);
        assertRefused(floor.correct(op1, batch, "vessel_check", "{\"equipmentId\":\"V-101\",\"reason\":\"wrong\"}"), 409,
                "step-not-correctable", "deviation");
        assertThat(floor.people.api(floor.supervisor).post("api/v1/batches/" + batch + "/abort",
                "{\"reason\":\"test over\",\"password\":" + q(People.PASSWORD) + "}").statusCode()).isEqualTo(200);
    }

    @Test
    @Tag("P11-10i-1")
    void a_supervisor_overrides_the_training_gate_only_with_a_signature_and_a_deviation_and_only_for_one_entry() {
        String op1 = floor.operator1;
        Api sup = floor.people.api(floor.supervisor);
        String batch = floor.readyBatch();
        floor.perform(op1, batch, "line_clearance", "{\"acknowledged\":true}", floor.operator2);
        String untrained = floor.people.signer("Ulla Untrained", "OPERATOR");
        String step = "filter_integrity_pre";
        String entry = "{\"value\":3.8,\"unit\":\"bar\"}";
        assertRefused(floor.enter(untrained, batch, step, entry), 403, "operator-not-trained", "signature and a deviation");
        String path = "api/v1/batches/" + batch + "/steps/" + step + "/overrides";
        String reason = "requalification on the filter integrity tester passed on 2026-12-01, its record is being filed";

        // never without a supervisor, a reason, a password, a gate that may be overridden and someone who needs it
        assertRefused(floor.people.api(op1).post(path, "{\"gate\":\"TRAINING\",\"operator\":" + q(untrained)
                + ",\"reason\":" + q(reason) + ",\"password\":" + q(People.PASSWORD) + "}"), 403, null, null);
        assertRefused(sup.post(path, "{\"gate\":\"TRAINING\",\"operator\":" + q(untrained) + ",\"reason\":" + q(reason)
                + "}"), 422, "batch-input-incomplete", "password");
        assertRefused(sup.post(path, "{\"gate\":\"TRAINING\",\"operator\":" + q(untrained) + ",\"password\":"
                + q(People.PASSWORD) + "}"), 422, "reason-required", null);
        assertRefused(sup.post(path, "{\"gate\":\"EQUIPMENT\",\"operator\":" + q(untrained) + ",\"reason\":" + q(reason)
                + ",\"password\":" + q(People.PASSWORD) + "}"), 422, "gate-not-overridable", "maintenance");
        assertRefused(sup.post(path, "{\"gate\":\"MATERIAL\",\"operator\":" + q(untrained) + ",\"reason\":" + q(reason)
                + ",\"password\":" + q(People.PASSWORD) + "}"), 422, "gate-not-overridable", "released by QA");
        assertRefused(sup.post(path, "{\"gate\":\"HUNCH\",\"operator\":" + q(untrained) + ",\"reason\":" + q(reason)
                + ",\"password\":" + q(People.PASSWORD) + "}"), 422, "batch-input-incomplete", "TRAINING");
        assertRefused(sup.post(path, "{\"gate\":\"TRAINING\",\"operator\":\"nobody-here\",\"reason\":" + q(reason)
                + ",\"password\":" + q(People.PASSWORD) + "}"), 422, "batch-input-incomplete", "nobody-here");
        assertRefused(sup.post(path, "{\"gate\":\"TRAINING\",\"operator\":" + q(op1) + ",\"reason\":" + q(reason)
                + ",\"password\":" + q(People.PASSWORD) + "}"), 409, "gate-override-not-needed", "nothing to override");
        assertRefused(sup.post(path, "{\"gate\":\"TRAINING\",\"operator\":" + q(floor.supervisor) + ",\"reason\":"
                + q(reason) + ",\"password\":" + q(People.PASSWORD) + "}"), 409, "gate-override-self", null);
        assertRefused(sup.post(path, "{\"gate\":\"TRAINING\",\"operator\":" + q(untrained) + ",\"reason\":" + q(reason)
                + ",\"password\":\"not my password\"}"), 401, null, null);
        JsonObject before = sup.getJson("api/v1/batches/" + batch + "/record");
        assertThat(before.getJsonArray("overrides")).isEmpty();
        assertThat(before.getJsonObject("batch").getJsonArray("deviations")).isEmpty();

        HttpResponse<String> granted = sup.post(path, "{\"gate\":\"TRAINING\",\"operator\":" + q(untrained)
                + ",\"reason\":" + q(reason) + ",\"password\":" + q(People.PASSWORD) + "}");
        assertThat(granted.statusCode()).as(granted.body()).isEqualTo(201);
        JsonObject override = Api.object(granted);
        assertThat(override.getString("operator")).isEqualTo(untrained);
        assertThat(override.getJsonArray("qualifications").getValuesAs(jakarta.json.JsonString::getString))
                .containsExactly("OP-STERILE-FILTRATION", "OP-FILTER-INTEGRITY");
        String deviation = override.getString("deviationId");
        assertRefused(sup.post(path, "{\"gate\":\"TRAINING\",\"operator\":" + q(untrained) + ",\"reason\":" + q(reason)
                + ",\"password\":" + q(People.PASSWORD) + "}"), 409, "gate-override-exists", "already waiting");

        // the one entry goes through, flagged for review, and its performer signs it
        HttpResponse<String> entered = floor.enter(untrained, batch, step, entry);
        assertThat(entered.statusCode()).as(entered.body()).isEqualTo(201);
        assertThat(Api.object(entered).getBoolean("flagged")).isTrue();
        assertThat(floor.sign(untrained, batch, step, "PERFORMED").statusCode()).isEqualTo(201);
        // used up: a correction by the same person meets the gate again
        assertRefused(floor.correct(untrained, batch, step, "{\"value\":3.9,\"unit\":\"bar\",\"reason\":\"misread\"}"),
                403, "operator-not-trained", "OP-FILTER-INTEGRITY");

        JsonObject record = sup.getJson("api/v1/batches/" + batch + "/record");
        JsonObject kept = record.getJsonArray("overrides").getJsonObject(0);
        assertThat(kept.getString("grantedBy")).isEqualTo(floor.supervisor);
        assertThat(kept.getInt("usedByEntry")).isEqualTo(1);
        assertThat(kept.getString("reason")).isEqualTo(reason);
        JsonObject raised = record.getJsonObject("batch").getJsonArray("deviations").getValuesAs(JsonObject.class).stream()
                .filter(d -> d.getString("deviationId").equals(deviation)).findFirst().orElseThrow();
        assertThat(raised.getString("origin")).isEqualTo("GATE_OVERRIDE");
        assertThat(raised.getString("stepId")).isEqualTo(step);
        assertThat(raised.getString("description")).contains(untrained, floor.supervisor, reason);
        JsonObject signature = record.getJsonArray("signatures").getValuesAs(JsonObject.class).stream()
                .filter(x -> x.getString("recordType").equals("GATE_OVERRIDE")).findFirst().orElseThrow();
        assertThat(signature.getString("recordId")).isEqualTo(batch + ":1");
        assertThat(signature.getString("meaning")).isEqualTo("APPROVED");
        assertThat(signature.getString("userName")).isEqualTo(floor.supervisor);
        assertThat(signature.getBoolean("valid")).as(signature.toString()).isTrue();
        assertThat(record.getJsonArray("refusals").getValuesAs(JsonObject.class).stream()
                .filter(r -> r.getString("refusedTo").equals(untrained)).count()).isEqualTo(2);
        assertThat(sup.post("api/v1/batches/" + batch + "/abort", "{\"reason\":\"test batch not needed\",\"password\":"
                + q(People.PASSWORD) + "}").statusCode()).isEqualTo(200);
    }

    @Test
    void hold_resume_and_abort_are_signed_and_stop_every_entry_meanwhile() {
        String op1 = floor.operator1;
        Api sup = floor.people.api(floor.supervisor);
        String batch = floor.plannedBatch();
        assertRefused(floor.enter(op1, batch, "line_clearance", "{\"acknowledged\":true}"), 409, "batch-not-executable",
                "not been dispatched");
        assertRefused(floor.people.api(op1).post("api/v1/batches/" + batch + "/dispatch", "{\"reason\":\"go\"}"), 403, null, null);
        assertRefused(sup.post("api/v1/batches/" + batch + "/dispatch", "{}"), 422, "reason-required", null);
        assertThat(sup.post("api/v1/batches/" + batch + "/dispatch", "{\"reason\":\"room C-1 cleared\",\"line\":\"Line 1\"}")
                .statusCode()).isEqualTo(200);
        assertRefused(sup.post("api/v1/batches/" + batch + "/dispatch", "{\"reason\":\"again\"}"), 409, "batch-state", "READY");
        floor.perform(op1, batch, "line_clearance", "{\"acknowledged\":true}", floor.operator2);

        assertRefused(sup.post("api/v1/batches/" + batch + "/hold", "{\"reason\":\"pH meter out of calibration\"}"), 422,
                "batch-input-incomplete", "password");
        assertRefused(sup.post("api/v1/batches/" + batch + "/hold", "{\"reason\":\"pH meter out of calibration\","
                + "\"password\":\"wrong password\"}"), 401, null, null);
        assertThat(floor.batch(op1, batch).getString("status")).isEqualTo("IN_PROGRESS");
        HttpResponse<String> held = sup.post("api/v1/batches/" + batch + "/hold", "{\"reason\":\"pH meter out of"
                + " calibration\",\"password\":" + q(People.PASSWORD) + "}");
        assertThat(held.statusCode()).as(held.body()).isEqualTo(200);
        assertThat(Api.object(held).getString("status")).isEqualTo("ON_HOLD");
        assertRefused(floor.enter(op1, batch, "balance_check", "{\"equipmentId\":\"BAL-01\"}"), 409, "batch-not-executable",
                "on hold");
        HttpResponse<String> resumed = sup.post("api/v1/batches/" + batch + "/resume", "{\"reason\":\"PHM-01 calibrated\","
                + "\"password\":" + q(People.PASSWORD) + "}");
        assertThat(resumed.statusCode()).as(resumed.body()).isEqualTo(200);
        assertThat(Api.object(resumed).getString("status")).isEqualTo("IN_PROGRESS");

        // raised and classified deviation
        HttpResponse<String> raised = floor.people.api(op1).post("api/v1/batches/" + batch + "/deviations",
                "{\"stepId\":\"balance_check\",\"description\":\"BAL-01 display flickered during the check weight\"}");
        assertThat(raised.statusCode()).as(raised.body()).isEqualTo(201);
        String deviation = Api.object(raised).getString("deviationId");
        assertRefused(sup.post("api/v1/batches/" + batch + "/deviations/" + deviation + "/classification",
                "{\"classification\":\"SEVERE\",\"reason\":\"x\"}"), 422, "batch-input-incomplete", "MINOR");
        HttpResponse<String> classified = sup.post("api/v1/batches/" + batch + "/deviations/" + deviation + "/classification",
                "{\"classification\":\"MINOR\",\"reason\":\"no effect on the weighing: check weight within limits\"}");
        assertThat(classified.statusCode()).as(classified.body()).isEqualTo(200);
        assertThat(Api.object(classified).getString("classification")).isEqualTo("MINOR");

        HttpResponse<String> aborted = sup.post("api/v1/batches/" + batch + "/abort", "{\"reason\":\"bulk discarded\","
                + "\"password\":" + q(People.PASSWORD) + "}");
        assertThat(aborted.statusCode()).as(aborted.body()).isEqualTo(200);
        assertRefused(floor.enter(op1, batch, "balance_check", "{\"equipmentId\":\"BAL-01\"}"), 409, "batch-not-executable",
                "aborted");
        assertRefused(sup.post("api/v1/batches/" + batch + "/resume", "{\"reason\":\"x\",\"password\":"
                + q(People.PASSWORD) + "}"), 409, "batch-state", "ABORTED");
        JsonObject record = sup.getJson("api/v1/batches/" + batch + "/record");
        List<String> history = record.getJsonObject("batch").getJsonArray("events").getValuesAs(JsonObject.class).stream()
                .map(e -> e.getString("to")).toList();
        assertThat(history).containsExactly("PLANNED", "READY", "IN_PROGRESS", "ON_HOLD", "IN_PROGRESS", "ABORTED");
        long statusSignatures = record.getJsonArray("signatures").getValuesAs(JsonObject.class).stream()
                .filter(s -> s.getString("recordType").equals("BATCH_STATUS")).count();
        assertThat(statusSignatures).isEqualTo(3);
    }

    @Test
    void the_same_idempotency_key_has_one_effect_and_two_terminals_completing_one_step_have_one_winner() throws Exception {
        String op1 = floor.operator1;
        String batch = floor.readyBatch();
        floor.perform(op1, batch, "line_clearance", "{\"acknowledged\":true}", floor.operator2);
        Api me = floor.people.api(op1);
        String body = "{\"value\":3.8,\"unit\":\"bar\"}";
        String key = "terminal-7-" + System.nanoTime();
        HttpResponse<String> first = me.post("api/v1/batches/" + batch + "/steps/filter_integrity_pre/entries", body,
                "Idempotency-Key", key);
        HttpResponse<String> again = me.post("api/v1/batches/" + batch + "/steps/filter_integrity_pre/entries", body,
                "Idempotency-Key", key);
        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
        assertThat(again.statusCode()).isEqualTo(201);
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(again.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertRefused(me.post("api/v1/batches/" + batch + "/steps/filter_integrity_pre/entries",
                "{\"value\":3.9,\"unit\":\"bar\"}", "Idempotency-Key", key), 422, "idempotency-key-reused", key);
        assertThat(floor.step(op1, batch, "filter_integrity_pre").getInt("revision")).isEqualTo(1);

        // two terminals record the same step at the same moment: exactly one wins
        CyclicBarrier start = new CyclicBarrier(2);
        CompletableFuture<HttpResponse<String>> a = CompletableFuture.supplyAsync(() -> at(start,
                () -> floor.enter(floor.operator1, batch, "balance_check", "{\"equipmentId\":\"BAL-01\"}")));
        CompletableFuture<HttpResponse<String>> b = CompletableFuture.supplyAsync(() -> at(start,
                () -> floor.enter(floor.operator2, batch, "balance_check", "{\"equipmentId\":\"BAL-02\"}")));
        List<Integer> codes = List.of(a.get(60, TimeUnit.SECONDS).statusCode(), b.get(60, TimeUnit.SECONDS).statusCode());
        assertThat(codes).containsExactlyInAnyOrder(201, 409);
        assertThat(floor.step(op1, batch, "balance_check").getInt("revision")).isEqualTo(1);
        assertThat(floor.people.api(floor.supervisor).post("api/v1/batches/" + batch + "/abort",
                "{\"reason\":\"test over\",\"password\":" + q(People.PASSWORD) + "}").statusCode()).isEqualTo(200);
    }

    private static <T> T at(CyclicBarrier start, java.util.function.Supplier<T> call) {
        try {
            start.await(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return call.get();
    }

    @Test
    @Tag("MES-BDE-1")
    void downtime_scrap_and_rework_are_recorded_per_operation_with_a_cause_code_and_corrected_only_with_a_reason()
            throws Exception {
        String op1 = floor.operator1;
        String op2 = floor.operator2;
        Api api = floor.people.api(op1);
        // a batch only planned is not on the floor: nothing to record on it
        String planned = floor.plannedBatch();
        Instant now = Instant.now();
        assertRefused(api.post(events(planned, "fill"), downtime(now.minusSeconds(1), now, "SETUP", null)), 409,
                "batch-not-executable", "PLANNED");

        String batch = floor.readyBatch();
        floor.perform(op1, batch, "line_clearance", "{\"acknowledged\":true}", op2);
        Instant created = Instant.parse(floor.batch(op1, batch).getString("createdAt"));
        Instant from = created.plusMillis(200);
        Instant to = floor.afterCreation(op1, batch).minusMillis(100);

        // every bad input is refused with its field named, and nothing is recorded
        assertRefused(api.post(events(batch, "no_such_op"), downtime(from, to, "SETUP", null)), 404, "operation-not-found",
                "clearance");
        assertThat(violations(api.post(events(batch, "clearance"), "{\"kind\":\"BREAK\",\"cause\":\"SETUP\"}")))
                .containsKey("kind");
        assertThat(violations(api.post(events(batch, "clearance"), downtime(from, to, "COFFEE", null))))
                .containsEntry("cause", "one of EQUIPMENT_FAILURE, MATERIAL_SHORTAGE, WAITING_FOR_QA, CLEANING, SETUP,"
                        + " UTILITIES, PERSONNEL, ENVIRONMENT, OTHER for DOWNTIME, not 'COFFEE'");
        assertThat(violations(api.post(events(batch, "clearance"), downtime(to, from, "SETUP", null)))).containsKey("to");
        assertThat(violations(api.post(events(batch, "clearance"), downtime(from, Instant.now().plusSeconds(3600),
                "SETUP", null)))).containsKey("to");
        assertThat(violations(api.post(events(batch, "clearance"), downtime(created.minusSeconds(3600), to, "SETUP",
                null)))).containsKey("from");
        assertThat(violations(api.post(events(batch, "clearance"), downtime(from, to, "OTHER", null)))).containsKey("comment");
        assertThat(violations(api.post(events(batch, "fill"), "{\"kind\":\"SCRAP\",\"cause\":\"HANDLING\","
                + "\"quantity\":-5}"))).containsKeys("quantity", "unit");
        assertThat(violations(api.post(events(batch, "fill"), "{\"kind\":\"SCRAP\",\"cause\":\"HANDLING\","
                + "\"quantity\":\"lots\",\"unit\":\"vials\"}"))).containsKey("quantity");
        assertThat(violations(api.post(events(batch, "fill"), "{\"kind\":\"REWORK\",\"cause\":\"SETUP\","
                + "\"quantity\":10,\"unit\":\"vials\"}"))).containsKey("cause");
        assertThat(Api.array(api.get("api/v1/batches/" + batch + "/operations")).getValuesAs(JsonObject.class))
                .allSatisfy(o -> assertThat(o.getJsonArray("events")).isEmpty());
        assertThat(Api.demo(http, "inspector1").post(events(batch, "clearance"), downtime(from, to, "SETUP", null))
                .statusCode()).isEqualTo(403);

        // a downtime of the line clearance (waiting for QA's line clearance check) and scrap at the filling
        HttpResponse<String> waited = api.post(events(batch, "clearance"), downtime(from, to, "WAITING_FOR_QA",
                "QA line clearance check came late"));
        assertThat(waited.statusCode()).as(waited.body()).isEqualTo(201);
        JsonObject first = Api.object(waited);
        assertThat(first.getString("kind")).isEqualTo("DOWNTIME");
        assertThat(first.getString("recordedBy")).isEqualTo(op1);
        // the same time again would count twice
        assertRefused(api.post(events(batch, "clearance"), downtime(from, to, "SETUP", null)), 409, "downtime-overlaps",
                "event " + first.getInt("seq"));
        HttpResponse<String> scrapped = api.post(events(batch, "fill"), "{\"kind\":\"SCRAP\",\"cause\":"
                + "\"QUALITY_DEFECT\",\"quantity\":\"36\",\"unit\":\"vials\",\"comment\":\"cracked at the infeed\"}");
        assertThat(scrapped.statusCode()).as(scrapped.body()).isEqualTo(201);
        int scrapSeq = Api.object(scrapped).getInt("seq");

        // corrected with a reason (the first stays, replaced), or withdrawn
        String correction = "api/v1/batches/" + batch + "/operation-events/" + scrapSeq + "/corrections";
        assertRefused(api.post(correction, "{\"kind\":\"SCRAP\",\"cause\":\"QUALITY_DEFECT\",\"quantity\":30,"
                + "\"unit\":\"vials\"}"), 422, "reason-required", "reason");
        assertRefused(api.post("api/v1/batches/" + batch + "/operation-events/9999/corrections", "{\"reason\":\"x\"}"),
                404, "operation-event-not-found", null);
        HttpResponse<String> recounted = api.post(correction, "{\"kind\":\"SCRAP\",\"cause\":\"QUALITY_DEFECT\","
                + "\"quantity\":30,\"unit\":\"vials\",\"reason\":\"recount: 6 vials were good\"}");
        assertThat(recounted.statusCode()).as(recounted.body()).isEqualTo(201);
        assertThat(Api.object(recounted).getInt("corrects")).isEqualTo(scrapSeq);
        assertRefused(api.post(correction, "{\"reason\":\"again\",\"withdrawn\":true}"), 422,
                "operation-event-invalid", "replaced by event");
        HttpResponse<String> rework = api.post(events(batch, "capping"), "{\"kind\":\"REWORK\",\"cause\":"
                + "\"EQUIPMENT_FAILURE\",\"quantity\":200,\"unit\":\"vials\"}");
        assertThat(rework.statusCode()).as(rework.body()).isEqualTo(201);
        HttpResponse<String> withdrawn = api.post("api/v1/batches/" + batch + "/operation-events/"
                + Api.object(rework).getInt("seq") + "/corrections", "{\"withdrawn\":true,\"reason\":\"entered on the"
                + " wrong batch\"}");
        assertThat(withdrawn.statusCode()).as(withdrawn.body()).isEqualTo(201);

        // per operation: actual times, downtime in minutes by cause, the current events, the replaced ones kept
        Map<String, JsonObject> operations = Api.array(floor.people.api(floor.supervisor).get("api/v1/batches/" + batch
                + "/operations")).getValuesAs(JsonObject.class).stream().collect(Collectors.toMap(o -> o.getString(
                "operationId"), o -> o));
        JsonObject clearance = operations.get("clearance");
        assertThat(clearance.getString("actualStart")).isNotBlank();
        double minutes = java.time.Duration.between(from, to).toMillis() / 60_000.0;
        assertThat(clearance.getJsonNumber("downtimeMinutes").doubleValue()).isCloseTo(minutes,
                org.assertj.core.data.Offset.offset(0.06));
        assertThat(clearance.getJsonObject("downtimeMinutesByCause").keySet()).containsExactly("WAITING_FOR_QA");
        JsonObject fill = operations.get("fill");
        assertThat(fill.getJsonArray("events").getValuesAs(JsonObject.class)).singleElement()
                .satisfies(e -> assertThat(e.getJsonNumber("quantity").intValue()).isEqualTo(30));
        assertThat(fill.getJsonArray("replaced").getValuesAs(JsonObject.class)).singleElement()
                .satisfies(e -> assertThat(e.getInt("correctedBy")).isEqualTo(scrapSeq + 1));
        assertThat(operations.get("capping").getJsonArray("events")).isEmpty();
        assertThat(operations.get("capping").getJsonArray("replaced")).hasSize(2);
        assertThat(operations.get("fill").containsKey("actualStart")).as("not started yet").isFalse();

        // an operator records a downtime on the terminal, in the clock time of the wall; the record shows it all
        try (Browser olga = new Browser(contextRoot)) {
            olga.signIn(op1, floor.operatorPassword).open("app/terminal.xhtml?batch=" + batch);
            olga.clickAt("#losses summary");
            olga.script("document.getElementById('loss-operation').value = 'mixing';");
            olga.script("var c = document.getElementById('loss-cause'); c.value = 'MATERIAL_SHORTAGE';");
            olga.clickAt("button[id='loss-save']");
            olga.waitForTextAt("#loss-form", "NOT saved");
            assertThat(olga.textAt("#loss-form")).contains("from is required");
            java.time.ZonedDateTime wall = java.time.ZonedDateTime.now(java.time.ZoneId.of("Europe/Berlin"));
            String hhmm = wall.format(java.time.format.DateTimeFormatter.ofPattern("HH:mm"));
            olga.script("document.getElementById('loss-from').value = arguments[0];"
                    + " document.getElementById('loss-to').value = arguments[0];", hhmm);
            olga.clickAt("button[id='loss-save']");
            olga.waitForTextAt("#loss-form", "to after from");
            olga.look("terminal-downtime-refused");
            // scrap: the form asks for a quantity instead of times, the causes of scrap
            olga.script("var k = document.getElementById('loss-kind'); k.value = 'SCRAP';"
                    + " k.dispatchEvent(new Event('change'));");
            olga.waitForTextAt("#loss-form", "Quantity");
            olga.script("document.getElementById('loss-cause').value = 'HANDLING';");
            olga.typeAt("#loss-quantity", "12");
            olga.typeAt("#loss-unit", "vials");
            olga.typeAt("#loss-comment", "tray dropped at the compounding");
            olga.clickAt("button[id='loss-save']");
            olga.waitForTextAt("#loss-form", "Saved on the server");
            assertThat(olga.textAt("#loss-form")).contains("scrap handling, 12 vials");
            olga.look("terminal-scrap-recorded");
            olga.assertAccessible();
        }
        try (Browser b = new Browser(contextRoot)) {
            b.signIn(floor.supervisor, People.PASSWORD).open("app/batch.xhtml?batch=" + batch);
            b.waitForText("Operations: actual times, downtime, scrap and rework");
            assertThat(b.textOf("record-operations")).contains("WAITING_FOR_QA", "QA line clearance check came late",
                    "SCRAP HANDLING: 12 vials (tray dropped at the compounding)",
                    "SCRAP QUALITY_DEFECT", "30 vials", "replaces event " + scrapSeq + ": recount: 6 vials were good",
                    "withdraws event", "entered on the wrong batch");
            b.scrollToFirst("#record-operations");
            b.look("batch-record-operations");
        }
    }

    private static String events(String batch, String operation) {
        return "api/v1/batches/" + batch + "/operations/" + operation + "/events";
    }

    private static String downtime(Instant from, Instant to, String cause, String comment) {
        return "{\"kind\":\"DOWNTIME\",\"cause\":\"" + cause + "\",\"from\":\"" + from + "\",\"to\":\"" + to + "\""
                + (comment == null ? "" : ",\"comment\":\"" + comment + "\"") + "}";
    }

    private static void assertRefused(HttpResponse<String> response, int status, String kind, String mentions) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        if (kind != null) {
            assertThat(Api.object(response).getString("type")).as(response.body()).endsWith("/" + kind);
        }
        if (mentions != null) {
            assertThat(Api.object(response).getString("detail")).as(response.body()).contains(mentions);
        }
    }
}
