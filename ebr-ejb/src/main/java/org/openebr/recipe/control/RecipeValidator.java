package org.openebr.recipe.control;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.openebr.identity.boundary.Training;
import org.openebr.platform.control.CanonicalJson;
import org.openebr.recipe.boundary.FormulaItem;
import org.openebr.recipe.boundary.MaterialCharge;
import org.openebr.recipe.boundary.Operation;
import org.openebr.recipe.boundary.Parameter;
import org.openebr.recipe.boundary.RecipeDocument;
import org.openebr.recipe.boundary.RecipeJson;
import org.openebr.recipe.boundary.RecipeLimits;
import org.openebr.recipe.boundary.Step;
import org.openebr.recipe.boundary.StepType;
import org.openebr.recipe.boundary.Unit;
import org.openebr.recipe.boundary.UnitProcedure;

/**
 * Checks a recipe document completely before it may become a draft. It reports every problem,
 * each with its JSON location, instead of stopping at the first: an author fixing an imported
 * recipe should see the whole list at once, and a reviewer in change control needs the same list.
 * Stateless; one instance may be shared.
 */
public final class RecipeValidator {

    /** Step types that produce a number a later calculation may use. */
    static final Set<StepType> VALUE_STEPS = EnumSet.of(StepType.NUMERIC_ENTRY, StepType.CALCULATION,
            StepType.MACHINE_VALUE);

    private static final java.util.regex.Pattern RECIPE_ID = java.util.regex.Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    private static final Set<Unit.Dimension> QUANTITY_DIMENSIONS = EnumSet.of(Unit.Dimension.MASS,
            Unit.Dimension.VOLUME, Unit.Dimension.COUNT);

    public List<Problem> validate(RecipeDocument recipe) {
        if (recipe == null) {
            return List.of(new Problem("$", "the document is empty"));
        }
        return new Run(recipe).all();
    }

    /** One validation: the problems found so far and what later checks need from earlier ones. */
    private static final class Run {

        private final RecipeDocument recipe;
        private final List<Problem> problems = new ArrayList<>();
        // Steps and parameters share one name space because a formula cannot tell them apart;
        // unit procedures and operations each have their own.
        private final Map<String, String> valueNames = new HashMap<>();
        private final Map<String, String> unitProcedureIds = new HashMap<>();
        private final Map<String, String> operationIds = new HashMap<>();
        private final Map<String, Parameter> parameters = new HashMap<>();
        private final Map<String, FormulaItem> formula = new HashMap<>();
        private final List<PlacedStep> allSteps = new ArrayList<>();
        /** Steps with a usable, unique id: only these take part in the sequence checks. */
        private final List<PlacedStep> steps = new ArrayList<>();

        Run(RecipeDocument recipe) {
            this.recipe = recipe;
        }

        List<Problem> all() {
            header();
            parameters();
            formula();
            procedure();
            lengths();
            StepGraph graph = new StepGraph(StepGraph.byId(steps));
            allSteps.forEach(this::stepRules);
            steps.forEach(this::sequence);
            problems.addAll(graph.cycles());
            steps.forEach(s -> calculation(s, graph));
            try {
                exactNumbers(CanonicalJson.parse(RecipeJson.write(recipe)), "$");
            } catch (IllegalArgumentException notJson) { // not expected: JSON-B writes valid JSON
                add("$", "the document has no JSON form: " + notJson.getMessage());
            }
            return List.copyOf(problems);
        }

        /**
         * The content hash is taken over the RFC 8785 form, whose numbers are IEEE-754 doubles; a
         * number with more digits than that holds would be changed by hashing, so it is refused at its
         * place instead.
         */
        private void exactNumbers(Object node, String path) {
            if (node instanceof Map<?, ?> members) {
                members.forEach((name, value) -> exactNumbers(value, path + "." + name));
            } else if (node instanceof List<?> elements) {
                for (int i = 0; i < elements.size(); i++) {
                    exactNumbers(elements.get(i), path + "[" + i + "]");
                }
            } else if (node instanceof BigDecimal number && !CanonicalJson.hasExactNumber(number)) {
                add(path, Numbers.text(number) + " cannot be written exactly as a JSON number (an IEEE-754 double:"
                        + " about 15 significant digits, magnitudes up to 1.7E+308); shorten it");
            }
        }

