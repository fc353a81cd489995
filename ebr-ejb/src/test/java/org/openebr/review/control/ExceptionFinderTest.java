package org.openebr.review.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openebr.batch.boundary.BatchDetail;
import org.openebr.batch.boundary.BatchRecord;
import org.openebr.batch.boundary.DeviationFacts;
import org.openebr.batch.boundary.EntryFacts;
import org.openebr.review.boundary.BatchReview;
import org.openebr.signature.boundary.Signatures;

/** Review by exception: the exceptions found in a record, and the statement for every other step. */
class ExceptionFinderTest {

    private static final Instant T = Instant.parse("2026-12-04T10:00:00Z");

    @Test
    void only_what_deviated_is_an_exception_and_every_other_step_says_what_was_checked() {
        BatchRecord record = record(
                List.of(step("ph", "NUMERIC_ENTRY", "DONE", false), step("mix", "INSTRUCTION", "DONE", false),
                        step("clearance", "INSTRUCTION", "DONE", true), step("bioburden", "SAMPLING", "DONE", false),
                        step("fill", "NUMERIC_ENTRY", "RECORDED", false)),
                List.of(entry("ph", 1, "ENTRY", "7.35", "OUT_OF_SPEC", false, false, null, "DEV-2026-00001"),
                        entry("ph", 2, "CORRECTION", "7.04", "IN_SPEC", false, false, "electrode not equilibrated", null),
                        entry("mix", 1, "ENTRY", null, null, false, false, null, null),
                        entry("clearance", 1, "ENTRY", null, null, false, false, null, null),
                        entry("bioburden", 1, "ENTRY", null, null, true, false, "terminal busy", null),
                        entry("fill", 1, "ENTRY", "2.13", "ALERT", false, false, null, null)),
                List.of(signature("clearance", true), signature("clearance", true), signature("mix", true),
                        signature("ph", false)),
                List.of(new DeviationFacts("DEV-2026-00001", "B-1", "ph", "OUT_OF_LIMITS", "pH 7.35 outside 6.8 to 7.2",
                        "OPEN", null, null, null, null, "olga", T, null)));

        BatchReview review = ExceptionFinder.review(record, T);

        assertThat(review.exceptions()).extracting(BatchReview.Finding::exceptionId).containsExactlyInAnyOrder(
                "VALUE-ph-1", "CORRECTION-ph-2", "DEV-2026-00001", "LATE-bioburden-1", "SAMPLE-bioburden-MISSING",
                "ALERT-fill-1", "STEP-fill-NOT-DONE", "SIGNATURE-" + SIGNATURE_IDS.get(3));
        assertThat(review.exceptions()).allMatch(x -> x.disposition().equals("UNDISPOSITIONED"));
        assertThat(review.checked()).extracting(BatchReview.CheckedStep::stepId).containsExactly("mix", "clearance");
        assertThat(review.checked().get(1).statement()).contains("2 signatures (performer and verifier), each verifying");
        assertThat(review.reviewable()).isTrue();
    }

    @Test
    void an_entry_recorded_after_the_batch_was_completed_is_an_exception_but_a_later_laboratory_result_is_not() {
        List<BatchDetail.StatusEvent> events = List.of(new BatchDetail.StatusEvent(1, null, "PLANNED", "PO-1", "sam", T, false),
                new BatchDetail.StatusEvent(2, "IN_PROGRESS", "COMPLETED", "every step done", "olga", T.plusSeconds(50), false));
        EntryFacts sampleResult = new EntryFacts("bioburden", 150, "SAMPLE_RESULT", "3", new BigDecimal("3"), "CFU",
                null, false, null, null, null, "S-1", "IN_SPEC", false, false, null, null, null, null, "quentin",
                T.plusSeconds(150));
        BatchRecord record = record(List.of(step("ph", "NUMERIC_ENTRY", "DONE", false),
                        step("bioburden", "SAMPLING", "DONE", false)),
                List.of(entry("ph", 1, "ENTRY", "7.04", "IN_SPEC", false, false, null, null),
                        entry("bioburden", 1, "ENTRY", null, null, false, false, null, null), sampleResult,
                        entry("ph", 100, "ENTRY", "7.10", "IN_SPEC", false, false, null, null)),
                List.of(), List.of(), events);

        BatchReview review = ExceptionFinder.review(record, T);

        assertThat(review.exceptions()).extracting(BatchReview.Finding::exceptionId).containsExactly("AFTER-ph-100");
        assertThat(review.exceptions().get(0).kind()).isEqualTo("CHANGED_AFTER_COMPLETION");
        assertThat(review.exceptions().get(0).summary()).contains("7.10").contains(T.plusSeconds(50).toString());
        assertThat(review.checked()).extracting(BatchReview.CheckedStep::stepId).containsExactly("bioburden");
    }

    private static final List<UUID> SIGNATURE_IDS = java.util.stream.Stream.generate(UUID::randomUUID).limit(16).toList();
    private static int signatures;

    @org.junit.jupiter.api.BeforeEach
    void firstSignature() {
        signatures = 0;
    }

