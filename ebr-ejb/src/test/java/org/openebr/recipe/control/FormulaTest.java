package org.openebr.recipe.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class FormulaTest {

    private static BigDecimal eval(String formula) {
        return Formula.parse(formula).evaluate(Map.of());
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', value = {
        "1 + 2 * 3           | 7",
        "(1 + 2) * 3         | 9",
        "10 - 4 - 3          | 3",
        "48 / 4 / 2          | 6",
        "-2 * 3              | -6",
        "- (2 - 5)           | 3",
        "2 * -3 + 1          | -5",
        "min(3, 1.5, 2)      | 1.5",
        "max(3, 1.5, 2)      | 3",
        "abs(2 - 7.25)       | 5.25",
        "round(2 / 3, 4)     | 0.6667",
        "round(99.25, 1)     | 99.3",
        "round(-99.25, 1)    | -99.3",
        "1 / 3 * 3           | 0.9999999999999999"
    })
    void precedence_parentheses_and_functions(String formula, String expected) {
        assertThat(eval(formula)).isEqualByComparingTo(expected);
    }

    @Test
    void references_are_the_identifiers_in_order_of_first_use() {
        Formula formula = Formula.parse("round(good_vials / theoretical_vials * 100, 1) + good_vials - max(a_1, _b)");

        assertThat(formula.references()).containsExactly("good_vials", "theoretical_vials", "a_1", "_b");
    }

    @Test
    @Tag("ALCOA-Cons-1")
    void evaluates_the_reconciliation_yield_in_decimal_not_floating_point() {
        Formula yield = Formula.parse("round(good_vials / theoretical_vials * 100, 1)");

        assertThat(yield.evaluate(Map.of("good_vials", new BigDecimal("19391"), "theoretical_vials",
                new BigDecimal("20000")))).isEqualTo("97.0"); // 96.955 rounds half up
        assertThat(Formula.parse("0.1 + 0.2").evaluate(Map.of())).isEqualTo("0.3");
    }

    @Test
    void division_by_zero_is_a_clear_error() {
        Formula yield = Formula.parse("good_vials / theoretical_vials");

        assertThatThrownBy(() -> yield.evaluate(Map.of("good_vials", BigDecimal.TEN, "theoretical_vials", BigDecimal.ZERO)))
                .isInstanceOf(EvaluationError.class)
                .hasMessage("division by zero at position 12");
    }

    @Test
    void a_missing_value_is_a_clear_error() {
        assertThatThrownBy(() -> Formula.parse("a + b").evaluate(Map.of("a", BigDecimal.ONE)))
                .isInstanceOf(EvaluationError.class)
                .hasMessage("no value for 'b'");
    }

    @Test
    void round_needs_a_whole_number_of_decimals() {
        assertThatThrownBy(() -> eval("round(1.2345, 1.5)"))
                .isInstanceOf(EvaluationError.class)
                .hasMessage("round needs a whole number of decimals, not 1.5");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "System.exit(1)               | unexpected '.' at position 7",
        "a.b                          | unexpected '.' at position 2",
        "x = 1                        | unexpected '=' at position 3",
        "exec(1)                      | unknown function 'exec' at position 1",
        "Runtime.getRuntime()         | unexpected '.' at position 8",
        "${jndi:ldap://x}             | unexpected '$' at position 1",
        "a; b                         | unexpected ';' at position 2",
        "1e5                          | unexpected 'e' at position 2",
        "round(1)                     | round takes 2 arguments, not 1 at position 1",
        "min(1)                       | min takes at least 2 arguments, not 1 at position 1",
        "(1 + 2                       | ')' expected at position 7",
        "1 +                          | unexpected end of formula at position 4",
        "3.                           | digit expected after '.' at position 3",
        "a[0]                         | unexpected '[' at position 2"
    })
    void anything_outside_the_language_is_rejected_with_its_position(String formula, String message) {
        assertThatThrownBy(() -> Formula.parse(formula))
                .isInstanceOf(ParseError.class)
                .hasMessage(message);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   "})
    void an_empty_formula_is_rejected(String formula) {
        assertThatThrownBy(() -> Formula.parse(formula)).isInstanceOf(ParseError.class).hasMessage("empty formula at position 1");
    }

    @Test
    void deep_nesting_ends_in_a_parse_error_not_a_stack_overflow() {
        String deep = "(".repeat(10_000) + "1" + ")".repeat(10_000);

        assertThatThrownBy(() -> Formula.parse(deep)).isInstanceOf(ParseError.class)
                .hasMessageStartingWith("nested more than 64 levels deep");
        assertThatThrownBy(() -> Formula.parse("-".repeat(10_000) + "1")).isInstanceOf(ParseError.class);
    }

    @Test
    void the_position_points_at_the_offending_character() {
        assertThatThrownBy(() -> Formula.parse("good_vials / theoretical_vials * 100 %"))
                .isInstanceOfSatisfying(ParseError.class, e -> assertThat(e.position()).isEqualTo(38));
    }
}
