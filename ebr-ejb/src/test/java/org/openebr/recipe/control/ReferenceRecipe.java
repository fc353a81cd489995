package org.openebr.recipe.control;

import java.math.BigDecimal;
import java.util.List;
import java.util.function.UnaryOperator;

import org.openebr.recipe.boundary.EquipmentCheck;
import org.openebr.recipe.boundary.FormulaItem;
import org.openebr.recipe.boundary.MaterialCharge;
import org.openebr.recipe.boundary.NumericSpec;
import org.openebr.recipe.boundary.Operation;
import org.openebr.recipe.boundary.Parameter;
import org.openebr.recipe.boundary.RecipeDocument;
import org.openebr.recipe.boundary.SignatureRequirement;
import org.openebr.recipe.boundary.Step;
import org.openebr.recipe.boundary.StepType;
import org.openebr.recipe.boundary.UnitProcedure;

/**
 * The reference process of DOMAIN.md as a recipe document: aseptic filling of 2 mL vials of
 * Demoprofen 10 mg/mL. Built in code so each test can break one thing and show the one problem.
 * Parallel branches: the equipment checks and the pre-use filter test run alongside compounding.
 * Qualifications: weighing, sterile filtration (its filter integrity tests one more) and aseptic
 * filling (with grade A/B gowning) need a current training record.
 */
final class ReferenceRecipe {

    static final SignatureRequirement PERFORMER = new SignatureRequirement(false);
    static final SignatureRequirement FOUR_EYES = new SignatureRequirement(true);

    // the training records the reference process requires (codes as the demo's training records have them)
    static final String WEIGHING = "OP-WEIGHING";
    static final String STERILE_FILTRATION = "OP-STERILE-FILTRATION";
    static final String FILTER_INTEGRITY = "OP-FILTER-INTEGRITY";
    static final String GOWNING = "OP-GOWNING";
    static final String ASEPTIC_FILLING = "OP-ASEPTIC-FILLING";

    private ReferenceRecipe() {
    }

    static RecipeDocument asepticFilling() {
        return new RecipeDocument("DEMOPROFEN-10-2ML", 1, "Demoprofen 10 mg/mL solution for injection",
                "FG-DEMOPROFEN-2ML", d("45.0"), "L",
                List.of(new Parameter("theoretical_vials", d("20000"), "vials", true),
                        new Parameter("fill_volume", d("2.0"), "mL", null)),
                List.of(new FormulaItem("Demoprofen", d("450.0"), "g", d("0.5"), null),
                        new FormulaItem("sodium chloride", d("405.0"), "g", d("1"), null),
                        new FormulaItem("sodium phosphate dibasic", d("63.0"), "g", d("1"), null),
                        new FormulaItem("water for injection", d("40"), "L", null, null),
                        // as needed (q.s.) for the pH adjustment: no quantity, so no tolerance
                        new FormulaItem("sodium hydroxide 1 N", null, "mL", null, null)),
                List.of(preparation(), compounding(), filtration(), filling(), inspection()));
    }

    private static UnitProcedure preparation() {
        return new UnitProcedure("preparation", "Line clearance and preparation", List.of(
                new Operation("clearance", "Line clearance", List.of(
                        instruction("line_clearance", "Room and filling line cleared of the previous product",
                                FOUR_EYES),
                        equipment("vessel_check", "Compounding vessel V-101 clean, within clean-hold time",
                                "compounding vessel", List.of(EquipmentCheck.CLEAN, EquipmentCheck.CLEAN_HOLD_TIME),
                                "line_clearance"),
                        equipment("balance_check", "Balances calibrated", "balance",
                                List.of(EquipmentCheck.CALIBRATED), "line_clearance"),
                        equipment("ph_meter_check", "pH meter calibrated", "pH meter",
                                List.of(EquipmentCheck.CALIBRATED), "line_clearance")), null)));
    }

