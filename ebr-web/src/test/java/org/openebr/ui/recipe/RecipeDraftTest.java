package org.openebr.ui.recipe;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openebr.platform.boundary.DomainException;
import org.openebr.recipe.boundary.EquipmentCheck;
import org.openebr.recipe.boundary.FormulaItem;
import org.openebr.recipe.boundary.MaterialCharge;
import org.openebr.recipe.boundary.NumericSpec;
import org.openebr.recipe.boundary.Operation;
import org.openebr.recipe.boundary.Parameter;
import org.openebr.recipe.boundary.RecipeDocument;
import org.openebr.recipe.boundary.Scaling;
import org.openebr.recipe.boundary.SignatureRequirement;
import org.openebr.recipe.boundary.Step;
import org.openebr.recipe.boundary.StepType;
import org.openebr.recipe.boundary.UnitProcedure;
import org.openebr.recipe.control.RecipeDiff;
import org.openebr.ui.recipe.RecipeDraft.OperationForm;
import org.openebr.ui.recipe.RecipeDraft.StepForm;
import org.openebr.ui.recipe.RecipeDraft.UnitProcedureForm;

class RecipeDraftTest {

    @Test
    void an_unchanged_working_copy_is_the_document_it_was_made_from() {
        RecipeDocument document = recipe();
        assertThat(RecipeDraft.of(document).toDocument()).isEqualTo(document);
    }

    @Test
    void absent_and_empty_lists_read_back_without_a_change_a_reviewer_would_see() {
        Step sparse = new Step("note", "Note", StepType.INSTRUCTION, null, "Read this", null, null, null, null, null, null,
                new SignatureRequirement(false), null, null);
        RecipeDocument document = with(recipe(), sparse);
        RecipeDocument converted = RecipeDraft.of(document).toDocument();

        assertThat(RecipeDiff.compare(document, "a", converted, "b").changes()).isEmpty();
        // converting again changes nothing: the page compares the working copy with the stored draft this way
        assertThat(RecipeDraft.of(converted).toDocument()).isEqualTo(converted);
    }

    @Test
    void qualifications_are_shown_comma_separated_and_typed_ones_become_the_requirement() {
        RecipeDocument document = recipe();
        RecipeDraft draft = RecipeDraft.of(document);
        OperationForm weighing = draft.operations().filter(o -> o.getId().equals("weighing")).findFirst().orElseThrow();
        StepForm ph = draft.step("ph").orElseThrow();
        assertThat(weighing.getQualifications()).isEqualTo("OP-WEIGHING, OP-GOWNING");
        assertThat(ph.getQualifications()).isEqualTo("OP-PH-MEASUREMENT");
        assertThat(draft.step("sample").orElseThrow().getQualifications()).isNull();

        weighing.setQualifications(" OP-WEIGHING,OP-GOWNING  OP-CLEANROOM-B ");
        ph.setQualifications(" ");
        draft.step("sample").orElseThrow().setQualifications("op-sampling"); // kept as typed: the check names it
        RecipeDocument changed = draft.toDocument();

        Operation operation = changed.unitProcedures().get(0).operations().get(0);
        assertThat(operation.qualifications()).containsExactly("OP-WEIGHING", "OP-GOWNING", "OP-CLEANROOM-B");
        List<Step> phControl = changed.unitProcedures().get(0).operations().get(1).steps();
        assertThat(phControl.get(0).qualifications()).as("an empty field is none, absent as in old documents").isNull();
        assertThat(phControl.get(1).qualifications()).containsExactly("op-sampling");
        assertThat(RecipeDiff.compare(document, "a", changed, "b").changes())
                .extracting(c -> c.id() + " " + c.field() + ": " + c.before() + " -> " + c.after())
                .containsExactly("weighing qualifications: [OP-WEIGHING, OP-GOWNING] -> [OP-WEIGHING, OP-GOWNING, OP-CLEANROOM-B]",
                        "ph qualifications: [OP-PH-MEASUREMENT] -> []",
                        "sample qualifications: [] -> [op-sampling]");
    }

    @Test
    void a_step_requires_its_operations_qualifications_and_its_own_each_once() {
        RecipeDraft draft = RecipeDraft.of(recipe());
        StepForm weigh = draft.step("weigh_api").orElseThrow();
        assertThat(draft.requiredQualifications(weigh)).containsExactly("OP-WEIGHING", "OP-GOWNING");

        weigh.setQualifications("OP-API-HANDLING, OP-WEIGHING");
        assertThat(draft.requiredQualifications(weigh)).containsExactly("OP-WEIGHING", "OP-GOWNING", "OP-API-HANDLING");
        assertThat(draft.requiredQualifications(draft.step("sample").orElseThrow())).isEmpty();
    }

