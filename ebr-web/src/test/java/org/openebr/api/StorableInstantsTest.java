package org.openebr.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class StorableInstantsTest {

    @Test
    void the_years_1_to_9999_are_accepted_to_the_last_instant() {
        assertThat(StorableInstants.parse("from", "0001-01-01T00:00:00Z")).isEqualTo(StorableInstants.EARLIEST);
        assertThat(StorableInstants.parse("to", "9999-12-31T23:59:59.999999999Z")).isEqualTo(StorableInstants.LATEST);
        assertThat(StorableInstants.parse("from", " 2026-11-24T08:00:00Z ")).isEqualTo(Instant.parse("2026-11-24T08:00:00Z"));
    }

    @Test
    void an_absent_or_blank_parameter_is_no_filter() {
        assertThat(StorableInstants.parse("from", null)).isNull();
        assertThat(StorableInstants.parse("from", "  ")).isNull();
    }

    @Test
    void an_instant_beyond_the_years_the_database_stores_is_refused_naming_parameter_and_range() {
        assertThatThrownBy(() -> StorableInstants.parse("from", "+999999999-12-31T23:59:59Z"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'from'").hasMessageContaining("0001-01-01T00:00:00Z")
                .hasMessageContaining("9999-12-31T23:59:59Z");
        assertThatThrownBy(() -> StorableInstants.parse("to", "+10000-01-01T00:00:00Z")).hasMessageContaining("'to'");
        assertThatThrownBy(() -> StorableInstants.parse("to", "-0001-12-31T23:59:59Z")).hasMessageContaining("'to'");
        assertThatThrownBy(() -> StorableInstants.parse("to", "0000-12-31T23:59:59.999Z")).hasMessageContaining("'to'");
    }

    @Test
    void text_that_is_no_instant_is_refused_with_an_example() {
        assertThatThrownBy(() -> StorableInstants.parse("from", "yesterday"))
                .hasMessage("'from' must be an ISO-8601 instant such as 2026-11-24T08:00:00Z.");
    }

    @Test
    void body_dates_follow_the_same_range() {
        StorableDate.Check check = new StorableDate.Check();
        assertThat(check.isValid(LocalDate.of(1, 1, 1), null)).isTrue();
        assertThat(check.isValid(LocalDate.of(9999, 12, 31), null)).isTrue();
        assertThat(check.isValid(LocalDate.of(10000, 1, 1), null)).isFalse();
        assertThat(check.isValid(LocalDate.MIN, null)).isFalse();
        assertThat(check.isValid(Instant.MAX, null)).isFalse();
        assertThat(check.isValid(null, null)).isTrue();
    }
}