    private static UnitProcedure compounding() {
        return new UnitProcedure("compounding", "Compounding in V-101", List.of(
                new Operation("weighing", "Weighing", List.of(
                        charge("weigh_api", "Weigh Demoprofen (potency-adjusted)",
                                new MaterialCharge("Demoprofen", d("450.0"), "g", d("0.5")), FOUR_EYES,
                                "vessel_check", "balance_check"),
                        charge("weigh_nacl", "Weigh sodium chloride",
                                new MaterialCharge("sodium chloride", d("405.0"), "g", d("1")), PERFORMER,
                                "balance_check"),
                        charge("weigh_phosphate", "Weigh sodium phosphate dibasic",
                                new MaterialCharge("sodium phosphate dibasic", d("63.0"), "g", d("1")), PERFORMER,
                                "balance_check")), List.of(WEIGHING)),
                new Operation("mixing", "Dissolving and mixing", List.of(
                        charge("charge_wfi", "Charge water for injection at 20-25 °C",
                                new MaterialCharge("water for injection", d("40"), "L", null), PERFORMER,
                                "weigh_api", "weigh_nacl", "weigh_phosphate"),
                        instruction("mix", "Mix 30 min at 200 rpm", PERFORMER, "charge_wfi"),
                        machine("mix_temperature", "Bulk temperature during mixing", "V101.Temperature",
                                new NumericSpec("°C", 1, null, d("20.0"), d("25.0"), null, null), "charge_wfi"),
                        numeric("make_up_weight", "Make up to 45.0 L: net weight",
                                new NumericSpec("kg", 2, d("45.27"), d("45.17"), d("45.37"), null, null),
                                "mix", "mix_temperature")), null),
                new Operation("ph_control", "pH control", List.of(
                        numeric("ph", "pH of the bulk solution",
                                new NumericSpec("pH", 2, d("7.0"), d("6.8"), d("7.2"), d("6.9"), d("7.1")),
                                "make_up_weight", "ph_meter_check"),
                        withNumeric(step("bioburden", "Bioburden sample (limit 10 CFU/100 mL, result by QC)",
                                StepType.SAMPLING, PERFORMER, "ph"),
                                new NumericSpec("CFU/100 mL", 0, null, null, d("10"), null, null))), null)));
    }

    private static UnitProcedure filtration() {
        NumericSpec bubblePoint = new NumericSpec("bar", 1, null, d("3.4"), null, null, null);
        return new UnitProcedure("filtration", "Sterile filtration", List.of(
                new Operation("sterile_filtration", "Filtration through F-201 into V-201", List.of(
                        withQualifications(numeric("filter_integrity_pre", "Pre-use bubble point of F-201",
                                bubblePoint, "line_clearance"), List.of(FILTER_INTEGRITY)),
                        instruction("filtration", "Filter the bulk into sterile vessel V-201", PERFORMER,
                                "filter_integrity_pre", "bioburden"),
                        withQualifications(numeric("filter_integrity_post", "Post-use bubble point of F-201",
                                bubblePoint, "filtration"), List.of(FILTER_INTEGRITY))), List.of(STERILE_FILTRATION))));
    }

    private static UnitProcedure filling() {
        NumericSpec count = new NumericSpec("vials", 0, null, d("0"), null, null, null);
        return new UnitProcedure("filling", "Filling, stoppering and capping", List.of(
                new Operation("fill", "Filling and stoppering", List.of(
                        // the mean of the checkweigher's fill weights while the step was open
                        withStatistic(machine("fill_weight", "Fill weight IPC, mean of the checkweigher",
                                "FL01.FillWeight", new NumericSpec("g", 2, d("2.10"), d("2.06"), d("2.14"), null, null),
                                "filter_integrity_post"), "MEAN"),
                        machine("filled_vials", "Filled vials (filler counter)", "FILLER.FilledCount", count,
                                "fill_weight")), List.of(GOWNING, ASEPTIC_FILLING)),
                new Operation("capping", "Capping", List.of(
                        choice("crimp_check", "Crimp check", List.of("pass", "fail"), "filled_vials")), null)));
    }

