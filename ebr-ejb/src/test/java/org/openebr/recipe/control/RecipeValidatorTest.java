package org.openebr.recipe.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openebr.recipe.control.ReferenceRecipe.asepticFilling;
import static org.openebr.recipe.control.ReferenceRecipe.changeOperation;
import static org.openebr.recipe.control.ReferenceRecipe.changeStep;
import static org.openebr.recipe.control.ReferenceRecipe.d;
import static org.openebr.recipe.control.ReferenceRecipe.withAfter;
import static org.openebr.recipe.control.ReferenceRecipe.withCharge;
import static org.openebr.recipe.control.ReferenceRecipe.withFormula;
import static org.openebr.recipe.control.ReferenceRecipe.withId;
import static org.openebr.recipe.control.ReferenceRecipe.withNumeric;
import static org.openebr.recipe.control.ReferenceRecipe.withQualifications;

import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openebr.recipe.boundary.FormulaItem;
import org.openebr.recipe.boundary.MaterialCharge;
import org.openebr.recipe.boundary.NumericSpec;
import org.openebr.recipe.boundary.RecipeDocument;
import org.openebr.recipe.boundary.SignatureRequirement;
import org.openebr.recipe.boundary.Step;

/**
 * Each test breaks the reference recipe in one place and expects exactly the problem at that
 * place; the locations are written out so a reader can find them in the JSON.
 */
@Tag("A11-4.7-1") // bad input: every problem named with its place, never an exception
class RecipeValidatorTest {

    private static final String MAKE_UP_WEIGHT = "$.unitProcedures[1].operations[1].steps[3]";
    private static final String WEIGH_NACL = "$.unitProcedures[1].operations[0].steps[1]";
    private static final String WEIGH_PHOSPHATE = "$.unitProcedures[1].operations[0].steps[2]";
    private static final String CHARGE_WFI = "$.unitProcedures[1].operations[1].steps[0]";
    private static final String PH = "$.unitProcedures[1].operations[2].steps[0]";
    private static final String FILL_WEIGHT = "$.unitProcedures[3].operations[0].steps[0]";
    private static final String YIELD = "$.unitProcedures[4].operations[1].steps[0]";
    private static final String VIAL_DIFFERENCE = "$.unitProcedures[4].operations[1].steps[1]";

    private final RecipeValidator validator = new RecipeValidator();

    @Test
    void the_reference_recipe_is_valid() {
        assertThat(validator.validate(asepticFilling())).isEmpty();
    }

    @Test
    void a_cycle_in_the_sequence_names_its_steps() {
        RecipeDocument recipe = changeStep(asepticFilling(), "mix", s -> withAfter(s, "make_up_weight"));

        assertThat(validator.validate(recipe)).containsExactly(new Problem(MAKE_UP_WEIGHT + ".after",
                "the steps wait for each other in a cycle: mix -> make_up_weight -> mix (each runs after the next),"
                        + " so none of them can start"));
    }

    @Test
    void a_step_cannot_run_after_itself() {
        RecipeDocument recipe = changeStep(asepticFilling(), "ph", s -> withAfter(s, "ph"));

        assertThat(validator.validate(recipe)).containsExactly(new Problem(PH + ".after",
                "the steps wait for each other in a cycle: ph -> ph (each runs after the next), so none of them can start"));
    }

    @Test
    void after_must_name_an_existing_step() {
        RecipeDocument recipe = changeStep(asepticFilling(), "fill_weight", s -> withAfter(s, "filter_integrity_postt"));

        assertThat(validator.validate(recipe)).containsExactly(
                new Problem(FILL_WEIGHT + ".after[0]", "runs after unknown step 'filter_integrity_postt'"));
    }

    @Test
    void a_formula_may_not_refer_to_an_unknown_value() {
        RecipeDocument recipe = changeStep(asepticFilling(), "yield",
                s -> withFormula(s, "round(good_vial / theoretical_vials * 100, 1)"));

        assertThat(validator.validate(recipe)).containsExactly(new Problem(YIELD + ".formula",
                "formula refers to unknown value 'good_vial' (neither a parameter nor a step)"));
    }