        private void header() {
            if (required("$.recipeId", recipe.recipeId(), "recipe id") && !RECIPE_ID.matcher(recipe.recipeId()).matches()) {
                add("$.recipeId", "recipe id '" + recipe.recipeId() + "' must be 1 to 64 letters, digits, '.', '_' or '-',"
                        + " starting with a letter or digit (it appears in addresses and signatures)");
            }
            required("$.product", recipe.product(), "product");
            required("$.material", recipe.material(), "material");
            if (recipe.version() < 1) {
                add("$.version", "version must be 1 or more, not " + recipe.version());
            }
            if (recipe.nominalBatchSize() == null) {
                add("$.nominalBatchSize", "nominal batch size is required");
            } else if (recipe.nominalBatchSize().signum() <= 0) {
                add("$.nominalBatchSize", "nominal batch size must be more than 0");
            }
            quantityUnit("$.batchSizeUnit", recipe.batchSizeUnit(), "batch size unit");
        }

        private void parameters() {
            List<Parameter> list = orEmpty(recipe.parameters());
            for (int i = 0; i < list.size(); i++) {
                String at = "$.parameters[" + i + "]";
                Parameter parameter = list.get(i);
                if (parameter == null) {
                    add(at, "parameter is empty");
                    continue;
                }
                if (referenceableName(at + ".name", parameter.name(), "parameter name")) {
                    uniqueName(at + ".name", parameter.name(), valueNames);
                    parameters.putIfAbsent(parameter.name(), parameter);
                }
                if (parameter.value() == null) {
                    add(at + ".value", "value of parameter '" + parameter.name() + "' is required");
                }
                if (parameter.unit() != null) {
                    knownUnit(at + ".unit", parameter.unit());
                }
            }
        }

        private void formula() {
            List<FormulaItem> list = orEmpty(recipe.formula());
            for (int i = 0; i < list.size(); i++) {
                String at = "$.formula[" + i + "]";
                FormulaItem item = list.get(i);
                if (item == null) {
                    add(at, "formula item is empty");
                    continue;
                }
                if (required(at + ".material", item.material(), "material")
                        && formula.putIfAbsent(item.material(), item) != null) {
                    add(at + ".material", "material '" + item.material() + "' is already in the formula");
                }
                quantity(at, item.quantity(), item.unit(), item.tolerancePercent(), "quantity");
            }
        }

        private void procedure() {
            List<UnitProcedure> unitProcedures = orEmpty(recipe.unitProcedures());
            if (unitProcedures.isEmpty()) {
                add("$.unitProcedures", "a recipe needs at least one unit procedure");
            }
            for (int u = 0; u < unitProcedures.size(); u++) {
                String at = "$.unitProcedures[" + u + "]";
                UnitProcedure unitProcedure = unitProcedures.get(u);
                if (unitProcedure == null) {
                    add(at, "unit procedure is empty");
                    continue;
                }
                element(at, unitProcedure.id(), unitProcedure.name(), unitProcedureIds);
                List<Operation> operations = orEmpty(unitProcedure.operations());
                if (operations.isEmpty()) {
                    add(at + ".operations", "a unit procedure needs at least one operation");
                }
                for (int o = 0; o < operations.size(); o++) {
                    operation(at + ".operations[" + o + "]", operations.get(o));
                }
            }
        }

        private void operation(String at, Operation operation) {
            if (operation == null) {
                add(at, "operation is empty");
                return;
            }
            element(at, operation.id(), operation.name(), operationIds);
            qualifications(at + ".qualifications", operation.qualifications());
            List<Step> list = orEmpty(operation.steps());
            if (list.isEmpty()) {
                add(at + ".steps", "an operation needs at least one step");
            }
            for (int s = 0; s < list.size(); s++) {
                String stepAt = at + ".steps[" + s + "]";
                Step step = list.get(s);
                if (step == null) {
                    add(stepAt, "step is empty");
                    continue;
                }
                PlacedStep placed = new PlacedStep(stepAt, step);
                allSteps.add(placed);
                if (element(stepAt, step.id(), step.name(), valueNames)) {
                    steps.add(placed);
                }
            }
        }

        /** Id and name of a unit procedure, operation or step; true if the id is usable and unique. */
        private boolean element(String at, String id, String name, Map<String, String> nameSpace) {
            required(at + ".name", name, "name");
            return referenceableName(at + ".id", id, "id") && uniqueName(at + ".id", id, nameSpace);
        }