    private static UnitProcedure inspection() {
        NumericSpec count = new NumericSpec("vials", 0, null, d("0"), null, null, null);
        return new UnitProcedure("inspection", "Visual inspection and reconciliation", List.of(
                new Operation("visual_inspection", "Visual inspection", List.of(
                        numeric("rejects_particles", "Rejects: particles", count, "crimp_check"),
                        numeric("rejects_cracks", "Rejects: cracks", count, "crimp_check"),
                        numeric("rejects_fill_level", "Rejects: fill level", count, "crimp_check"),
                        numeric("rejects_cosmetic", "Rejects: cosmetic", count, "crimp_check"),
                        numeric("good_vials", "Good vials", count, "rejects_particles", "rejects_cracks",
                                "rejects_fill_level", "rejects_cosmetic")), null),
                new Operation("reconciliation", "Reconciliation", List.of(
                        calculation("yield", "Yield of good vials", "round(good_vials / theoretical_vials * 100, 1)",
                                new NumericSpec("%", 1, null, d("95.0"), d("102.0"), null, null), "good_vials"),
                        calculation("vial_difference", "Filled = good + rejected",
                                "filled_vials - good_vials - rejects_particles - rejects_cracks"
                                        + " - rejects_fill_level - rejects_cosmetic",
                                new NumericSpec("vials", 0, d("0"), d("0"), d("0"), null, null), "good_vials")), null)));
    }

    // --- step factories, one per type, so the recipe above reads like a batch record

    static Step step(String id, String name, StepType type, SignatureRequirement signatures, String... after) {
        return new Step(id, name, type, List.of(after), null, null, null, null, null, null, null, signatures, List.of(), null);
    }

    static Step instruction(String id, String text, SignatureRequirement signatures, String... after) {
        return new Step(id, text, StepType.INSTRUCTION, List.of(after), text, null, null, null, null, null, null,
                signatures, List.of(), null);
    }

    static Step numeric(String id, String name, NumericSpec spec, String... after) {
        return withNumeric(step(id, name, StepType.NUMERIC_ENTRY, PERFORMER, after), spec);
    }

    static Step machine(String id, String name, String tag, NumericSpec spec, String... after) {
        Step s = step(id, name, StepType.MACHINE_VALUE, PERFORMER, after);
        return withNumeric(new Step(s.id(), s.name(), s.type(), s.after(), null, null, null, null, null, tag, null,
                s.signatures(), s.equipmentChecks(), s.qualifications()), spec);
    }

    static Step equipment(String id, String name, String equipmentClass, List<EquipmentCheck> checks,
            String... after) {
        return new Step(id, name, StepType.EQUIPMENT_CHECK, List.of(after), null, null, null, null, equipmentClass,
                null, null, PERFORMER, checks, null);
    }

    static Step charge(String id, String name, MaterialCharge charge, SignatureRequirement signatures,
            String... after) {
        return withCharge(step(id, name, StepType.MATERIAL_CHARGE, signatures, after), charge);
    }

    static Step choice(String id, String name, List<String> choices, String... after) {
        return new Step(id, name, StepType.CHOICE_ENTRY, List.of(after), null, null, null, null, null, null, choices,
                PERFORMER, List.of(), null);
    }

    static Step calculation(String id, String name, String formula, NumericSpec spec, String... after) {
        return withNumeric(withFormula(step(id, name, StepType.CALCULATION, PERFORMER, after), formula), spec);
    }

    // --- copies with one field changed (records have no withers)

    static Step withStatistic(Step s, String statistic) {
        return new Step(s.id(), s.name(), s.type(), s.after(), s.instruction(), s.numeric(), s.formula(), s.charge(),
                s.equipmentClass(), s.tag(), s.choices(), s.signatures(), s.equipmentChecks(), s.qualifications(),
                statistic);
    }

