package org.openebr.material.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class QuantityUnitTest {

    @Test
    void units_of_one_dimension_convert_exactly() {
        assertThat(QuantityUnit.GRAM.convert(new BigDecimal("453.6"), QuantityUnit.KILOGRAM)).isEqualByComparingTo("0.4536");
        assertThat(QuantityUnit.KILOGRAM.convert(new BigDecimal("25"), QuantityUnit.GRAM)).isEqualByComparingTo("25000");
        assertThat(QuantityUnit.LITRE.convert(new BigDecimal("1.5"), QuantityUnit.MILLILITRE)).isEqualByComparingTo("1500");
        assertThat(QuantityUnit.MILLIGRAM.convert(new BigDecimal("250"), QuantityUnit.GRAM)).isEqualByComparingTo("0.25");
    }

    @Test
    void mass_never_converts_to_volume() {
        assertThat(QuantityUnit.GRAM.convertsTo(QuantityUnit.MILLILITRE)).isFalse();
        assertThatThrownBy(() -> QuantityUnit.GRAM.convert(BigDecimal.ONE, QuantityUnit.LITRE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("does not convert");
    }

    @Test
    void symbols_are_case_sensitive() {
        assertThat(QuantityUnit.of("mg")).contains(QuantityUnit.MILLIGRAM);
        assertThat(QuantityUnit.of("Mg")).isEmpty();
        assertThat(QuantityUnit.of("l")).isEmpty();
    }
}