    @Test
    @Tag("ALCOA-Cons-1")
    void a_formula_never_adds_or_compares_values_in_different_units_and_gives_the_unit_its_step_records() {
        RecipeDocument mixed = changeStep(asepticFilling(), "vial_difference",
                s -> withFormula(s, "filled_vials - good_vials - make_up_weight"));
        RecipeDocument compared = changeStep(asepticFilling(), "vial_difference",
                s -> withFormula(s, "max(filled_vials, make_up_weight) - good_vials"));
        RecipeDocument recordedElsewise = changeStep(asepticFilling(), "yield", s -> withFormula(s, "make_up_weight + 0"));

        assertThat(validator.validate(mixed)).containsExactly(new Problem(VIAL_DIFFERENCE + ".formula",
                "formula subtracts ('filled_vials' - 'good_vials') (vials) and 'make_up_weight' (kg): the units differ;"
                        + " convert one of them first"));
        assertThat(validator.validate(compared)).containsExactly(new Problem(VIAL_DIFFERENCE + ".formula",
                "formula max compares 'filled_vials' (vials) and 'make_up_weight' (kg): the units differ;"
                        + " convert one of them first"));
        assertThat(validator.validate(recordedElsewise)).containsExactly(new Problem(YIELD + ".formula",
                "formula gives a value in kg, but the step records %; convert in the formula or record in kg"));
        // a product or quotient has no unit of its own: the reference recipe's yield in % is fine
        assertThat(validator.validate(asepticFilling())).isEmpty();
    }

    @Test
    void a_formula_may_not_refer_to_a_value_recorded_later_or_in_a_parallel_branch() {
        // rejects_particles runs in parallel with good_vials: neither is before the other
        RecipeDocument recipe = changeStep(asepticFilling(), "yield", s -> withAfter(s, "rejects_particles"));

        assertThat(validator.validate(recipe)).containsExactly(new Problem(YIELD + ".formula",
                "formula refers to 'good_vials', which is not recorded before this step (it must come earlier through 'after')"));
    }

    @Test
    void a_formula_may_not_refer_to_a_step_without_a_numeric_value() {
        RecipeDocument recipe = changeStep(asepticFilling(), "yield",
                s -> withFormula(s, "good_vials / theoretical_vials * 100 + crimp_check"));

        assertThat(validator.validate(recipe)).containsExactly(new Problem(YIELD + ".formula",
                "formula refers to 'crimp_check', a CHOICE_ENTRY step, which has no numeric value"));
    }

    @Test
    void a_formula_that_does_not_parse_is_reported_with_its_position() {
        RecipeDocument recipe = changeStep(asepticFilling(), "yield",
                s -> withFormula(s, "good_vials / theoretical_vials * 100 %"));

        assertThat(validator.validate(recipe)).containsExactly(new Problem(YIELD + ".formula",
                "formula 'good_vials / theoretical_vials * 100 %' is not valid: unexpected '%' at position 38"));
    }

    @Test
    void a_charge_must_use_a_unit_of_the_same_dimension_as_the_formula() {
        RecipeDocument recipe = changeStep(asepticFilling(), "weigh_nacl",
                s -> withCharge(s, new MaterialCharge("sodium chloride", d("405.0"), "mL", d("1"))));

        assertThat(validator.validate(recipe)).containsExactly(new Problem(WEIGH_NACL + ".charge.unit",
                "unit 'mL' (VOLUME) does not match unit 'g' (MASS) of material 'sodium chloride' in the formula"));
    }

    @Test
    void a_charge_in_another_unit_of_the_same_dimension_is_accepted() {
        RecipeDocument recipe = changeStep(asepticFilling(), "weigh_nacl",
                s -> withCharge(s, new MaterialCharge("sodium chloride", d("0.405"), "kg", d("1"))));

        assertThat(validator.validate(recipe)).isEmpty();
    }

    @Test
    void units_must_be_known() {
        RecipeDocument recipe = changeStep(asepticFilling(), "ph",
                s -> withNumeric(s, new NumericSpec("PH", 2, d("7.0"), d("6.8"), d("7.2"), null, null)));

        assertThat(validator.validate(recipe)).singleElement().satisfies(p -> {
            assertThat(p.location()).isEqualTo(PH + ".numeric.unit");
            assertThat(p.message()).startsWith("unknown unit 'PH'; known units are mg, g, kg, mL, L, vials, units, pH,");
        });
    }

