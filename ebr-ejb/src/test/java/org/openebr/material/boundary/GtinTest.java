package org.openebr.material.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GtinTest {

    @Test
    void the_check_digit_follows_the_gs1_mod_10_rule() {
        // the GTIN-12 614141000012 (GS1 example company prefix) as GTIN-14
        assertThat(Gtin.checkDigit("0061414100001")).isEqualTo(2);
        assertThat(Gtin.valid("00614141000012")).isTrue();
        assertThat(Gtin.of("0401234500001")).hasSize(14).satisfies(g -> assertThat(Gtin.valid(g)).isTrue());
    }

    @Test
    void a_wrong_check_digit_or_anything_but_14_digits_is_not_a_gtin() {
        assertThat(Gtin.valid("00614141000013")).isFalse();
        assertThat(Gtin.valid("0061414100001")).isFalse();
        assertThat(Gtin.valid("0061414100001X")).isFalse();
        assertThat(Gtin.valid(null)).isFalse();
    }
}
