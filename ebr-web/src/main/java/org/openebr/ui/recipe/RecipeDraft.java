package org.openebr.ui.recipe;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
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

/**
 * The designer's working copy of one recipe version: the document records are immutable, so the page
 * edits these small mutable forms field by field and they are turned back into a document to check
 * or save. What the author typed lives here until it is saved, whatever the server says about it.
 *
 * <p>The conversion is lossless for what the page shows: a field that has a value is kept (and shown)
 * even when the step type does not need it, so that nothing is stored that the author cannot see.
 */
public class RecipeDraft implements Serializable {

    private static final long serialVersionUID = 1L;

    private static final Pattern ELEMENT = Pattern.compile(
            "^\\$\\.(?:(parameters|formula)\\[(\\d+)]|unitProcedures\\[(\\d+)](?:\\.operations\\[(\\d+)](?:\\.steps\\[(\\d+)])?)?)");

    /**
     * Keys name forms for the page (move targets, selection) because ids may be blank or duplicated
     * while the author is still typing them.
     */
    private int keys;
    private String recipeId;
    private int version;
    private String product;
    private String material;
    private BigDecimal nominalBatchSize;
    private String batchSizeUnit;
    private final List<ParameterForm> parameters = new ArrayList<>();
    private final List<FormulaItemForm> formula = new ArrayList<>();
    private final List<UnitProcedureForm> unitProcedures = new ArrayList<>();

    public static RecipeDraft of(RecipeDocument document) {
        RecipeDraft draft = new RecipeDraft();
        draft.recipeId = document.recipeId();
        draft.version = document.version();
        draft.product = document.product();
        draft.material = document.material();
        draft.nominalBatchSize = document.nominalBatchSize();
        draft.batchSizeUnit = document.batchSizeUnit();
        present(document.parameters()).forEach(p -> draft.parameters.add(new ParameterForm(p)));
        present(document.formula()).forEach(f -> draft.formula.add(new FormulaItemForm(f)));
        for (UnitProcedure unit : present(document.unitProcedures()).toList()) {
            UnitProcedureForm unitForm = new UnitProcedureForm(draft.key("u"), unit.id(), unit.name());
            for (Operation operation : present(unit.operations()).toList()) {
                OperationForm operationForm = new OperationForm(draft.key("o"), operation.id(), operation.name());
                operationForm.qualifications = codeText(operation.qualifications());
                present(operation.steps()).forEach(s -> operationForm.steps.add(new StepForm(draft.key("s"), s)));
                unitForm.operations.add(operationForm);
            }
            draft.unitProcedures.add(unitForm);
        }
        return draft;
    }

    public RecipeDocument toDocument() {
        return new RecipeDocument(recipeId, version, blankToNull(product), blankToNull(material), nominalBatchSize,
                blankToNull(batchSizeUnit), parameters.stream().map(ParameterForm::toParameter).toList(),
                formula.stream().map(FormulaItemForm::toFormulaItem).toList(),
                unitProcedures.stream().map(UnitProcedureForm::toUnitProcedure).toList());
    }

    // --- structure ---------------------------------------------------------------------------------

    public UnitProcedureForm addUnitProcedure() {
        UnitProcedureForm unit = new UnitProcedureForm(key("u"), unusedId("unit_procedure",
                unitProcedures.stream().map(UnitProcedureForm::getId)), null);
        unitProcedures.add(unit);
        return unit;
    }

    public OperationForm addOperation(UnitProcedureForm unit) {
        OperationForm operation = new OperationForm(key("o"), unusedId("operation", operations().map(OperationForm::getId)),
                null);
        unit.operations.add(operation);
        return operation;
    }

    /** A new instruction step at the end of the operation, waiting for the step before it (the usual sequence). */
    public StepForm addStep(OperationForm operation) {
        StepForm step = new StepForm(key("s"), unusedId("step", steps().map(StepForm::getId)));
        if (!operation.steps.isEmpty()) {
            step.after = operation.steps.get(operation.steps.size() - 1).getId();
        }
        operation.steps.add(step);
        return step;
    }