        private void stepRules(PlacedStep placed) {
            Step step = placed.step();
            String at = placed.path();
            qualifications(at + ".qualifications", step.qualifications());
            if (step.signatures() == null) {
                add(at + ".signatures", "every step states who signs it: {\"verifierRequired\": true} for a second"
                        + " person's verification (four eyes), false for the performer alone");
            } else if (step.signatures().verifierRequired() == null) {
                add(at + ".signatures.verifierRequired", "verifierRequired is required: true (four eyes) or false");
            }
            if (step.type() == null) {
                add(at + ".type", "step type is required");
                return;
            }
            switch (step.type()) {
                case INSTRUCTION -> required(at + ".instruction", step.instruction(), "instruction of an INSTRUCTION step");
                case NUMERIC_ENTRY -> {
                    if (step.numeric() == null) {
                        add(at + ".numeric", "a NUMERIC_ENTRY step needs a numeric spec (unit, precision, limits)");
                    }
                }
                case CALCULATION -> required(at + ".formula", step.formula(), "formula of a CALCULATION step");
                case MATERIAL_CHARGE -> {
                    if (step.charge() == null) {
                        add(at + ".charge", "a MATERIAL_CHARGE step needs a charge (material, quantity, unit)");
                    }
                }
                case EQUIPMENT_CHECK -> required(at + ".equipmentClass", step.equipmentClass(),
                        "equipment class of an EQUIPMENT_CHECK step");
                case MACHINE_VALUE -> required(at + ".tag", step.tag(), "tag of a MACHINE_VALUE step");
                case CHOICE_ENTRY -> choices(at, step.choices());
                case TEXT_ENTRY, SAMPLING -> {
                    // nothing beyond id and name is required
                }
            }
            if (step.statistic() != null && (step.type() != StepType.MACHINE_VALUE
                    || !Step.STATISTICS.contains(step.statistic()))) {
                add(at + ".statistic", step.type() != StepType.MACHINE_VALUE ? "only a MACHINE_VALUE step records a"
                        + " statistic" : "statistic must be one of " + Step.STATISTICS);
            }
            if (step.numeric() != null) {
                NumericSpecRules.check(at + ".numeric", step.numeric(), problems);
            }
            if (step.charge() != null) {
                charge(at + ".charge", step.charge());
            }
        }

        /**
         * Each qualification a code a training record can have, so that the requirement can be met,
         * each once, and only a few (a step's requirement adds to its operation's, which it need not
         * repeat but may).
         */
        private void qualifications(String at, List<String> codes) {
            List<String> list = orEmpty(codes);
            if (list.size() > RecipeLimits.QUALIFICATIONS) {
                add(at, "at most " + RecipeLimits.QUALIFICATIONS + " qualifications per operation or step, not "
                        + list.size());
            }
            Map<String, String> seen = new HashMap<>();
            for (int i = 0; i < list.size(); i++) {
                String code = list.get(i);
                String codeAt = at + "[" + i + "]";
                if (code == null || code.isBlank()) {
                    add(codeAt, "qualification is empty");
                } else if (!Training.QUALIFICATION.matcher(code).matches()) {
                    add(codeAt, "qualification '" + code + "' must be a code of 2 to 100 capital letters, digits,"
                            + " '.', '_' or '-' as training records name it, e.g. OP-ASEPTIC-FILLING");
                } else if (seen.putIfAbsent(code, codeAt) != null) {
                    add(codeAt, "qualification '" + code + "' is already required at " + seen.get(code));
                }
            }
        }

        private void choices(String at, List<String> choices) {
            List<String> list = orEmpty(choices);
            if (list.stream().filter(c -> c != null && !c.isBlank()).distinct().count() < 2) {
                add(at + ".choices", "a CHOICE_ENTRY step needs at least 2 different, non-blank choices");
            }
        }

        private void charge(String at, MaterialCharge charge) {
            quantity(at, charge.quantityPerBatch(), charge.unit(), charge.tolerancePercent(), "quantityPerBatch");
            if (!required(at + ".material", charge.material(), "material")) {
                return;
            }
            FormulaItem item = formula.get(charge.material());
            if (item == null) {
                add(at + ".material", "material '" + charge.material() + "' is not in the formula");
                return;
            }
            Optional<Unit> chargeUnit = Unit.of(charge.unit());
            Optional<Unit> formulaUnit = Unit.of(item.unit());
            if (chargeUnit.isPresent() && formulaUnit.isPresent() && !chargeUnit.get().convertsTo(formulaUnit.get())) {
                add(at + ".unit", "unit '" + charge.unit() + "' (" + chargeUnit.get().dimension()
                        + ") does not match unit '" + item.unit() + "' (" + formulaUnit.get().dimension()
                        + ") of material '" + charge.material() + "' in the formula");
            }
        }

