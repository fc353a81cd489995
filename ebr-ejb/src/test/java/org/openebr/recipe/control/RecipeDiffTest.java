package org.openebr.recipe.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.openebr.recipe.boundary.ChangeKind.ADDED;
import static org.openebr.recipe.boundary.ChangeKind.CHANGED;
import static org.openebr.recipe.boundary.ChangeKind.MOVED;
import static org.openebr.recipe.boundary.ChangeKind.REMOVED;
import static org.openebr.recipe.boundary.RecipeElement.FORMULA_ITEM;
import static org.openebr.recipe.boundary.RecipeElement.OPERATION;
import static org.openebr.recipe.boundary.RecipeElement.PARAMETER;
import static org.openebr.recipe.boundary.RecipeElement.RECIPE;
import static org.openebr.recipe.boundary.RecipeElement.STEP;
import static org.openebr.recipe.boundary.RecipeElement.UNIT_PROCEDURE;
import static org.openebr.recipe.control.ReferenceRecipe.FOUR_EYES;
import static org.openebr.recipe.control.ReferenceRecipe.asepticFilling;
import static org.openebr.recipe.control.ReferenceRecipe.changeStep;
import static org.openebr.recipe.control.ReferenceRecipe.d;
import static org.openebr.recipe.control.ReferenceRecipe.numeric;
import static org.openebr.recipe.control.ReferenceRecipe.step;
import static org.openebr.recipe.control.ReferenceRecipe.withAfter;
import static org.openebr.recipe.control.ReferenceRecipe.withNumeric;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.function.UnaryOperator;

import org.assertj.core.api.AbstractListAssert;
import org.assertj.core.api.ObjectAssert;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openebr.recipe.boundary.FormulaItem;
import org.openebr.recipe.boundary.NumericSpec;
import org.openebr.recipe.boundary.Operation;
import org.openebr.recipe.boundary.Parameter;
import org.openebr.recipe.boundary.RecipeChange;
import org.openebr.recipe.boundary.RecipeComparison;
import org.openebr.recipe.boundary.RecipeDocument;
import org.openebr.recipe.boundary.Step;
import org.openebr.recipe.boundary.StepType;
import org.openebr.recipe.boundary.UnitProcedure;

/**
 * Each test makes version 2 of the reference recipe differ from version 1 in one way and expects
 * exactly the changes a change-control reviewer has to approve, no more.
 */
@Tag("A11-10-1")
class RecipeDiffTest {

    private static final RecipeDocument V1 = asepticFilling();

    @Test
    void identical_versions_have_no_changes() {
        RecipeComparison comparison = RecipeDiff.compare(V1, "sha256:aa", nextVersion(asepticFilling()), "sha256:bb");

        assertThat(comparison).isEqualTo(new RecipeComparison("DEMOPROFEN-10-2ML", 1, 2, "sha256:aa", "sha256:bb",
                0, 0, 0, 0, List.of()));
    }

    @Test
    void a_changed_limit_is_one_change_with_a_readable_summary() {
        RecipeDocument v2 = changeStep(V1, "ph", s -> withNumeric(s,
                new NumericSpec("pH", 2, d("7.0"), d("6.8"), d("7.3"), d("6.9"), d("7.1"))));

        RecipeComparison comparison = RecipeDiff.compare(V1, null, v2, null);

        assertThat(comparison.changes()).containsExactly(new RecipeChange(CHANGED, STEP, "ph",
                "compounding / ph_control / ph", "numeric.upper", "7.2", "7.3",
                "Step 'ph' (pH of the bulk solution): upper action limit changed from 7.2 to 7.3"));
        assertThat(comparison.changed()).isEqualTo(1);
    }

    @Test
    void numbers_are_compared_by_value_not_by_scale() {
        RecipeDocument v2 = changeStep(V1, "fill_weight", s -> withNumeric(s,
                new NumericSpec("g", 2, d("2.1"), d("2.060"), d("2.14"), null, null)));
        v2 = withParameters(v2, List.of(new Parameter("theoretical_vials", d("2.0E+4"), "vials", true),
                new Parameter("fill_volume", d("2"), "mL", null)));

        assertChanges(v2).isEmpty();
    }