    @Test
    void a_step_that_does_not_state_its_signatures_states_them_as_its_checkbox_shows() {
        Step unstated = new Step("note", "Note", StepType.INSTRUCTION, List.of(), "Read this", null, null, null, null, null,
                null, null, List.of(), null);
        RecipeDraft draft = RecipeDraft.of(with(recipe(), unstated));
        assertThat(draft.step("note").orElseThrow().isVerifierRequired()).isFalse();

        RecipeDocument converted = draft.toDocument();
        Step stated = converted.unitProcedures().get(0).operations().get(1).steps().stream()
                .filter(s -> s.id().equals("note")).findFirst().orElseThrow();
        assertThat(stated.signatures()).isEqualTo(new SignatureRequirement(false));
    }

    @Test
    void a_changed_limit_is_in_the_document_and_nothing_else_changes() {
        RecipeDocument document = recipe();
        RecipeDraft draft = RecipeDraft.of(document);
        draft.step("ph").orElseThrow().setUpper(new BigDecimal("7.3"));

        RecipeDocument changed = draft.toDocument();
        assertThat(RecipeDiff.compare(document, "a", changed, "b").changes())
                .singleElement().satisfies(c -> {
                    assertThat(c.field()).isEqualTo("numeric.upper");
                    assertThat(c.before()).isEqualTo("7.2");
                    assertThat(c.after()).isEqualTo("7.3");
                });
    }

    @Test
    void a_field_the_type_does_not_need_is_kept_while_it_has_a_value() {
        RecipeDraft draft = RecipeDraft.of(recipe());
        StepForm ph = draft.step("ph").orElseThrow();
        ph.setType(StepType.INSTRUCTION);

        assertThat(ph.isNumericShown()).as("still shown, so nothing hidden is stored").isTrue();
        assertThat(draft.toDocument().unitProcedures().get(0).operations().get(1).steps().get(0).numeric()).isNotNull();
    }

    @Test
    void renaming_a_step_renames_it_where_other_steps_wait_for_it() {
        RecipeDraft draft = RecipeDraft.of(recipe());
        draft.step("weigh_api").orElseThrow().setId("weigh_demoprofen");
        draft.followRenames();

        assertThat(draft.step("ph").orElseThrow().getAfter()).isEqualTo("weigh_demoprofen, vessel_check");
    }

    @Test
    void steps_move_within_their_operation_and_to_another_one() {
        RecipeDraft draft = RecipeDraft.of(recipe());
        StepForm ph = draft.step("ph").orElseThrow();
        StepForm sample = draft.step("sample").orElseThrow();

        draft.move(sample, -1);
        assertThat(ids(draft.operationOf(ph).orElseThrow())).containsExactly("sample", "ph");
        draft.move(sample, -1);
        assertThat(ids(draft.operationOf(ph).orElseThrow())).as("already first").containsExactly("sample", "ph");

        OperationForm weighing = draft.operationOf(draft.step("weigh_api").orElseThrow()).orElseThrow();
        draft.moveTo(ph, weighing.getKey());
        assertThat(ids(weighing)).containsExactly("vessel_check", "weigh_api", "ph");
        assertThat(draft.toDocument().unitProcedures().get(0).operations().get(1).steps()).extracting(Step::id)
                .containsExactly("sample");
    }

    @Test
    void operations_and_unit_procedures_move_among_their_siblings() {
        RecipeDraft draft = RecipeDraft.of(recipe());
        UnitProcedureForm compounding = draft.getUnitProcedures().get(0);
        OperationForm phControl = draft.operationOf(draft.step("ph").orElseThrow()).orElseThrow();
        UnitProcedureForm filling = draft.addUnitProcedure();

        draft.move(phControl, -1);
        assertThat(draft.toDocument().unitProcedures().get(0).operations()).extracting(Operation::id)
                .containsExactly("ph_control", "weighing");
        draft.move(phControl, -1);
        assertThat(compounding.getOperations().get(0)).as("already first").isSameAs(phControl);

        draft.move(filling, -1);
        assertThat(draft.getUnitProcedures()).containsExactly(filling, compounding);
        draft.move(filling, 1);
        draft.move(filling, 1);
        assertThat(draft.getUnitProcedures()).as("already last").containsExactly(compounding, filling);
    }

    @Test
    void a_new_step_waits_for_the_last_step_of_its_operation_and_has_an_unused_id() {
        RecipeDraft draft = RecipeDraft.of(recipe());
        OperationForm weighing = draft.operationOf(draft.step("weigh_api").orElseThrow()).orElseThrow();

        StepForm added = draft.addStep(weighing);
        assertThat(added.getAfter()).isEqualTo("weigh_api");
        assertThat(added.getId()).isEqualTo("step_1");
        assertThat(draft.addStep(weighing).getId()).isEqualTo("step_2");
    }

