package org.openebr.recipe.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@Tag("ALCOA-Cons-1")
class UnitTest {

    @ParameterizedTest(name = "{0} {1} = {3} {2}")
    @CsvSource({
        "453.6, g,    kg,   0.4536",
        "0.4536, kg,  g,    453.6",
        "450,   mg,   g,    0.45",
        "45.0,  L,    mL,   45000",
        "2,     h,    min,  120",
        "90,    min,  h,    1.5",
        "3400,  mbar, bar,  3.4",
        "20000, vials, units, 20000"
    })
    void converts_within_a_dimension(String value, String from, String to, String expected) {
        BigDecimal converted = Unit.of(from).orElseThrow().convert(new BigDecimal(value), Unit.of(to).orElseThrow());

        assertThat(converted).isEqualByComparingTo(expected);
    }

    @Test
    void does_not_convert_across_dimensions() {
        assertThatThrownBy(() -> Unit.GRAM.convert(BigDecimal.ONE, Unit.MILLILITRE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("g (MASS) does not convert to mL (VOLUME)");
    }

    @Test
    void symbols_are_exact_and_case_sensitive() {
        assertThat(Unit.of("°C")).contains(Unit.DEGREE_CELSIUS);
        assertThat(Unit.of("mL")).contains(Unit.MILLILITRE);
        assertThat(Unit.of("ml")).isEmpty();
        assertThat(Unit.of("Mg")).isEmpty();
        assertThat(Unit.of(null)).isEmpty();
    }
}