    @Test
    void a_limit_that_appears_shows_none_before() {
        RecipeDocument v2 = changeStep(V1, "fill_weight", s -> withNumeric(s,
                new NumericSpec("g", 2, d("2.10"), d("2.06"), d("2.14"), d("2.08"), null)));

        assertThat(RecipeDiff.compare(V1, null, v2, null).changes()).extracting(RecipeChange::field,
                RecipeChange::before, RecipeChange::after, RecipeChange::summary).containsExactly(
                tuple("numeric.alertLower", null, "2.08",
                        "Step 'fill_weight' (Fill weight IPC, mean of the checkweigher): lower alert limit changed from"
                                + " none to 2.08"));
    }

    @Test
    void an_added_step_is_reported_where_it_is() {
        RecipeDocument v2 = changeOperation(V1, "ph_control", op -> withSteps(op, append(op.steps(),
                numeric("ph_retest", "pH retest", op.steps().get(0).numeric(), "ph"))));

        RecipeComparison comparison = RecipeDiff.compare(V1, null, v2, null);

        assertThat(comparison.changes()).containsExactly(new RecipeChange(ADDED, STEP, "ph_retest",
                "compounding / ph_control / ph_retest", null, null, "NUMERIC_ENTRY 'pH retest'",
                "Step 'ph_retest' added to compounding / ph_control"));
        assertThat(comparison.added()).isEqualTo(1);
    }

    @Test
    void a_removed_step_is_reported_where_it_was_before_later_changes() {
        RecipeDocument v2 = changeOperation(V1, "ph_control", op -> withSteps(op, op.steps().subList(0, 1)));
        v2 = changeStep(v2, "filtration", s -> withAfter(s, "filter_integrity_pre", "ph"));

        assertChanges(v2).containsExactly(
                tuple(REMOVED, STEP, "bioburden", null,
                        "SAMPLING 'Bioburden sample (limit 10 CFU/100 mL, result by QC)'", null),
                tuple(CHANGED, STEP, "filtration", "after", "[filter_integrity_pre, bioburden]",
                        "[filter_integrity_pre, ph]"));
        assertThat(RecipeDiff.compare(V1, null, v2, null).changes().get(0).summary())
                .isEqualTo("Step 'bioburden' removed from compounding / ph_control");
    }

    @Test
    void a_step_in_another_operation_is_moved_and_its_own_changes_listed_after() {
        Step mix = V1.unitProcedures().get(1).operations().get(1).steps().get(1);
        RecipeDocument v2 = changeOperation(V1, "mixing",
                op -> withSteps(op, op.steps().stream().filter(s -> !s.id().equals("mix")).toList()));
        v2 = changeOperation(v2, "ph_control", op -> withSteps(op, append(op.steps(),
                new Step("mix", "Mix 45 min at 200 rpm", mix.type(), mix.after(), mix.instruction(), null, null, null,
                        null, null, null, mix.signatures(), mix.equipmentChecks(), mix.qualifications()))));

        RecipeComparison comparison = RecipeDiff.compare(V1, null, v2, null);

        assertThat(comparison.changes()).extracting(RecipeChange::kind, RecipeChange::element, RecipeChange::id,
                RecipeChange::path, RecipeChange::field, RecipeChange::before, RecipeChange::after).containsExactly(
                tuple(MOVED, STEP, "mix", "compounding / ph_control / mix", null, "compounding / mixing",
                        "compounding / ph_control"),
                tuple(CHANGED, STEP, "mix", "compounding / ph_control / mix", "name", "Mix 30 min at 200 rpm",
                        "Mix 45 min at 200 rpm"));
        assertThat(comparison.changes().get(0).summary())
                .isEqualTo("Step 'mix' moved from compounding / mixing to compounding / ph_control");
        assertThat(comparison.moved()).isEqualTo(1);
    }

    @Test
    void an_operation_in_another_unit_procedure_is_moved_with_its_steps() {
        Operation capping = V1.unitProcedures().get(3).operations().get(1);
        RecipeDocument v2 = changeUnit(V1, "filling", up -> new UnitProcedure(up.id(), up.name(),
                up.operations().subList(0, 1)));
        v2 = changeUnit(v2, "inspection", up -> new UnitProcedure(up.id(), up.name(),
                append(up.operations(), capping)));

        assertChanges(v2).containsExactly(
                tuple(MOVED, OPERATION, "capping", null, "filling", "inspection"),
                tuple(MOVED, STEP, "crimp_check", null, "filling / capping", "inspection / capping"));
    }

