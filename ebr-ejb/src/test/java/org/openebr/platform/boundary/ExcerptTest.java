package org.openebr.platform.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The first few entries of a list with its length: what a worklist card counts and shows. */
class ExcerptTest {

    @Test
    void the_first_entries_are_kept_in_order_and_the_total_counts_all() {
        Excerpt<String> first = Excerpt.of(List.of("a", "b", "c", "d"), 2);
        assertThat(first.items()).containsExactly("a", "b");
        assertThat(first.total()).isEqualTo(4);
        assertThat(first.isEmpty()).isFalse();
        assertThat(Excerpt.of(List.of(), 5).isEmpty()).isTrue();
    }

    @Test
    void a_limit_is_at_least_one_and_at_most_the_maximum() {
        assertThat(Excerpt.limit(0)).isEqualTo(1);
        assertThat(Excerpt.limit(-3)).isEqualTo(1);
        assertThat(Excerpt.limit(10_000)).isEqualTo(Excerpt.MAX_ITEMS);
        assertThat(Excerpt.of(List.of("a", "b"), 0).items()).containsExactly("a");
    }

    @Test
    void a_total_below_the_entries_shown_is_refused() {
        assertThatThrownBy(() -> new Excerpt<>(List.of("a", "b"), 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