    static Step withAfter(Step s, String... after) {
        return new Step(s.id(), s.name(), s.type(), List.of(after), s.instruction(), s.numeric(), s.formula(),
                s.charge(), s.equipmentClass(), s.tag(), s.choices(), s.signatures(), s.equipmentChecks(), s.qualifications(),
                s.statistic());
    }

    static Step withId(Step s, String id) {
        return new Step(id, s.name(), s.type(), s.after(), s.instruction(), s.numeric(), s.formula(), s.charge(),
                s.equipmentClass(), s.tag(), s.choices(), s.signatures(), s.equipmentChecks(), s.qualifications(),
                s.statistic());
    }

    static Step withNumeric(Step s, NumericSpec numeric) {
        return new Step(s.id(), s.name(), s.type(), s.after(), s.instruction(), numeric, s.formula(), s.charge(),
                s.equipmentClass(), s.tag(), s.choices(), s.signatures(), s.equipmentChecks(), s.qualifications(),
                s.statistic());
    }

    static Step withFormula(Step s, String formula) {
        return new Step(s.id(), s.name(), s.type(), s.after(), s.instruction(), s.numeric(), formula, s.charge(),
                s.equipmentClass(), s.tag(), s.choices(), s.signatures(), s.equipmentChecks(), s.qualifications(),
                s.statistic());
    }

    static Step withCharge(Step s, MaterialCharge charge) {
        return new Step(s.id(), s.name(), s.type(), s.after(), s.instruction(), s.numeric(), s.formula(), charge,
                s.equipmentClass(), s.tag(), s.choices(), s.signatures(), s.equipmentChecks(), s.qualifications(),
                s.statistic());
    }

    static Step withType(Step s, StepType type) {
        return new Step(s.id(), s.name(), type, s.after(), s.instruction(), s.numeric(), s.formula(), s.charge(),
                s.equipmentClass(), s.tag(), s.choices(), s.signatures(), s.equipmentChecks(), s.qualifications(),
                s.statistic());
    }

    static Step withQualifications(Step s, List<String> qualifications) {
        return new Step(s.id(), s.name(), s.type(), s.after(), s.instruction(), s.numeric(), s.formula(), s.charge(),
                s.equipmentClass(), s.tag(), s.choices(), s.signatures(), s.equipmentChecks(), qualifications,
                s.statistic());
    }

    static Operation withQualifications(Operation o, List<String> qualifications) {
        return new Operation(o.id(), o.name(), o.steps(), qualifications);
    }

    /** The recipe with the operation of this id replaced. */
    static RecipeDocument changeOperation(RecipeDocument r, String id, UnaryOperator<Operation> change) {
        List<UnitProcedure> ups = r.unitProcedures().stream()
                .map(up -> new UnitProcedure(up.id(), up.name(), up.operations().stream()
                        .map(op -> id.equals(op.id()) ? change.apply(op) : op).toList()))
                .toList();
        return new RecipeDocument(r.recipeId(), r.version(), r.product(), r.material(), r.nominalBatchSize(),
                r.batchSizeUnit(), r.parameters(), r.formula(), ups);
    }

    /** The recipe with the step of this id replaced. */
    static RecipeDocument changeStep(RecipeDocument r, String id, UnaryOperator<Step> change) {
        List<UnitProcedure> ups = r.unitProcedures().stream()
                .map(up -> new UnitProcedure(up.id(), up.name(), up.operations().stream()
                        .map(op -> new Operation(op.id(), op.name(), op.steps().stream()
                                .map(s -> id.equals(s.id()) ? change.apply(s) : s).toList(), op.qualifications()))
                        .toList()))
                .toList();
        return new RecipeDocument(r.recipeId(), r.version(), r.product(), r.material(), r.nominalBatchSize(),
                r.batchSizeUnit(), r.parameters(), r.formula(), ups);
    }

    static BigDecimal d(String value) {
        return new BigDecimal(value);
    }
}