    @Test
    void a_changed_predecessor_is_a_change() {
        RecipeDocument v2 = changeStep(V1, "make_up_weight", s -> withAfter(s, "mix"));

        assertChanges(v2).containsExactly(
                tuple(CHANGED, STEP, "make_up_weight", "after", "[mix, mix_temperature]", "[mix]"));
    }

    @Test
    void the_same_predecessors_in_another_order_are_no_change() {
        RecipeDocument v2 = changeStep(V1, "make_up_weight", s -> withAfter(s, "mix_temperature", "mix"));

        assertChanges(v2).isEmpty();
    }

    @Test
    void steps_shown_in_another_order_are_one_change_of_their_operation() {
        RecipeDocument v2 = changeOperation(V1, "mixing", op -> withSteps(op, reversed(op.steps())));

        assertChanges(v2).containsExactly(tuple(CHANGED, OPERATION, "mixing", "order",
                "[charge_wfi, mix, mix_temperature, make_up_weight]", "[make_up_weight, mix_temperature, mix, charge_wfi]"));
        assertThat(RecipeDiff.compare(V1, null, v2, null).changes()).extracting(RecipeChange::summary).containsExactly(
                "Operation 'mixing': order of steps changed from [charge_wfi, mix, mix_temperature, make_up_weight]"
                        + " to [make_up_weight, mix_temperature, mix, charge_wfi]");
    }

    @Test
    void an_added_or_removed_step_is_no_new_order_of_the_others() {
        RecipeDocument v2 = changeOperation(V1, "mixing", op -> withSteps(op, op.steps().subList(1, op.steps().size())));

        assertChanges(v2).extracting(t -> t.toList().get(0)).containsOnly(REMOVED);
    }

    @Test
    void unit_procedures_in_another_order_are_one_change_of_the_recipe() {
        RecipeDocument v2 = new RecipeDocument(V1.recipeId(), 2, V1.product(), V1.material(), V1.nominalBatchSize(),
                V1.batchSizeUnit(), V1.parameters(), V1.formula(), reversed(V1.unitProcedures()));

        assertChanges(v2).containsExactly(tuple(CHANGED, RECIPE, V1.recipeId(), "order",
                "[preparation, compounding, filtration, filling, inspection]",
                "[inspection, filling, filtration, compounding, preparation]"));
    }

    @Test
    void parameters_are_matched_by_name() {
        RecipeDocument v2 = withParameters(V1, List.of(new Parameter("theoretical_vials", d("21000"), "vials", true),
                new Parameter("target_ph", d("7.0"), "pH", null)));

        assertChanges(v2).containsExactly(
                tuple(CHANGED, PARAMETER, "theoretical_vials", "value", "20000", "21000"),
                tuple(ADDED, PARAMETER, "target_ph", null, null, "7.0 pH"),
                tuple(REMOVED, PARAMETER, "fill_volume", null, "2.0 mL", null));
        assertThat(RecipeDiff.compare(V1, null, v2, null).changes()).extracting(RecipeChange::summary)
                .containsExactly("Parameter 'theoretical_vials' changed from 20000 to 21000",
                        "Parameter 'target_ph' added", "Parameter 'fill_volume' removed");
    }

    @Test
    void formula_items_are_matched_by_material() {
        List<FormulaItem> formula = new ArrayList<>(V1.formula());
        formula.set(0, new FormulaItem("Demoprofen", d("460.0"), "g", d("1.0"), null));
        RecipeDocument v2 = new RecipeDocument(V1.recipeId(), 2, V1.product(), V1.material(), V1.nominalBatchSize(),
                V1.batchSizeUnit(), V1.parameters(), formula, V1.unitProcedures());

        assertChanges(v2).containsExactly(
                tuple(CHANGED, FORMULA_ITEM, "Demoprofen", "quantity", "450.0", "460.0"),
                tuple(CHANGED, FORMULA_ITEM, "Demoprofen", "tolerancePercent", "0.5", "1.0"));
    }

    @Test
    void a_header_field_is_a_change_but_the_version_is_not() {
        RecipeDocument v2 = new RecipeDocument(V1.recipeId(), 2, V1.product(), V1.material(), d("50.0"),
                V1.batchSizeUnit(), V1.parameters(), V1.formula(), V1.unitProcedures());

        assertChanges(v2).containsExactly(
                tuple(CHANGED, RECIPE, "DEMOPROFEN-10-2ML", "nominalBatchSize", "45.0", "50.0"));
    }