    private static Signatures.Manifestation signature(String step, boolean valid) {
        return new Signatures.Manifestation(SIGNATURE_IDS.get(signatures++), "BATCH_STEP", "B-1:" + step, "Olga Operator",
                "olga", "OPERATOR", "PERFORMED", T, "Europe/Berlin", "2026-12-04 11:00:00 +01:00 Europe/Berlin", valid,
                valid ? List.of() : List.of("The record is no longer what was signed."), "01");
    }

    private static BatchRecord record(List<BatchDetail.StepDetail> steps, List<EntryFacts> entries,
                                      List<Signatures.Manifestation> signed, List<DeviationFacts> deviations) {
        return record(steps, entries, signed, deviations,
                List.of(new BatchDetail.StatusEvent(1, null, "PLANNED", "PO-1", "sam", T, false)));
    }

    private static BatchRecord record(List<BatchDetail.StepDetail> steps, List<EntryFacts> entries,
                                      List<Signatures.Manifestation> signed, List<DeviationFacts> deviations,
                                      List<BatchDetail.StatusEvent> events) {
        BatchDetail detail = new BatchDetail("B-1", "R-1", 1, "0".repeat(64), "Demoprofen", new BigDecimal("45"), "L",
                BigDecimal.ONE, "COMPLETED", null, "Line 1", "every step done", T, "olga", T, "sam", "PO-1", steps,
                deviations, events);
        return new BatchRecord(detail, entries, signed, List.of(), List.of());
    }

    @Test
    @org.junit.jupiter.api.Tag("P11-10h-2")
    void a_machine_value_read_bad_or_implausible_is_an_exception_and_a_good_one_is_checked() {
        EntryFacts good = machine("temp", "22.4", 0L, "GOOD", null, null);
        EntryFacts bad = machine("weight", "2.31", 0x80320000L, "BAD", null, "transmitter alarm");
        EntryFacts implausible = machine("speed", "950", 0L, "GOOD", "outside the instrument's range 0 to 400 rpm",
                "recorded as read");
        BatchRecord record = record(List.of(step("temp", "MACHINE_VALUE", "DONE", false),
                        step("weight", "MACHINE_VALUE", "DONE", false), step("speed", "MACHINE_VALUE", "DONE", false)),
                List.of(good, bad, implausible), List.of(signature("temp", true), signature("weight", true),
                        signature("speed", true)), List.of());

        BatchReview review = ExceptionFinder.review(record, T);

        assertThat(review.exceptions()).extracting(BatchReview.Finding::exceptionId)
                .containsExactlyInAnyOrder("MACHINE-weight-1", "MACHINE-speed-1");
        BatchReview.Finding badFinding = review.exceptions().stream().filter(f -> f.stepId().equals("weight")).findFirst()
                .orElseThrow();
        assertThat(badFinding.kind()).isEqualTo("MACHINE_VALUE_QUALITY");
        assertThat(badFinding.summary()).contains("quality BAD").contains("0x80320000").contains("transmitter alarm");
        assertThat(review.exceptions().stream().filter(f -> f.stepId().equals("speed")).findFirst().orElseThrow()
                .summary()).contains("not plausible: outside the instrument's range");
        assertThat(review.checked()).extracting(BatchReview.CheckedStep::stepId).containsExactly("temp");
        assertThat(review.checked().get(0).statement()).contains("read from the equipment, Good and plausible");
    }

    private static EntryFacts machine(String step, String raw, long status, String quality, String plausibility,
                                      String reason) {
        return new EntryFacts(step, 1, "ENTRY", raw, new BigDecimal(raw), "x", null, false, null, null, null, null,
                "BAD".equals(quality) ? null : "IN_SPEC", false, false, null, reason, "read over OPC UA", null, "olga",
                T.plusSeconds(1), "OPC_UA", "nsu=urn:openebr:sim;s=" + step, status, quality, T, T.plusMillis(5),
                plausibility);
    }

    private static BatchDetail.StepDetail step(String id, String type, String state, boolean verifier) {
        boolean numeric = type.equals("NUMERIC_ENTRY") || type.equals("SAMPLING");
        return new BatchDetail.StepDetail(id, "Step " + id, type, "UP", "OP", List.of(), state, verifier, null, List.of(),
                numeric ? "pH" : null, numeric ? 2 : null, null, numeric ? new BigDecimal("6.8") : null,
                numeric ? new BigDecimal("7.2") : null, null, null, null, null, List.of(), null, null, List.of(), 1, null,
                "olga", "olga", null, false);
    }

    private static EntryFacts entry(String step, int seq, String kind, String raw, String judgement, boolean late,
                                    boolean manual, String reason, String deviation) {
        return new EntryFacts(step, seq, kind, raw, raw == null ? null : new BigDecimal(raw), raw == null ? null : "pH",
                null, raw == null, null, null, null, null, judgement, manual, late, late ? T.minusSeconds(3600) : null,
                reason, null, deviation, "olga", T.plusSeconds(seq));
    }
}
