package org.openebr.recipe.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The lifecycle of a master recipe version: which step leads where, and what stays frozen. */
class RecipeStatusTest {

    private static final Instant NOW = Instant.parse("2026-11-30T08:00:00Z");

    @Test
    @Tag("PR-211.186-1")
    void a_version_goes_draft_review_approved_effective_superseded_and_nowhere_else() {
        assertThat(RecipeStatus.DRAFT.next()).containsExactly(RecipeStatus.IN_REVIEW);
        assertThat(RecipeStatus.IN_REVIEW.next()).containsExactlyInAnyOrder(RecipeStatus.APPROVED, RecipeStatus.REJECTED);
        assertThat(RecipeStatus.APPROVED.next()).containsExactlyInAnyOrder(RecipeStatus.EFFECTIVE, RecipeStatus.RETIRED);
        assertThat(RecipeStatus.EFFECTIVE.next()).containsExactlyInAnyOrder(RecipeStatus.SUPERSEDED, RecipeStatus.RETIRED);
        assertThat(RecipeStatus.SUPERSEDED.next()).isEmpty();
        assertThat(RecipeStatus.RETIRED.next()).isEmpty();
        assertThat(RecipeStatus.REJECTED.next()).isEmpty();
        assertThat(RecipeStatus.DRAFT.canBecome(RecipeStatus.EFFECTIVE)).isFalse();
    }

    @Test
    @Tag("A11-10-1")
    void only_a_draft_takes_new_content_and_every_saver_becomes_an_author() {
        RecipeVersion version = new RecipeVersion("R-1", 1, "Product", "{}", "a".repeat(64), null, "new", "author1", NOW);
        version.revise("Product", "{\"x\":1}", "b".repeat(64), "author2", NOW);

        assertThat(version.draftRevision()).isEqualTo(2);
        assertThat(version.authoredBy("author1")).isTrue();
        assertThat(version.authoredBy("AUTHOR2")).isTrue();
        assertThat(version.authoredBy("approver1")).isFalse();

        version.moveTo(RecipeStatus.IN_REVIEW, "submitted", "author2", NOW);
        assertThatThrownBy(() -> version.revise("Product", "{}", "c".repeat(64), "author2", NOW))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> version.moveTo(RecipeStatus.EFFECTIVE, "skip approval", "x", NOW))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void effective_dates_are_set_by_the_lifecycle() {
        RecipeVersion version = new RecipeVersion("R-1", 1, "Product", "{}", "a".repeat(64), null, "new", "author1", NOW);
        version.moveTo(RecipeStatus.IN_REVIEW, "submitted", "author1", NOW);
        version.moveTo(RecipeStatus.APPROVED, "approved", "approver1", NOW);
        version.scheduleEffective(NOW.plusSeconds(3600));
        version.moveTo(RecipeStatus.EFFECTIVE, "due", "system", NOW.plusSeconds(3600));
        version.moveTo(RecipeStatus.SUPERSEDED, "version 2", "system", NOW.plusSeconds(7200));

        assertThat(version.effectiveFrom()).isEqualTo(NOW.plusSeconds(3600));
        assertThat(version.effectiveUntil()).isEqualTo(NOW.plusSeconds(7200));
        assertThat(version.recordId()).isEqualTo("R-1:1");
    }
}