    @Test
    void a_verifier_added_to_a_step_is_a_change() {
        RecipeDocument v2 = changeStep(V1, "weigh_nacl", s -> new Step(s.id(), s.name(), s.type(), s.after(),
                s.instruction(), s.numeric(), s.formula(), s.charge(), s.equipmentClass(), s.tag(), s.choices(),
                FOUR_EYES, s.equipmentChecks(), s.qualifications()));

        assertChanges(v2).containsExactly(
                tuple(CHANGED, STEP, "weigh_nacl", "signatures.verifierRequired", "false", "true"));
    }

    @Test
    void an_added_operation_is_reported_with_each_of_its_steps() {
        RecipeDocument v2 = changeUnit(V1, "filtration", up -> new UnitProcedure(up.id(), up.name(),
                append(up.operations(), new Operation("sterility", "Sterility sample", List.of(
                        step("sterility_sample", "Sterility sample", StepType.SAMPLING, FOUR_EYES, "filtration"),
                        step("sterility_label", "Label the sample", StepType.INSTRUCTION, FOUR_EYES,
                                "sterility_sample")), null))));

        assertChanges(v2).containsExactly(
                tuple(ADDED, OPERATION, "sterility", null, null, "'Sterility sample' (2 steps)"),
                tuple(ADDED, STEP, "sterility_sample", null, null, "SAMPLING 'Sterility sample'"),
                tuple(ADDED, STEP, "sterility_label", null, null, "INSTRUCTION 'Label the sample'"));
    }

    @Test
    void a_removed_unit_procedure_is_reported_with_its_operations_and_steps_last() {
        List<UnitProcedure> units = new ArrayList<>(V1.unitProcedures());
        units.remove(0);
        RecipeDocument v2 = new RecipeDocument(V1.recipeId(), 2, V1.product(), V1.material(), V1.nominalBatchSize(),
                V1.batchSizeUnit(), V1.parameters(), V1.formula(), units);
        v2 = changeStep(v2, "weigh_api", s -> withAfter(s));

        assertChanges(v2).containsExactly(
                tuple(CHANGED, STEP, "weigh_api", "after", "[vessel_check, balance_check]", "[]"),
                tuple(REMOVED, UNIT_PROCEDURE, "preparation", null, "'Line clearance and preparation' (1 operation)",
                        null),
                tuple(REMOVED, OPERATION, "clearance", null, "'Line clearance' (4 steps)", null),
                tuple(REMOVED, STEP, "line_clearance", null,
                        "INSTRUCTION 'Room and filling line cleared of the previous product'", null),
                tuple(REMOVED, STEP, "vessel_check", null,
                        "EQUIPMENT_CHECK 'Compounding vessel V-101 clean, within clean-hold time'", null),
                tuple(REMOVED, STEP, "balance_check", null, "EQUIPMENT_CHECK 'Balances calibrated'", null),
                tuple(REMOVED, STEP, "ph_meter_check", null, "EQUIPMENT_CHECK 'pH meter calibrated'", null));
    }

    @Test
    void absent_lists_and_fields_do_not_break_the_comparison() {
        RecipeDocument bare = new RecipeDocument(null, 0, null, null, null, null, null, null,
                Arrays.asList(null, new UnitProcedure(null, null, Arrays.asList(
                        new Operation("op", null, Arrays.asList(null,
                                new Step("s", null, null, null, null, null, null, null, null, null, null, null,
                                        null, null)), null)))));

        assertThat(RecipeDiff.compare(bare, null, bare, null).changes()).isEmpty();
        assertThat(RecipeDiff.compare(null, null, bare, null).changes()).extracting(RecipeChange::kind,
                RecipeChange::element, RecipeChange::id, RecipeChange::after).containsExactly(
                tuple(ADDED, UNIT_PROCEDURE, "(no id)", "'null' (1 operation)"),
                tuple(ADDED, OPERATION, "op", "'null' (1 step)"),
                tuple(ADDED, STEP, "s", "null 'null'"));
        RecipeComparison nothingLeft = RecipeDiff.compare(V1, null, null, null);
        assertThat(List.of(nothingLeft.removed(), nothingLeft.changed())).containsExactly(47, 4);
    }