    @Test
    void a_problem_names_its_place_in_words_and_points_at_its_form() {
        RecipeDocument document = recipe();
        RecipeDraft draft = RecipeDraft.of(document);
        List<RecipeProblem> problems = RecipeProblem.of(List.of(
                new DomainException.Violation("$.unitProcedures[0].operations[1].steps[0].numeric",
                        "lower limit 8.0 is above upper limit 7.2"),
                new DomainException.Violation("$.unitProcedures[0].operations[1].steps[0].numeric.alertLower", "x"),
                new DomainException.Violation("$.formula[0].tolerancePercent", "x"),
                new DomainException.Violation("$.unitProcedures[0].operations[0].steps[1].after[1]", "x"),
                new DomainException.Violation("$.nominalBatchSize", "x"),
                new DomainException.Violation("reason", "is required")), document, draft);

        assertThat(problems).extracting(RecipeProblem::place).containsExactly(
                "Step 'ph' in compounding / ph_control, numeric spec",
                "Step 'ph' in compounding / ph_control, lower alert limit",
                "Formula item 'Demoprofen', tolerance (%)",
                "Step 'weigh_api' in compounding / weighing, runs after no. 2",
                "Recipe header, nominal batch size",
                "Reason for the change");
        assertThat(problems.get(0).element()).isSameAs(draft.step("ph").orElseThrow());
        assertThat(problems.get(5).element()).isNull();
    }

    @Test
    void a_path_into_nothing_still_names_a_place() {
        assertThat(RecipeProblem.place("$.unitProcedures[7].operations[0]", recipe()))
                .isEqualTo("Operation no. 8 / no. 1");
        assertThat(RecipeProblem.place("$", recipe())).isEqualTo("Recipe");
        assertThat(RecipeProblem.place("$..weird", recipe())).isEqualTo("$..weird");
    }

    private static List<String> ids(OperationForm operation) {
        return operation.getSteps().stream().map(StepForm::getId).toList();
    }

    private static RecipeDocument recipe() {
        SignatureRequirement performer = new SignatureRequirement(false);
        Step vessel = new Step("vessel_check", "Vessel V-101 clean", StepType.EQUIPMENT_CHECK, List.of(), null, null, null,
                null, "compounding vessel", null, null, performer, List.of(EquipmentCheck.CLEAN, EquipmentCheck.CLEAN_HOLD_TIME), null);
        Step weigh = new Step("weigh_api", "Weigh Demoprofen", StepType.MATERIAL_CHARGE, List.of("vessel_check"), null, null,
                null, new MaterialCharge("Demoprofen", d("450.0"), "g", d("0.5")), null, null, null,
                new SignatureRequirement(true), List.of(), null);
        Step ph = new Step("ph", "pH of the bulk solution", StepType.NUMERIC_ENTRY, List.of("weigh_api", "vessel_check"),
                null, new NumericSpec("pH", 2, d("7.0"), d("6.8"), d("7.2"), d("6.9"), d("7.1")), null, null, null, null,
                null, performer, List.of(), List.of("OP-PH-MEASUREMENT"));
        Step sample = new Step("sample", "Bioburden sample", StepType.CHOICE_ENTRY, List.of("ph"), null, null, null, null,
                null, null, List.of("taken", "not taken"), performer, List.of(), null);
        return new RecipeDocument("UI-TEST", 1, "Demoprofen 10 mg/mL", "FG-DEMOPROFEN-2ML", d("45.0"), "L",
                List.of(new Parameter("theoretical_vials", d("20000"), "vials", null)),
                List.of(new FormulaItem("Demoprofen", d("450.0"), "g", d("0.5"), null),
                        new FormulaItem("filter cartridge", d("1"), "units", null, Scaling.FIXED)),
                List.of(new UnitProcedure("compounding", "Compounding in V-101", List.of(
                        new Operation("weighing", "Weighing", List.of(vessel, weigh), List.of("OP-WEIGHING", "OP-GOWNING")),
                        new Operation("ph_control", "pH control", List.of(ph, sample), null)))));
    }

    private static RecipeDocument with(RecipeDocument r, Step extra) {
        UnitProcedure unit = r.unitProcedures().get(0);
        Operation last = unit.operations().get(1);
        List<Step> steps = new java.util.ArrayList<>(last.steps());
        steps.add(extra);
        return new RecipeDocument(r.recipeId(), r.version(), r.product(), r.material(), r.nominalBatchSize(),
                r.batchSizeUnit(), r.parameters(), r.formula(), List.of(new UnitProcedure(unit.id(), unit.name(),
                        List.of(unit.operations().get(0), new Operation(last.id(), last.name(), steps, last.qualifications())))));
    }

    private static BigDecimal d(String value) {
        return new BigDecimal(value);
    }
}
