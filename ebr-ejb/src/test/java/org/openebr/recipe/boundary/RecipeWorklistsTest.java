package org.openebr.recipe.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.openebr.recipe.entity.RecipeStatus;
import org.openebr.recipe.entity.RecipeVersion;

/** How a version reads on a worklist: when and by whom it got where it is, and why. */
class RecipeWorklistsTest {

    private static final Instant CREATED = Instant.parse("2026-11-30T08:00:00Z");
    private static final Instant SUBMITTED = Instant.parse("2026-12-01T09:30:00Z");
    private static final Instant REJECTED = Instant.parse("2026-12-02T14:00:00Z");

    private static RecipeVersion draft() {
        RecipeVersion version = new RecipeVersion("DEMO-1", 2, "Demoprofen", "{}", "a".repeat(64), 1,
                "CC-2026-031: pH alert band narrowed", "author1", CREATED);
        version.revise("Demoprofen", "{\"x\":1}", "b".repeat(64), "author2", CREATED);
        return version;
    }

    @Test
    void a_draft_reads_with_its_creation_and_change_reason() {
        RecipeWorklists.VersionTask task = RecipeWorklists.task(draft(), "author2");
        assertThat(task.status()).isEqualTo("DRAFT");
        assertThat(task.at()).isEqualTo(CREATED);
        assertThat(task.by()).isEqualTo("author1");
        assertThat(task.reason()).isEqualTo("CC-2026-031: pH alert band narrowed");
        assertThat(task.draftRevision()).isEqualTo(2);
        assertThat(task.authoredByCaller()).isTrue();
    }

    @Test
    void a_version_in_review_reads_with_its_submitter_and_marks_an_approver_who_saved_it() {
        RecipeVersion version = draft();
        version.moveTo(RecipeStatus.IN_REVIEW, null, "author2", SUBMITTED);
        RecipeWorklists.VersionTask forApprover = RecipeWorklists.task(version, "approver1");
        assertThat(forApprover.at()).isEqualTo(SUBMITTED);
        assertThat(forApprover.by()).isEqualTo("author2");
        assertThat(forApprover.authoredByCaller()).isFalse();
        // someone with both roles who saved the content may not approve it: the list says so
        assertThat(RecipeWorklists.task(version, "AUTHOR1").authoredByCaller()).isTrue();
    }

    @Test
    void a_rejected_version_reads_with_the_rejection_and_its_reason() {
        RecipeVersion version = draft();
        version.moveTo(RecipeStatus.IN_REVIEW, null, "author2", SUBMITTED);
        version.moveTo(RecipeStatus.REJECTED, "trend report TR-2026-07 not referenced", "approver1", REJECTED);
        RecipeWorklists.VersionTask task = RecipeWorklists.task(version, "author1");
        assertThat(task.status()).isEqualTo("REJECTED");
        assertThat(task.at()).isEqualTo(REJECTED);
        assertThat(task.by()).isEqualTo("approver1");
        assertThat(task.reason()).isEqualTo("trend report TR-2026-07 not referenced");
        assertThat(task.basedOn()).isEqualTo(1);
    }
}