    @Test
    void the_lower_limit_may_not_be_above_the_upper_limit() {
        RecipeDocument recipe = changeStep(asepticFilling(), "fill_weight",
                s -> withNumeric(s, new NumericSpec("g", 2, d("2.10"), d("2.14"), d("2.06"), null, null)));

        assertThat(validator.validate(recipe)).containsExactly(
                new Problem(FILL_WEIGHT + ".numeric", "lower limit 2.14 is above upper limit 2.06"));
    }

    @Test
    void alert_limits_and_target_must_lie_within_the_action_limits() {
        RecipeDocument recipe = changeStep(asepticFilling(), "ph",
                s -> withNumeric(s, new NumericSpec("pH", 2, d("7.3"), d("6.8"), d("7.2"), d("6.7"), d("7.1"))));

        assertThat(validator.validate(recipe)).containsExactly(
                new Problem(PH + ".numeric", "lower alert limit 6.7 is outside the action limits 6.8 to 7.2"),
                new Problem(PH + ".numeric", "target 7.3 is outside the action limits 6.8 to 7.2"));
    }

    @Test
    void precision_is_required_and_may_not_be_negative_nor_coarser_than_the_limits() {
        RecipeDocument missing = changeStep(asepticFilling(), "ph",
                s -> withNumeric(s, new NumericSpec("pH", null, d("7.0"), d("6.8"), d("7.2"), null, null)));
        RecipeDocument negative = changeStep(asepticFilling(), "ph",
                s -> withNumeric(s, new NumericSpec("pH", -1, d("7.0"), d("6.8"), d("7.2"), null, null)));
        RecipeDocument coarse = changeStep(asepticFilling(), "fill_weight",
                s -> withNumeric(s, new NumericSpec("g", 1, d("2.1"), d("2.06"), d("2.14"), null, null)));

        assertThat(validator.validate(missing)).containsExactly(
                new Problem(PH + ".numeric.precision", "precision is required: the number of decimals the value is recorded with"));
        assertThat(validator.validate(negative)).containsExactly(
                new Problem(PH + ".numeric.precision", "precision must be 0 or more decimals, not -1"));
        assertThat(validator.validate(coarse)).containsExactly(
                new Problem(FILL_WEIGHT + ".numeric.precision", "limit 2.06 has more decimals than the precision 1"),
                new Problem(FILL_WEIGHT + ".numeric.precision", "limit 2.14 has more decimals than the precision 1"));
    }

    @Test
    void a_number_with_more_digits_than_a_json_number_holds_is_refused_at_its_place() {
        RecipeDocument recipe = changeStep(asepticFilling(), "ph",
                s -> withNumeric(s, new NumericSpec("pH", 2, d("7.0"), d("6.8"), d("7.20000000000000000001"), null, null)));

        assertThat(validator.validate(recipe)).containsExactly(
                new Problem(PH + ".numeric.precision", "limit 7.20000000000000000001 has more decimals than the precision 2"),
                new Problem(PH + ".numeric.upper", "7.20000000000000000001 cannot be written exactly as a JSON number"
                        + " (an IEEE-754 double: about 15 significant digits, magnitudes up to 1.7E+308); shorten it"));
    }

    @Test
    void an_absurd_number_is_named_briefly_not_written_out_in_full() {
        RecipeDocument recipe = new RecipeDocument(asepticFilling().recipeId(), 1, asepticFilling().product(),
                asepticFilling().material(), d("1E+999999999"), "L", asepticFilling().parameters(),
                asepticFilling().formula(), asepticFilling().unitProcedures());

        assertThat(validator.validate(recipe)).containsExactly(new Problem("$.nominalBatchSize", "1E+999999999 cannot be"
                + " written exactly as a JSON number (an IEEE-754 double: about 15 significant digits, magnitudes up to"
                + " 1.7E+308); shorten it"));
    }

