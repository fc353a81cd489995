package org.openebr.ui.home;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openebr.batch.boundary.BatchSummary;
import org.openebr.batch.boundary.BatchWorklists;
import org.openebr.platform.boundary.Excerpt;
import org.openebr.ui.WorkItem;

/** The batch worklists of the home pages (issue 16): what the supervisor, operator and QA read, and where a click leads. */
class BatchHomeListsTest {

    private final HomeLists lists = new HomeLists(ZoneId.of("Europe/Berlin"));

    private static BatchSummary batch(String id, String status, int done, int open) {
        return new BatchSummary(id, "DEMOPROFEN-10-2ML", 1, "Demoprofen 10 mg/mL", new BigDecimal("45"), "L", status,
                "Filling line 1", Instant.parse("2026-12-01T08:00:00Z"), "supervisor1", done, 30, open,
                Instant.parse("2026-12-02T09:30:00Z"));
    }

    @Test
    void the_supervisor_sees_a_held_batch_with_its_progress_and_open_deviations_and_opens_it_on_the_batch_list() {
        WorkItem held = lists.batchesToDispatch(new Excerpt<>(List.of(batch("B-2026-0002", "ON_HOLD", 12, 1)), 3))
                .items().get(0);
        assertThat(held.label()).isEqualTo("B-2026-0002: Demoprofen 10 mg/mL, 45 L");
        assertThat(held.detail()).isEqualTo("On hold since 2026-12-02 10:30 CET. 12 of 30 steps done, 1 open deviation.");
        assertThat(held.statusLabel()).isEqualTo("On hold");
        assertThat(held.url()).isEqualTo("app/batches.xhtml?batch=B-2026-0002");
    }

    @Test
    void an_unclassified_deviation_names_its_batch_and_step() {
        WorkItem item = lists.deviationsToClassify(new Excerpt<>(List.of(new BatchWorklists.OpenDeviation("B-2026-0002",
                "DEV-2026-0007", "ph", "OUT_OF_LIMITS", "pH 7.25 outside 6.8 to 7.2", "operator1",
                Instant.parse("2026-12-02T09:00:00Z"))), 1)).items().get(0);
        assertThat(item.label()).isEqualTo("DEV-2026-0007 on batch B-2026-0002, step ph");
        assertThat(item.statusLabel()).isEqualTo("Not classified");
        assertThat(item.url()).isEqualTo("app/batches.xhtml?batch=B-2026-0002");
    }

    @Test
    void the_operator_opens_a_running_batch_and_a_step_to_verify_on_the_terminal_and_is_told_when_it_is_their_own() {
        assertThat(lists.batchesOnTheFloor(new Excerpt<>(List.of(batch("B-2026-0003", "IN_PROGRESS", 5, 0)), 1))
                .items().get(0).url()).isEqualTo("app/terminal.xhtml?batch=B-2026-0003");
        WorkItem own = lists.stepsToVerify(new Excerpt<>(List.of(new BatchWorklists.StepToVerify("B-2026-0003",
                "Demoprofen 10 mg/mL", "weigh_api", "operator1", true)), 1)).items().get(0);
        assertThat(own.detail()).contains("You performed it: another person verifies.");
        assertThat(own.url()).isEqualTo("app/terminal.xhtml?batch=B-2026-0003");
        assertThat(lists.stepsToVerify(new Excerpt<>(List.of(), 0)).emptyText()).isEqualTo("No step waits for a verifier.");
    }

    @Test
    void qa_opens_a_completed_batch_in_its_review_and_a_reviewed_one_for_its_release() {
        WorkItem item = lists.batchesToReview(new Excerpt<>(List.of(batch("B-2026-0001", "COMPLETED", 30, 1)), 1))
                .items().get(0);
        assertThat(item.url()).isEqualTo("app/review.xhtml?batch=B-2026-0001");
        assertThat(item.detail()).isEqualTo("Completed 2026-12-02 10:30 CET. 1 open deviation.");
        WorkItem toRelease = lists.batchesToRelease(new Excerpt<>(List.of(batch("B-2026-0002", "REVIEWED", 30, 0)), 1))
                .items().get(0);
        assertThat(toRelease.url()).isEqualTo("app/review.xhtml?batch=B-2026-0002");
        assertThat(toRelease.detail()).startsWith("Reviewed ");
        assertThat(lists.batchesToRelease(new Excerpt<>(List.of(), 0)).emptyText())
                .isEqualTo("No reviewed batch waits for release.");
    }
}