    public ParameterForm addParameter() {
        ParameterForm parameter = new ParameterForm(new Parameter(null, null, null, null));
        parameters.add(parameter);
        return parameter;
    }

    public FormulaItemForm addFormulaItem() {
        FormulaItemForm item = new FormulaItemForm(new FormulaItem(null, null, null, null, null));
        formula.add(item);
        return item;
    }

    /** Removes a unit procedure, operation, step, parameter or formula item with everything in it. */
    public void remove(Object element) {
        parameters.remove(element);
        formula.remove(element);
        unitProcedures.remove(element);
        unitProcedures.forEach(u -> u.operations.remove(element));
        operations().forEach(o -> o.steps.remove(element));
    }

    /**
     * One place earlier (-1) or later (+1) among its siblings: a step within its operation, an
     * operation within its unit procedure, a unit procedure within the recipe. Position is only the
     * order shown, not the sequence (steps run by "after"); a comparison reports it as a new order.
     */
    public void move(Object element, int by) {
        List<?> siblings = element instanceof StepForm step ? operationOf(step).map(o -> o.steps).orElseThrow()
                : element instanceof OperationForm operation ? unitOf(operation).map(u -> u.operations).orElseThrow()
                : unitProcedures;
        moveWithin(siblings, element, by);
    }

    private static <T> void moveWithin(List<T> siblings, Object element, int by) {
        int from = siblings.indexOf(element);
        int to = from + by;
        if (from >= 0 && to >= 0 && to < siblings.size()) {
            siblings.add(to, siblings.remove(from));
        }
    }

    /** To the end of another operation; its predecessors ("after") stay as they are. */
    public void moveTo(StepForm step, String operationKey) {
        OperationForm target = operations().filter(o -> o.key.equals(operationKey)).findFirst().orElseThrow();
        operationOf(step).ifPresent(o -> o.steps.remove(step));
        target.steps.add(step);
    }

    /**
     * What a person must hold a current training record for to perform the step: its operation's
     * qualifications, then its own, each once, as batch execution asks ({@link Operation#qualificationsFor}).
     */
    public List<String> requiredQualifications(StepForm step) {
        Operation operation = new Operation(null, null, List.of(),
                operationOf(step).map(o -> codes(o.qualifications)).orElse(null));
        return operation.qualificationsFor(step.toStep());
    }

    public Optional<OperationForm> operationOf(StepForm step) {
        return operations().filter(o -> o.steps.contains(step)).findFirst();
    }

    public Optional<UnitProcedureForm> unitOf(OperationForm operation) {
        return unitProcedures.stream().filter(u -> u.operations.contains(operation)).findFirst();
    }

    /** Where an operation sits, as the page and the comparison name it: unit procedure id / operation id. */
    public String label(OperationForm operation) {
        return unitOf(operation).map(u -> shown(u.getId()) + " / ").orElse("") + shown(operation.getId());
    }

    /**
     * When a step's id changed since the last request, the steps that wait for it follow the new id:
     * renaming must not silently break the sequence.
     */
    public void followRenames() {
        List<StepForm> all = steps().toList();
        for (StepForm renamed : all) {
            String now = blankToNull(renamed.id);
            if (renamed.knownId != null && now != null && !now.equals(renamed.knownId)) {
                for (StepForm other : all) {
                    List<String> after = other.afterIds();
                    if (other != renamed && after.contains(renamed.knownId)) {
                        other.after = String.join(", ", after.stream().map(a -> a.equals(renamed.knownId) ? now : a).toList());
                    }
                }
            }
            renamed.knownId = now;
        }
    }