    @Test
    void every_step_states_who_signs_it() {
        RecipeDocument unstated = changeStep(asepticFilling(), "ph", s -> new Step(s.id(), s.name(), s.type(), s.after(),
                s.instruction(), s.numeric(), s.formula(), s.charge(), s.equipmentClass(), s.tag(), s.choices(), null,
                s.equipmentChecks(), s.qualifications()));
        RecipeDocument undecided = changeStep(asepticFilling(), "fill_weight", s -> new Step(s.id(), s.name(), s.type(),
                s.after(), s.instruction(), s.numeric(), s.formula(), s.charge(), s.equipmentClass(), s.tag(), s.choices(),
                new SignatureRequirement(null), s.equipmentChecks(), s.qualifications()));

        assertThat(validator.validate(unstated)).containsExactly(new Problem(PH + ".signatures",
                "every step states who signs it: {\"verifierRequired\": true} for a second person's verification"
                        + " (four eyes), false for the performer alone"));
        assertThat(validator.validate(undecided)).containsExactly(new Problem(FILL_WEIGHT + ".signatures.verifierRequired",
                "verifierRequired is required: true (four eyes) or false"));
    }

    @Test
    void a_tolerance_needs_a_quantity() {
        RecipeDocument recipe = changeStep(asepticFilling(), "weigh_nacl",
                s -> withCharge(s, new MaterialCharge("sodium chloride", null, "g", d("1"))));
        List<FormulaItem> formula = new java.util.ArrayList<>(recipe.formula());
        formula.set(4, new FormulaItem("sodium hydroxide 1 N", null, "mL", d("5"), null));
        RecipeDocument both = new RecipeDocument(recipe.recipeId(), recipe.version(), recipe.product(),
                recipe.material(), recipe.nominalBatchSize(), recipe.batchSizeUnit(), recipe.parameters(), formula,
                recipe.unitProcedures());

        assertThat(validator.validate(both)).containsExactly(
                new Problem("$.formula[4].tolerancePercent",
                        "tolerance without quantity: a tolerance needs a quantity to apply to"),
                new Problem(WEIGH_NACL + ".charge.tolerancePercent",
                        "tolerance without quantity: a tolerance needs a quantity to apply to"));
    }

    @Test
    void step_ids_are_unique_across_the_whole_recipe() {
        RecipeDocument recipe = changeStep(asepticFilling(), "weigh_phosphate", s -> withId(s, "weigh_nacl"));

        // the renamed step is gone, so the step that ran after it now names an unknown step
        assertThat(validator.validate(recipe)).containsExactly(
                new Problem(WEIGH_PHOSPHATE + ".id",
                        "duplicate id 'weigh_nacl': already used at " + WEIGH_NACL + ".id"),
                new Problem(CHARGE_WFI + ".after[2]", "runs after unknown step 'weigh_phosphate'"));
    }

    @Test
    void a_recipe_id_must_be_usable_in_addresses_and_signatures() {
        RecipeDocument r = asepticFilling();
        RecipeDocument spaced = new RecipeDocument("DEMO 10/2", r.version(), r.product(), r.material(),
                r.nominalBatchSize(), r.batchSizeUnit(), r.parameters(), r.formula(), r.unitProcedures());

        assertThat(validator.validate(spaced)).containsExactly(new Problem("$.recipeId", "recipe id 'DEMO 10/2' must be"
                + " 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit (it appears in addresses"
                + " and signatures)"));
    }

    @Test
    void ids_must_be_usable_in_formulas() {
        RecipeDocument recipe = changeStep(asepticFilling(), "bioburden", s -> withId(s, "bio-burden"));

        assertThat(validator.validate(recipe)).contains(new Problem("$.unitProcedures[1].operations[2].steps[1].id",
                "id 'bio-burden' must be letters, digits and '_', starting with a letter or '_', so that formulas can refer to it"));
    }