        /**
         * A quantity may be absent for "as needed" (q.s.) materials such as pH adjusters, but then a
         * tolerance has nothing to apply to.
         */
        private void quantity(String at, BigDecimal quantity, String unit, BigDecimal tolerance, String field) {
            if (quantity != null && quantity.signum() <= 0) {
                add(at + "." + field, "quantity must be more than 0, not " + Numbers.text(quantity));
            }
            quantityUnit(at + ".unit", unit, "unit");
            if (tolerance == null) {
                return;
            }
            if (quantity == null) {
                add(at + ".tolerancePercent", "tolerance without quantity: a tolerance needs a quantity to apply to");
            }
            if (tolerance.signum() < 0 || tolerance.compareTo(BigDecimal.valueOf(100)) > 0) {
                add(at + ".tolerancePercent", "tolerance must be between 0 and 100 %, not " + Numbers.text(tolerance));
            }
        }

        private void sequence(PlacedStep placed) {
            List<String> after = orEmpty(placed.step().after());
            for (int i = 0; i < after.size(); i++) {
                String id = after.get(i);
                if (parameters.containsKey(id)) {
                    add(placed.path() + ".after[" + i + "]", "'" + id + "' is a parameter, not a step");
                } else if (id == null || !valueNames.containsKey(id)) {
                    add(placed.path() + ".after[" + i + "]", "runs after unknown step '" + id + "'");
                }
            }
        }

        /** A calculation may only read values that exist when it runs; otherwise the batch would stall. */
        private void calculation(PlacedStep placed, StepGraph graph) {
            Step step = placed.step();
            if (step.type() != StepType.CALCULATION || step.formula() == null || step.formula().isBlank()) {
                return;
            }
            String at = placed.path() + ".formula";
            Formula formula;
            try {
                formula = Formula.parse(step.formula());
            } catch (ParseError e) {
                add(at, "formula '" + step.formula() + "' is not valid: " + e.getMessage());
                return;
            }
            Set<String> before = graph.predecessors(placed.id());
            for (String name : formula.references()) {
                if (parameters.containsKey(name)) {
                    continue;
                }
                Optional<PlacedStep> source = steps.stream().filter(s -> s.id().equals(name)).findFirst();
                if (source.isEmpty()) {
                    add(at, "formula refers to unknown value '" + name + "' (neither a parameter nor a step)");
                } else if (!VALUE_STEPS.contains(source.get().step().type())) {
                    add(at, "formula refers to '" + name + "', a " + source.get().step().type()
                            + " step, which has no numeric value");
                } else if (!before.contains(name)) {
                    add(at, "formula refers to '" + name + "', which is not recorded before this step"
                            + " (it must come earlier through 'after')");
                }
            }
            units(at, formula, step);
        }

        /**
         * Values in different units are never added or compared unconverted (kg + g), and a result in
         * a known unit must be recorded in that unit.
         */
        private void units(String at, Formula formula, Step step) {
            Map<String, String> units = new HashMap<>();
            parameters.values().stream().filter(p -> p.unit() != null).forEach(p -> units.put(p.name(), p.unit()));
            steps.stream().map(PlacedStep::step)
                    .filter(s -> VALUE_STEPS.contains(s.type()) && s.numeric() != null && s.numeric().unit() != null)
                    .forEach(s -> units.putIfAbsent(s.id(), s.numeric().unit()));
            List<String> mismatches = new ArrayList<>();
            String result = formula.unit(units, mismatches);
            mismatches.forEach(mismatch -> add(at, "formula " + mismatch));
            String recorded = step.numeric() == null ? null : step.numeric().unit();
            if (result != null && recorded != null && !result.equals(recorded)) {
                add(at, "formula gives a value in " + result + ", but the step records " + recorded
                        + "; convert in the formula or record in " + result);
            }
        }

        private boolean referenceableName(String at, String name, String what) {
            if (!required(at, name, what)) {
                return false;
            }
            if (!Formula.isIdentifier(name)) {
                add(at, what + " '" + name + "' must be letters, digits and '_', starting with a letter or '_',"
                        + " so that formulas can refer to it");
                return false;
            }
            return true;
        }

