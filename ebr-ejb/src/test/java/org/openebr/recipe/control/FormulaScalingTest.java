package org.openebr.recipe.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.openebr.recipe.control.ReferenceRecipe.asepticFilling;
import static org.openebr.recipe.control.ReferenceRecipe.d;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openebr.recipe.boundary.FormulaItem;
import org.openebr.recipe.boundary.RecipeDocument;
import org.openebr.recipe.boundary.ScaledFormula;
import org.openebr.recipe.boundary.Scaling;

/** The bill of materials scaled to an actual batch size (the reference process: 45.0 L nominal). */
class FormulaScalingTest {

    @Test
    @Tag("ALCOA-Cons-1")
    void linear_quantities_follow_the_batch_size_with_the_authors_decimals() {
        ScaledFormula scaled = FormulaScaling.scale(asepticFilling(), d("40.0"), "L");

        assertThat(scaled.factor()).isEqualByComparingTo("0.8888888888888889");
        ScaledFormula.Quantity api = scaled.formula().get(0);
        assertThat(api.material()).isEqualTo("Demoprofen");
        assertThat(api.quantity()).isEqualTo(d("400.0")); // 450.0 g x 40/45
        assertThat(scaled.formula().get(2).quantity()).isEqualTo(d("56.0")); // 63.0 g
        assertThat(scaled.formula().get(3).quantity()).isEqualTo(d("35.5556")); // 40 L of WFI: six significant digits
    }

    @Test
    @Tag("A11-4.7-1")
    void tolerance_limits_come_from_the_exact_quantity_rounded_towards_it_never_widening_the_band() {
        ScaledFormula scaled = FormulaScaling.scale(asepticFilling(), d("45.0"), "L");

        ScaledFormula.Quantity nacl = scaled.formula().get(1); // 405.0 g +/- 1 % = 400.95 .. 409.05
        assertThat(nacl.lower()).isEqualTo(d("400.95"));
        assertThat(nacl.upper()).isEqualTo(d("409.05"));
        ScaledFormula.Quantity wfi = FormulaScaling.scale(asepticFilling(), d("40.0"), "L").formula().get(3);
        assertThat(wfi.quantity()).isEqualTo(d("35.5556"));
        ScaledFormula.Quantity api = FormulaScaling.scale(asepticFilling(), d("40.0"), "L").formula().get(0);
        assertThat(api.lower()).isEqualTo(d("398.0")); // 400 g +/- 0.5 %
        assertThat(api.upper()).isEqualTo(d("402.0"));
        ScaledFormula.Quantity odd = FormulaScaling.scale(asepticFilling(), d("44.3"), "L").formula().get(0);
        assertThat(odd.quantity()).isEqualTo(d("443.0")); // 450.0 x 44.3 / 45 = 443
        assertThat(odd.lower()).isGreaterThanOrEqualTo(d("440.785")).isEqualTo(d("440.785"));
        assertThat(odd.upper()).isLessThanOrEqualTo(d("445.215"));
    }

    @Test
    void a_small_quantity_at_a_small_batch_keeps_its_significant_digits_instead_of_rounding_to_nothing() {
        List<FormulaItem> formula = new ArrayList<>(asepticFilling().formula());
        formula.set(0, new FormulaItem("Demoprofen", d("2"), "kg", d("1"), null));
        RecipeDocument r = asepticFilling();
        RecipeDocument twoKilograms = new RecipeDocument(r.recipeId(), r.version(), r.product(), r.material(),
                r.nominalBatchSize(), r.batchSizeUnit(), r.parameters(), formula, List.of());

        ScaledFormula.Quantity api = FormulaScaling.scale(twoKilograms, d("9"), "L").formula().get(0);

        assertThat(api.quantity()).isEqualTo(d("0.4")); // a fifth of 2 kg, not 0 kg
        assertThat(api.lower()).isEqualTo(d("0.396"));
        assertThat(api.upper()).isEqualTo(d("0.404"));
    }

    @Test
    void fixed_quantities_and_as_needed_materials_do_not_scale_and_charges_follow_their_material() {
        List<FormulaItem> formula = new ArrayList<>(asepticFilling().formula());
        formula.set(3, new FormulaItem("water for injection", d("40"), "L", null, Scaling.FIXED));
        RecipeDocument r = asepticFilling();
        RecipeDocument fixedWater = new RecipeDocument(r.recipeId(), r.version(), r.product(), r.material(),
                r.nominalBatchSize(), r.batchSizeUnit(), r.parameters(), formula, r.unitProcedures());

        ScaledFormula scaled = FormulaScaling.scale(fixedWater, d("22.5"), "L");

        assertThat(scaled.formula().get(3).quantity()).isEqualTo(d("40"));
        assertThat(scaled.formula().get(4).quantity()).isNull(); // sodium hydroxide q.s.
        assertThat(scaled.charges()).extracting(ScaledFormula.Quantity::stepId)
                .containsExactly("weigh_api", "weigh_nacl", "weigh_phosphate", "charge_wfi");
        assertThat(scaled.charges().get(0).quantity()).isEqualTo(d("225.0"));
        assertThat(scaled.charges().get(3).quantity()).isEqualTo(d("40"));
    }

    @Test
    void a_batch_size_in_another_unit_of_the_same_dimension_is_converted() {
        assertThat(FormulaScaling.scale(asepticFilling(), d("45000"), "mL").factor()).isEqualByComparingTo("1");
    }

    @Test
    @Tag("A11-4.7-1")
    void a_batch_size_that_is_not_positive_or_in_a_foreign_unit_is_refused() {
        assertThatThrownBy(() -> FormulaScaling.scale(asepticFilling(), d("0"), "L"))
                .hasMessage("the actual batch size must be more than 0");
        assertThatThrownBy(() -> FormulaScaling.scale(asepticFilling(), d("45"), "kg"))
                .hasMessage("a batch size in kg does not convert to the recipe's batch size unit L");
        assertThatThrownBy(() -> FormulaScaling.scale(asepticFilling(), d("45"), "litre"))
                .hasMessageStartingWith("unknown unit 'litre'");
        assertThatThrownBy(() -> FormulaScaling.scale(asepticFilling(), d("1E+999999999"), "L"))
                .hasMessage("the actual batch size must have at most 9 digits before and 6 after the decimal"
                        + " point, not 1E+999999999");
        assertThatThrownBy(() -> FormulaScaling.scale(asepticFilling(), d("0.0000001"), "L"))
                .hasMessageStartingWith("the actual batch size must have at most 9 digits");
        assertThat(FormulaScaling.scale(asepticFilling(), d("123456789.123456"), "L").actualBatchSize())
                .isEqualByComparingTo("123456789.123456");
    }
}