    @Test
    void each_step_type_has_its_required_fields() {
        RecipeDocument recipe = asepticFilling();
        recipe = changeStep(recipe, "ph", s -> withNumeric(s, null));
        recipe = changeStep(recipe, "yield", s -> withFormula(s, null));
        recipe = changeStep(recipe, "weigh_api", s -> withCharge(s, null));
        recipe = changeStep(recipe, "vessel_check", s -> new Step(s.id(), s.name(), s.type(), s.after(), null, null,
                null, null, " ", null, null, s.signatures(), s.equipmentChecks(), s.qualifications()));
        recipe = changeStep(recipe, "filled_vials", s -> new Step(s.id(), s.name(), s.type(), s.after(), null,
                s.numeric(), null, null, null, null, null, s.signatures(), s.equipmentChecks(), s.qualifications()));
        recipe = changeStep(recipe, "crimp_check", s -> new Step(s.id(), s.name(), s.type(), s.after(), null, null,
                null, null, null, null, List.of("pass", "pass"), s.signatures(), s.equipmentChecks(), s.qualifications()));
        recipe = changeStep(recipe, "mix", s -> new Step(s.id(), s.name(), s.type(), s.after(), null, null, null,
                null, null, null, null, s.signatures(), s.equipmentChecks(), s.qualifications()));

        assertThat(validator.validate(recipe)).containsExactly(
                new Problem("$.unitProcedures[0].operations[0].steps[1].equipmentClass",
                        "equipment class of an EQUIPMENT_CHECK step is required"),
                new Problem("$.unitProcedures[1].operations[0].steps[0].charge",
                        "a MATERIAL_CHARGE step needs a charge (material, quantity, unit)"),
                new Problem("$.unitProcedures[1].operations[1].steps[1].instruction",
                        "instruction of an INSTRUCTION step is required"),
                new Problem(PH + ".numeric", "a NUMERIC_ENTRY step needs a numeric spec (unit, precision, limits)"),
                new Problem("$.unitProcedures[3].operations[0].steps[1].tag", "tag of a MACHINE_VALUE step is required"),
                new Problem("$.unitProcedures[3].operations[1].steps[0].choices",
                        "a CHOICE_ENTRY step needs at least 2 different, non-blank choices"),
                new Problem(YIELD + ".formula", "formula of a CALCULATION step is required"));
    }

    @Test
    void only_a_machine_value_records_a_statistic_and_only_one_it_knows() {
        RecipeDocument recipe = changeStep(asepticFilling(), "filled_vials", s -> new Step(s.id(), s.name(), s.type(),
                s.after(), null, s.numeric(), null, null, null, s.tag(), null, s.signatures(), s.equipmentChecks(),
                s.qualifications(), "MEDIAN"));
        recipe = changeStep(recipe, "mix", s -> new Step(s.id(), s.name(), s.type(), s.after(), s.instruction(), null,
                null, null, null, null, null, s.signatures(), s.equipmentChecks(), s.qualifications(), "MEAN"));
        assertThat(validator.validate(recipe)).containsExactlyInAnyOrder(
                new Problem("$.unitProcedures[3].operations[0].steps[1].statistic",
                        "statistic must be one of [MEAN, MIN, MAX, RANGE, SD]"),
                new Problem("$.unitProcedures[1].operations[1].steps[1].statistic",
                        "only a MACHINE_VALUE step records a statistic"));
        RecipeDocument mean = changeStep(asepticFilling(), "filled_vials", s -> new Step(s.id(), s.name(), s.type(),
                s.after(), null, s.numeric(), null, null, null, s.tag(), null, s.signatures(), s.equipmentChecks(),
                s.qualifications(), "MEAN"));
        assertThat(validator.validate(mean)).isEmpty();
    }

    @Test
    void every_problem_is_reported_not_only_the_first() {
        RecipeDocument broken = changeStep(asepticFilling(), "mix", s -> withAfter(s, "make_up_weight"));
        broken = changeStep(broken, "fill_weight",
                s -> withNumeric(s, new NumericSpec("g", 2, d("2.10"), d("2.14"), d("2.06"), null, null)));
        broken = changeStep(broken, "weigh_nacl",
                s -> withCharge(s, new MaterialCharge("sodium chloride", d("405.0"), "ml", d("1"))));
        broken = changeStep(broken, "yield", s -> withFormula(s, "good_vials / theoretical * 100"));
        RecipeDocument recipe = new RecipeDocument(" ", 0, broken.product(), broken.material(), d("-45.0"), "min",
                broken.parameters(), broken.formula(), broken.unitProcedures());

        assertThat(validator.validate(recipe)).extracting(Problem::location).containsExactly(
                "$.recipeId",
                "$.version",
                "$.nominalBatchSize",
                "$.batchSizeUnit",
                WEIGH_NACL + ".charge.unit",
                FILL_WEIGHT + ".numeric",
                MAKE_UP_WEIGHT + ".after",
                YIELD + ".formula");
    }

