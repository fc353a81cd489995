package org.openebr.ui.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openebr.batch.boundary.EntryFacts;

/** How the batch record places a correction beside the entry it corrects, and words what an entry recorded. */
class BatchRecordViewTest {

    private static EntryFacts entry(int seq, String kind, String raw, String value, String reason) {
        return new EntryFacts("ph", seq, kind, raw, value == null ? null : new BigDecimal(value), "pH", null, false, null,
                null, null, null, "IN_SPEC", false, false, null, reason, null, null, "operator1",
                Instant.parse("2026-12-02T09:00:00Z").plusSeconds(seq));
    }

    @Test
    void a_correction_names_the_entry_it_corrects_and_the_original_stays_with_a_pointer_to_its_correction() {
        List<BatchRecordView.EntryRow> rows = BatchRecordView.rows(List.of(entry(1, "ENTRY", "7.3", "7.30", null),
                entry(2, "CORRECTION", "7.03", "7.03", "transposed digits"),
                entry(3, "SAMPLE_RESULT", "0.2", "0.2", null),
                entry(4, "CORRECTION", "7.04", "7.04", "re-measured")));
        assertThat(rows).hasSize(4);
        assertThat(rows.get(0).correctedBy()).isEqualTo(2);
        assertThat(rows.get(0).corrects()).isNull();
        assertThat(rows.get(1).corrects()).isEqualTo(1);
        assertThat(rows.get(1).correctedBy()).isEqualTo(4);
        assertThat(rows.get(2).corrects()).isNull();
        assertThat(rows.get(3).corrects()).isEqualTo(2);
        assertThat(rows.get(3).correctedBy()).isNull();
        assertThat(rows.get(0).recorded()).isEqualTo("7.30 pH");
    }

    @Test
    void an_acknowledged_instruction_and_a_scanned_container_read_in_words() {
        EntryFacts acknowledged = new EntryFacts("line_clearance", 1, "ENTRY", null, null, null, null, true, null, null,
                null, null, null, false, false, null, null, null, null, "operator1", Instant.EPOCH);
        EntryFacts charged = new EntryFacts("weigh_api", 1, "ENTRY", "C-1", null, null, null, false, "C-1", "L-7", null,
                null, null, false, false, null, null, null, null, "operator1", Instant.EPOCH);
        assertThat(BatchRecordView.recorded(acknowledged)).isEqualTo("acknowledged");
        assertThat(BatchRecordView.recorded(charged)).isEqualTo("container C-1 (lot L-7)");
    }

    @Test
    void codes_read_as_words() {
        assertThat(BatchLabels.label("OUT_OF_SPEC")).isEqualTo("Out of spec");
        assertThat(BatchLabels.label("NUMERIC_ENTRY")).isEqualTo("Numeric entry");
        assertThat(BatchLabels.progress(12, 30)).isEqualTo("12 of 30 steps done");
        assertThat(BatchLabels.openDeviations(1)).isEqualTo("1 open deviation");
    }

    @Test
    void limits_read_as_a_range_or_one_side() {
        assertThat(org.openebr.batch.boundary.Limits.range(new BigDecimal("6.8"), new BigDecimal("7.2"))).isEqualTo("6.8 to 7.2");
        assertThat(org.openebr.batch.boundary.Limits.range(new BigDecimal("3.4"), null)).isEqualTo("at least 3.4");
        assertThat(org.openebr.batch.boundary.Limits.range(null, null)).isEmpty();
    }

    @Test
    void the_review_and_the_release_in_the_status_history_show_qa_s_signatures_on_the_batch() {
        Instant t = Instant.parse("2026-12-04T10:00:00Z");
        List<org.openebr.batch.boundary.BatchDetail.StatusEvent> events = List.of(
                new org.openebr.batch.boundary.BatchDetail.StatusEvent(1, null, "PLANNED", "PO-1", "sam", t, false),
                new org.openebr.batch.boundary.BatchDetail.StatusEvent(2, "IN_PROGRESS", "COMPLETED", "done", "olga", t, false),
                new org.openebr.batch.boundary.BatchDetail.StatusEvent(3, "COMPLETED", "REVIEWED", "signed", "quentin", t, false),
                new org.openebr.batch.boundary.BatchDetail.StatusEvent(4, "REVIEWED", "RELEASED", "signed", "quinn", t, false));
        org.openebr.batch.boundary.BatchDetail batch = new org.openebr.batch.boundary.BatchDetail("B-1", "R-1", 1,
                "0".repeat(64), "Demoprofen", new BigDecimal("45"), "L", BigDecimal.ONE, "RELEASED", null, "Line 1",
                "signed", t, "quinn", t, "sam", "PO-1", List.of(), List.of(), events);
        List<org.openebr.signature.boundary.Signatures.Manifestation> signatures = List.of(
                decision("REVIEWED", "Quentin Reviewer", t), decision("RELEASED", "Quinn Releaser", t));
        List<BatchRecordView.StatusRow> rows = BatchRecordView.history(new org.openebr.batch.boundary.BatchRecord(batch,
                List.of(), signatures, List.of(), List.of()));
        assertThat(rows.get(1).signatures()).isEmpty();
        assertThat(rows.get(2).signatures()).extracting(org.openebr.signature.boundary.Signatures.Manifestation::printedName)
                .containsExactly("Quentin Reviewer");
        assertThat(rows.get(3).signatures()).extracting(org.openebr.signature.boundary.Signatures.Manifestation::meaning)
                .containsExactly("RELEASED");
    }

    private static org.openebr.signature.boundary.Signatures.Manifestation decision(String meaning, String name, Instant t) {
        return new org.openebr.signature.boundary.Signatures.Manifestation(java.util.UUID.randomUUID(), "BATCH", "B-1",
                name, name.toLowerCase().replace(' ', '.'), "QA", meaning, t, "UTC", "2026-12-04 10:00:00 +00:00 UTC",
                true, List.of(), "01");
    }
}