    /** The form a JSON path of a problem points into (deepest first), or null. */
    public Serializable elementAt(String path) {
        Matcher m = path == null ? null : ELEMENT.matcher(path);
        if (m == null || !m.find()) {
            return null;
        }
        if (m.group(1) != null) {
            List<? extends Serializable> list = m.group(1).equals("parameters") ? parameters : formula;
            return at(list, m.group(2));
        }
        UnitProcedureForm unit = at(unitProcedures, m.group(3));
        OperationForm operation = unit == null || m.group(4) == null ? null : at(unit.operations, m.group(4));
        StepForm step = operation == null || m.group(5) == null ? null : at(operation.steps, m.group(5));
        return step != null ? step : operation != null ? operation : unit;
    }

    /** Whether a unit procedure, operation or step form is (still) part of this working copy. */
    public boolean contains(Object element) {
        return element != null && (unitProcedures.contains(element) || operations().anyMatch(o -> o == element)
                || steps().anyMatch(s -> s == element));
    }

    public Stream<OperationForm> operations() {
        return unitProcedures.stream().flatMap(u -> u.operations.stream());
    }

    public Stream<StepForm> steps() {
        return operations().flatMap(o -> o.steps.stream());
    }

    public Optional<StepForm> step(String id) {
        return id == null ? Optional.empty() : steps().filter(s -> id.equals(s.id)).findFirst();
    }

    public List<String> getStepIds() {
        return steps().map(StepForm::getId).filter(Objects::nonNull).toList();
    }

    private String key(String prefix) {
        return prefix + (++keys);
    }

    private static String unusedId(String prefix, Stream<String> taken) {
        List<String> used = taken.filter(Objects::nonNull).toList();
        for (int n = 1; ; n++) {
            String candidate = prefix + "_" + n;
            if (!used.contains(candidate)) {
                return candidate;
            }
        }
    }

    private static <T> T at(List<T> list, String index) {
        int i = Integer.parseInt(index);
        return i < list.size() ? list.get(i) : null;
    }

    private static String shown(String id) {
        return id == null ? "(no id)" : id;
    }

    /** Qualification codes as the page shows them, comma-separated; none is an empty field. */
    static String codeText(List<String> codes) {
        return codes == null ? null : String.join(", ", codes.stream().map(String::valueOf).toList());
    }