        private boolean uniqueName(String at, String name, Map<String, String> nameSpace) {
            String first = nameSpace.putIfAbsent(name, at);
            if (first != null) {
                add(at, "duplicate id '" + name + "': already used at " + first);
                return false;
            }
            return true;
        }

        private void quantityUnit(String at, String symbol, String what) {
            if (!required(at, symbol, what)) {
                return;
            }
            knownUnit(at, symbol).filter(u -> !QUANTITY_DIMENSIONS.contains(u.dimension()))
                    .ifPresent(u -> add(at, what + " must be a mass, volume or count, not '" + symbol
                            + "' (" + u.dimension() + ")"));
        }

        private Optional<Unit> knownUnit(String at, String symbol) {
            Optional<Unit> unit = Unit.of(symbol);
            if (unit.isEmpty()) {
                add(at, NumericSpecRules.unknownUnit(symbol));
            }
            return unit;
        }

        /** Every text within its limit ({@link RecipeLimits}), each one too long named at its place. */
        private void lengths() {
            bounded("$.product", recipe.product(), "product", RecipeLimits.NAME);
            bounded("$.material", recipe.material(), "material", RecipeLimits.NAME);
            List<Parameter> parameterList = orEmpty(recipe.parameters());
            for (int i = 0; i < parameterList.size(); i++) {
                if (parameterList.get(i) != null) {
                    bounded("$.parameters[" + i + "].name", parameterList.get(i).name(), "parameter name", RecipeLimits.ID);
                }
            }
            List<FormulaItem> items = orEmpty(recipe.formula());
            for (int i = 0; i < items.size(); i++) {
                if (items.get(i) != null) {
                    bounded("$.formula[" + i + "].material", items.get(i).material(), "material", RecipeLimits.NAME);
                }
            }
            List<UnitProcedure> units = orEmpty(recipe.unitProcedures());
            for (int u = 0; u < units.size(); u++) {
                UnitProcedure unit = units.get(u);
                if (unit == null) {
                    continue;
                }
                String unitAt = "$.unitProcedures[" + u + "]";
                bounded(unitAt + ".id", unit.id(), "id", RecipeLimits.ID);
                bounded(unitAt + ".name", unit.name(), "name", RecipeLimits.NAME);
                List<Operation> operations = orEmpty(unit.operations());
                for (int o = 0; o < operations.size(); o++) {
                    Operation operation = operations.get(o);
                    if (operation == null) {
                        continue;
                    }
                    String operationAt = unitAt + ".operations[" + o + "]";
                    bounded(operationAt + ".id", operation.id(), "id", RecipeLimits.ID);
                    bounded(operationAt + ".name", operation.name(), "name", RecipeLimits.NAME);
                    List<Step> stepList = orEmpty(operation.steps());
                    for (int s = 0; s < stepList.size(); s++) {
                        if (stepList.get(s) != null) {
                            stepLengths(operationAt + ".steps[" + s + "]", stepList.get(s));
                        }
                    }
                }
            }
        }

        private void stepLengths(String at, Step step) {
            bounded(at + ".id", step.id(), "id", RecipeLimits.ID);
            bounded(at + ".name", step.name(), "name", RecipeLimits.NAME);
            bounded(at + ".instruction", step.instruction(), "instruction", RecipeLimits.TEXT);
            bounded(at + ".formula", step.formula(), "formula", RecipeLimits.TEXT);
            bounded(at + ".equipmentClass", step.equipmentClass(), "equipment class", RecipeLimits.NAME);
            bounded(at + ".tag", step.tag(), "machine tag", RecipeLimits.NAME);
            if (step.charge() != null) {
                bounded(at + ".charge.material", step.charge().material(), "material", RecipeLimits.NAME);
            }
            List<String> choiceList = orEmpty(step.choices());
            for (int i = 0; i < choiceList.size(); i++) {
                bounded(at + ".choices[" + i + "]", choiceList.get(i), "choice", RecipeLimits.NAME);
            }
        }

        private void bounded(String at, String value, String what, int limit) {
            if (value != null && value.length() > limit) {
                add(at, what + " must be at most " + limit + " characters, not " + value.length());
            }
        }

        private boolean required(String at, String value, String what) {
            if (value == null || value.isBlank()) {
                add(at, what + " is required");
                return false;
            }
            return true;
        }

        private void add(String location, String message) {
            problems.add(new Problem(location, message));
        }

        private static <T> List<T> orEmpty(List<T> list) {
            return list == null ? List.of() : list;
        }
    }
}