    @Test
    void qualifications_required_by_an_operation_or_a_step_are_a_change_their_order_is_not() {
        RecipeDocument v1 = changeOperation(V1, "fill", o -> ReferenceRecipe.withQualifications(o,
                List.of("OP-GOWNING", "OP-ASEPTIC-FILLING")));
        RecipeDocument reordered = changeOperation(v1, "fill", o -> ReferenceRecipe.withQualifications(o,
                List.of("OP-ASEPTIC-FILLING", "OP-GOWNING")));
        RecipeDocument v2 = changeStep(changeOperation(v1, "fill", o -> ReferenceRecipe.withQualifications(o,
                List.of("OP-ASEPTIC-FILLING"))), "weigh_nacl", s -> ReferenceRecipe.withQualifications(s,
                List.of("OP-WEIGHING")));

        assertThat(RecipeDiff.compare(v1, null, reordered, null).changes()).isEmpty();
        assertThat(RecipeDiff.compare(v1, null, v2, null).changes()).extracting(RecipeChange::kind,
                RecipeChange::element, RecipeChange::id, RecipeChange::field, RecipeChange::before, RecipeChange::after,
                RecipeChange::summary).containsExactly(
                tuple(CHANGED, STEP, "weigh_nacl", "qualifications", "[]", "[OP-WEIGHING]",
                        "Step 'weigh_nacl' (Weigh sodium chloride): qualifications changed from [] to [OP-WEIGHING]"),
                tuple(CHANGED, OPERATION, "fill", "qualifications", "[OP-GOWNING, OP-ASEPTIC-FILLING]",
                        "[OP-ASEPTIC-FILLING]", "Operation 'fill': qualifications changed from"
                                + " [OP-GOWNING, OP-ASEPTIC-FILLING] to [OP-ASEPTIC-FILLING]"));
        // a document from before qualifications existed (absent) is the same as one requiring none
        assertThat(RecipeDiff.compare(V1, null, changeOperation(V1, "capping", o -> ReferenceRecipe.withQualifications(o,
                List.of())), null).changes()).isEmpty();
    }

    // --- helpers

    private static AbstractListAssert<?, List<? extends Tuple>, Tuple, ObjectAssert<Tuple>> assertChanges(
            RecipeDocument v2) {
        return assertThat(RecipeDiff.compare(V1, null, v2, null).changes()).extracting(RecipeChange::kind,
                RecipeChange::element, RecipeChange::id, RecipeChange::field, RecipeChange::before,
                RecipeChange::after);
    }

    private static RecipeDocument nextVersion(RecipeDocument r) {
        return new RecipeDocument(r.recipeId(), r.version() + 1, r.product(), r.material(), r.nominalBatchSize(),
                r.batchSizeUnit(), r.parameters(), r.formula(), r.unitProcedures());
    }

    private static RecipeDocument withParameters(RecipeDocument r, List<Parameter> parameters) {
        return new RecipeDocument(r.recipeId(), r.version() + 1, r.product(), r.material(), r.nominalBatchSize(),
                r.batchSizeUnit(), parameters, r.formula(), r.unitProcedures());
    }

    private static RecipeDocument changeUnit(RecipeDocument r, String id, UnaryOperator<UnitProcedure> change) {
        return new RecipeDocument(r.recipeId(), r.version() + 1, r.product(), r.material(), r.nominalBatchSize(),
                r.batchSizeUnit(), r.parameters(), r.formula(), r.unitProcedures().stream()
                .map(up -> up.id().equals(id) ? change.apply(up) : up).toList());
    }

    private static RecipeDocument changeOperation(RecipeDocument r, String id, UnaryOperator<Operation> change) {
        return new RecipeDocument(r.recipeId(), r.version() + 1, r.product(), r.material(), r.nominalBatchSize(),
                r.batchSizeUnit(), r.parameters(), r.formula(), r.unitProcedures().stream()
                .map(up -> new UnitProcedure(up.id(), up.name(), up.operations().stream()
                        .map(op -> op.id().equals(id) ? change.apply(op) : op).toList()))
                .toList());
    }

    private static Operation withSteps(Operation op, List<Step> steps) {
        return new Operation(op.id(), op.name(), steps, op.qualifications());
    }

    private static <T> List<T> reversed(List<T> list) {
        List<T> copy = new ArrayList<>(list);
        Collections.reverse(copy);
        return copy;
    }

    private static <T> List<T> append(List<T> list, T element) {
        List<T> copy = new ArrayList<>(list);
        copy.add(element);
        return copy;
    }
}