    /**
     * Qualification codes as typed (separated by commas or spaces); an empty field is none (absent in
     * the document, as in one written before recipes had qualifications). Codes are kept as typed, so
     * that the check names a wrong one instead of it being corrected unseen.
     */
    static List<String> codes(String typed) {
        List<String> codes = typed == null ? List.of()
                : Arrays.stream(typed.split("[,\\s]+")).filter(c -> !c.isEmpty()).toList();
        return codes.isEmpty() ? null : codes;
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static <T> Stream<T> present(List<T> list) {
        return list == null ? Stream.empty() : list.stream().filter(Objects::nonNull);
    }

    public String getRecipeId() { return recipeId; }
    public int getVersion() { return version; }
    public String getProduct() { return product; }
    public void setProduct(String v) { product = v; }
    public String getMaterial() { return material; }
    public void setMaterial(String v) { material = v; }
    public BigDecimal getNominalBatchSize() { return nominalBatchSize; }
    public void setNominalBatchSize(BigDecimal v) { nominalBatchSize = v; }
    public String getBatchSizeUnit() { return batchSizeUnit; }
    public void setBatchSizeUnit(String v) { batchSizeUnit = v; }
    public List<ParameterForm> getParameters() { return parameters; }
    public List<FormulaItemForm> getFormula() { return formula; }
    public List<UnitProcedureForm> getUnitProcedures() { return unitProcedures; }

    // --- the forms ---------------------------------------------------------------------------------

    /** A named value calculations may use. */
    public static class ParameterForm implements Serializable {

        private static final long serialVersionUID = 1L;

        private String name;
        private BigDecimal value;
        private String unit;
        private boolean scaled;

        ParameterForm(Parameter parameter) {
            name = parameter.name();
            value = parameter.value();
            unit = parameter.unit();
            scaled = parameter.scalesWithBatch();
        }

        Parameter toParameter() {
            // absent rather than false: a document whose parameters do not scale stays as it was written
            return new Parameter(blankToNull(name), value, blankToNull(unit), scaled ? Boolean.TRUE : null);
        }

        public boolean isScaled() { return scaled; }
        public void setScaled(boolean v) { scaled = v; }

        public String getName() { return name; }
        public void setName(String v) { name = v; }
        public BigDecimal getValue() { return value; }
        public void setValue(BigDecimal v) { value = v; }
        public String getUnit() { return unit; }
        public void setUnit(String v) { unit = v; }
    }

    /** One line of the bill of materials. */
    public static class FormulaItemForm implements Serializable {

        private static final long serialVersionUID = 1L;

        private String material;
        private BigDecimal quantity;
        private String unit;
        private BigDecimal tolerancePercent;
        /** Absent means LINEAR; kept absent so that an unchanged item stays byte for byte what it was. */
        private Scaling scaling;

        FormulaItemForm(FormulaItem item) {
            material = item.material();
            quantity = item.quantity();
            unit = item.unit();
            tolerancePercent = item.tolerancePercent();
            scaling = item.scaling();
        }

        FormulaItem toFormulaItem() {
            return new FormulaItem(blankToNull(material), quantity, blankToNull(unit), tolerancePercent, scaling);
        }

        public String getMaterial() { return material; }
        public void setMaterial(String v) { material = v; }
        public BigDecimal getQuantity() { return quantity; }
        public void setQuantity(BigDecimal v) { quantity = v; }
        public String getUnit() { return unit; }
        public void setUnit(String v) { unit = v; }
        public BigDecimal getTolerancePercent() { return tolerancePercent; }
        public void setTolerancePercent(BigDecimal v) { tolerancePercent = v; }
        public Scaling getScaling() { return scaling; }
        public void setScaling(Scaling v) { scaling = v; }
    }

    /** The part of the procedure that runs on one unit. */
    public static class UnitProcedureForm implements Serializable {

        private static final long serialVersionUID = 1L;

        private final String key;
        private String id;
        private String name;
        private final List<OperationForm> operations = new ArrayList<>();

        UnitProcedureForm(String key, String id, String name) {
            this.key = key;
            this.id = id;
            this.name = name;
        }

        UnitProcedure toUnitProcedure() {
            return new UnitProcedure(blankToNull(id), blankToNull(name),
                    operations.stream().map(OperationForm::toOperation).toList());
        }

        public String getKey() { return key; }
        public String getId() { return id; }
        public void setId(String v) { id = v; }
        public String getName() { return name; }
        public void setName(String v) { name = v; }
        public List<OperationForm> getOperations() { return operations; }
    }

    /** A group of steps within a unit procedure. */
    public static class OperationForm implements Serializable {

        private static final long serialVersionUID = 1L;

        private final String key;
        private String id;
        private String name;
        private final List<StepForm> steps = new ArrayList<>();
        /** Comma-separated qualification codes every step of the operation requires. */
        private String qualifications;

        OperationForm(String key, String id, String name) {
            this.key = key;
            this.id = id;
            this.name = name;
        }

        Operation toOperation() {
            return new Operation(blankToNull(id), blankToNull(name), steps.stream().map(StepForm::toStep).toList(),
                    codes(qualifications));
        }

        public String getKey() { return key; }
        public String getId() { return id; }
        public void setId(String v) { id = v; }
        public String getName() { return name; }
        public void setName(String v) { name = v; }
        public List<StepForm> getSteps() { return steps; }
        public String getQualifications() { return qualifications; }
        public void setQualifications(String v) { qualifications = v; }
    }

    /** One step with every field any step type has; the page shows those its type needs and those with a value. */
    public static class StepForm implements Serializable {

        private static final long serialVersionUID = 1L;

        private final String key;
        /** The id as of the last request, to notice a rename (see {@link RecipeDraft#followRenames()}). */
        private String knownId;
        private String id;
        private String name;
        private StepType type;
        /** Comma-separated step ids, as typed: an id that names no step must stay visible, not vanish. */
        private String after;
        private boolean verifierRequired;
        /** Whether the step states its signatures at all; a step that did not keeps not doing so unless asked. */
        private String instruction;
        private String numericUnit;
        private Integer precision;
        private BigDecimal target;
        private BigDecimal lower;
        private BigDecimal upper;
        private BigDecimal alertLower;
        private BigDecimal alertUpper;
        private String formula;
        private String chargeMaterial;
        private BigDecimal chargeQuantity;
        private String chargeUnit;
        private BigDecimal chargeTolerance;
        private String equipmentClass;
        private EquipmentCheck[] equipmentChecks = {};
        private String tag;
        private String statistic;
        /** One per line. */
        private String choices;
        /** Comma-separated qualification codes the step requires in addition to its operation's. */
        private String qualifications;

        StepForm(String key, String id) {
            this.key = key;
            this.id = id;
            this.knownId = id;
            this.type = StepType.INSTRUCTION;
        }

        StepForm(String key, Step step) {
            this(key, step.id());
            name = step.name();
            type = step.type();
            after = step.after() == null ? null : String.join(", ", step.after().stream().map(String::valueOf).toList());
            verifierRequired = step.signatures() != null && Boolean.TRUE.equals(step.signatures().verifierRequired());
            instruction = step.instruction();
            NumericSpec numeric = step.numeric();
            if (numeric != null) {
                numericUnit = numeric.unit();
                precision = numeric.precision();
                target = numeric.target();
                lower = numeric.lower();
                upper = numeric.upper();
                alertLower = numeric.alertLower();
                alertUpper = numeric.alertUpper();
            }
            formula = step.formula();
            MaterialCharge charge = step.charge();
            if (charge != null) {
                chargeMaterial = charge.material();
                chargeQuantity = charge.quantityPerBatch();
                chargeUnit = charge.unit();
                chargeTolerance = charge.tolerancePercent();
            }
            equipmentClass = step.equipmentClass();
            equipmentChecks = step.equipmentChecks() == null ? new EquipmentCheck[0]
                    : step.equipmentChecks().stream().filter(Objects::nonNull).toArray(EquipmentCheck[]::new);
            tag = step.tag();
            statistic = step.statistic();
            choices = step.choices() == null ? null : String.join("\n", step.choices().stream().map(String::valueOf).toList());
            qualifications = codeText(step.qualifications());
        }

        Step toStep() {
            List<String> choiceList = choices == null ? List.of()
                    : Arrays.stream(choices.split("\\R")).map(String::strip).filter(c -> !c.isEmpty()).toList();
            return new Step(blankToNull(id), blankToNull(name), type, afterIds(), blankToNull(instruction), numeric(),
                    blankToNull(formula), charge(), blankToNull(equipmentClass), blankToNull(tag),
                    choiceList.isEmpty() ? null : choiceList,
                    new SignatureRequirement(verifierRequired), // every step states it (the checkbox)
                    List.of(equipmentChecks), codes(qualifications), blankToNull(statistic));
        }

        List<String> afterIds() {
            return after == null ? List.of()
                    : Arrays.stream(after.split("[,\\s]+")).filter(a -> !a.isEmpty()).toList();
        }

        private NumericSpec numeric() {
            if (!hasNumeric()) {
                return null;
            }
            // an empty field stays absent, and the check names it
            return new NumericSpec(blankToNull(numericUnit), precision, target, lower, upper,
                    alertLower, alertUpper);
        }

        private MaterialCharge charge() {
            return hasCharge() ? new MaterialCharge(blankToNull(chargeMaterial), chargeQuantity, blankToNull(chargeUnit),
                    chargeTolerance) : null;
        }

        private boolean hasNumeric() {
            return blankToNull(numericUnit) != null || precision != null
                    || Stream.of(target, lower, upper, alertLower, alertUpper).anyMatch(Objects::nonNull);
        }

        private boolean hasCharge() {
            return blankToNull(chargeMaterial) != null || chargeQuantity != null || blankToNull(chargeUnit) != null
                    || chargeTolerance != null;
        }

        // what the page shows: what the type needs, and whatever has a value

        public boolean isInstructionShown() {
            return type == StepType.INSTRUCTION || blankToNull(instruction) != null;
        }

        public boolean isNumericShown() {
            return type == StepType.NUMERIC_ENTRY || type == StepType.CALCULATION || type == StepType.MACHINE_VALUE
                    || type == StepType.SAMPLING || hasNumeric();
        }

        public boolean isFormulaShown() {
            return type == StepType.CALCULATION || blankToNull(formula) != null;
        }

        public boolean isChargeShown() {
            return type == StepType.MATERIAL_CHARGE || hasCharge();
        }

        public boolean isEquipmentShown() {
            return type == StepType.EQUIPMENT_CHECK || blankToNull(equipmentClass) != null || equipmentChecks.length > 0;
        }

        public boolean isTagShown() {
            return type == StepType.MACHINE_VALUE || blankToNull(tag) != null;
        }

        public boolean isChoicesShown() {
            return type == StepType.CHOICE_ENTRY || blankToNull(choices) != null;
        }

        public String getKey() { return key; }
        public String getId() { return id; }
        public void setId(String v) { id = v; }
        public String getName() { return name; }
        public void setName(String v) { name = v; }
        public StepType getType() { return type; }
        public void setType(StepType v) { type = v; }
        public String getAfter() { return after; }
        public void setAfter(String v) { after = v; }
        public boolean isVerifierRequired() { return verifierRequired; }
        public void setVerifierRequired(boolean v) { verifierRequired = v; }
        public String getInstruction() { return instruction; }
        public void setInstruction(String v) { instruction = v; }
        public String getNumericUnit() { return numericUnit; }
        public void setNumericUnit(String v) { numericUnit = v; }
        public Integer getPrecision() { return precision; }
        public void setPrecision(Integer v) { precision = v; }
        public BigDecimal getTarget() { return target; }
        public void setTarget(BigDecimal v) { target = v; }
        public BigDecimal getLower() { return lower; }
        public void setLower(BigDecimal v) { lower = v; }
        public BigDecimal getUpper() { return upper; }
        public void setUpper(BigDecimal v) { upper = v; }
        public BigDecimal getAlertLower() { return alertLower; }
        public void setAlertLower(BigDecimal v) { alertLower = v; }
        public BigDecimal getAlertUpper() { return alertUpper; }
        public void setAlertUpper(BigDecimal v) { alertUpper = v; }
        public String getFormula() { return formula; }
        public void setFormula(String v) { formula = v; }
        public String getChargeMaterial() { return chargeMaterial; }
        public void setChargeMaterial(String v) { chargeMaterial = v; }
        public BigDecimal getChargeQuantity() { return chargeQuantity; }
        public void setChargeQuantity(BigDecimal v) { chargeQuantity = v; }
        public String getChargeUnit() { return chargeUnit; }
        public void setChargeUnit(String v) { chargeUnit = v; }
        public BigDecimal getChargeTolerance() { return chargeTolerance; }
        public void setChargeTolerance(BigDecimal v) { chargeTolerance = v; }
        public String getEquipmentClass() { return equipmentClass; }
        public void setEquipmentClass(String v) { equipmentClass = v; }
        public EquipmentCheck[] getEquipmentChecks() { return equipmentChecks.clone(); }
        public void setEquipmentChecks(EquipmentCheck[] v) { equipmentChecks = v == null ? new EquipmentCheck[0] : v.clone(); }
        public String getStatistic() { return statistic; }
        public void setStatistic(String v) { statistic = v; }
        public String getTag() { return tag; }
        public void setTag(String v) { tag = v; }
        public String getChoices() { return choices; }
        public void setChoices(String v) { choices = v; }
        public String getQualifications() { return qualifications; }
        public void setQualifications(String v) { qualifications = v; }
    }
}