    @Test
    void texts_longer_than_their_limit_are_named_at_their_place() {
        String longName = "x".repeat(201);
        RecipeDocument named = changeStep(asepticFilling(), "ph", st -> new Step(st.id(), longName, st.type(), st.after(),
                "y".repeat(2001), st.numeric(), st.formula(), st.charge(), st.equipmentClass(), st.tag(), st.choices(),
                st.signatures(), st.equipmentChecks(), st.qualifications()));
        RecipeDocument recipe = new RecipeDocument(named.recipeId(), 1, "p".repeat(201), named.material(),
                named.nominalBatchSize(), named.batchSizeUnit(), named.parameters(), named.formula(),
                named.unitProcedures());

        assertThat(validator.validate(recipe)).containsExactly(
                new Problem("$.product", "product must be at most 200 characters, not 201"),
                new Problem(PH + ".name", "name must be at most 200 characters, not 201"),
                new Problem(PH + ".instruction", "instruction must be at most 2000 characters, not 2001"));
    }

    @Test
    void qualifications_of_operations_and_steps_are_training_record_codes() {
        RecipeDocument recipe = changeOperation(asepticFilling(), "ph_control",
                o -> withQualifications(o, List.of("OP-GOWNING", "OP-PH-METER")));
        recipe = changeStep(recipe, "ph", s -> withQualifications(s, List.of("ASEPTIC_FILLING", "QC.PH-2")));

        assertThat(validator.validate(recipe)).isEmpty();
    }

    @Test
    void a_qualification_no_training_record_can_have_is_named_at_its_place() {
        RecipeDocument recipe = changeOperation(asepticFilling(), "ph_control",
                o -> withQualifications(o, Arrays.asList("op-gowning", null, "OP-GOWNING", "X")));
        recipe = changeStep(recipe, "ph", s -> withQualifications(s, List.of("OP-PH METER", " ")));
        String operation = "$.unitProcedures[1].operations[2].qualifications";

        assertThat(validator.validate(recipe)).containsExactly(
                new Problem(operation + "[0]", "qualification 'op-gowning' must be a code of 2 to 100 capital letters,"
                        + " digits, '.', '_' or '-' as training records name it, e.g. OP-ASEPTIC-FILLING"),
                new Problem(operation + "[1]", "qualification is empty"),
                new Problem(operation + "[3]", "qualification 'X' must be a code of 2 to 100 capital letters,"
                        + " digits, '.', '_' or '-' as training records name it, e.g. OP-ASEPTIC-FILLING"),
                new Problem(PH + ".qualifications[0]", "qualification 'OP-PH METER' must be a code of 2 to 100 capital"
                        + " letters, digits, '.', '_' or '-' as training records name it, e.g. OP-ASEPTIC-FILLING"),
                new Problem(PH + ".qualifications[1]", "qualification is empty"));
    }

    @Test
    void a_qualification_is_required_once_and_only_a_few_per_element() {
        RecipeDocument recipe = changeStep(asepticFilling(), "ph",
                s -> withQualifications(s, List.of("OP-GOWNING", "OP-PH", "OP-GOWNING")));
        RecipeDocument crowded = changeOperation(asepticFilling(), "ph_control", o -> withQualifications(o,
                IntStream.rangeClosed(1, 11).mapToObj(i -> "OP-" + i).toList()));
        // a step may repeat what its operation requires: redundant, not wrong
        RecipeDocument repeated = changeStep(changeOperation(asepticFilling(), "ph_control",
                o -> withQualifications(o, List.of("OP-GOWNING"))), "ph", s -> withQualifications(s, List.of("OP-GOWNING")));

        assertThat(validator.validate(recipe)).containsExactly(new Problem(PH + ".qualifications[2]",
                "qualification 'OP-GOWNING' is already required at " + PH + ".qualifications[0]"));
        assertThat(validator.validate(crowded)).containsExactly(new Problem(
                "$.unitProcedures[1].operations[2].qualifications", "at most 10 qualifications per operation or step, not 11"));
        assertThat(validator.validate(repeated)).isEmpty();
    }
}
