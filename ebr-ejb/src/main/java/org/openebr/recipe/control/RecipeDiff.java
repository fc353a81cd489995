package org.openebr.recipe.control;

import static org.openebr.recipe.boundary.ChangeKind.ADDED;
import static org.openebr.recipe.boundary.ChangeKind.CHANGED;
import static org.openebr.recipe.boundary.ChangeKind.MOVED;
import static org.openebr.recipe.boundary.ChangeKind.REMOVED;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.openebr.recipe.boundary.ChangeKind;
import org.openebr.recipe.boundary.FormulaItem;
import org.openebr.recipe.boundary.MaterialCharge;
import org.openebr.recipe.boundary.NumericSpec;
import org.openebr.recipe.boundary.Operation;
import org.openebr.recipe.boundary.Parameter;
import org.openebr.recipe.boundary.RecipeChange;
import org.openebr.recipe.boundary.RecipeComparison;
import org.openebr.recipe.boundary.RecipeDocument;
import org.openebr.recipe.boundary.RecipeElement;
import org.openebr.recipe.boundary.Scaling;
import org.openebr.recipe.boundary.SignatureRequirement;
import org.openebr.recipe.boundary.Step;
import org.openebr.recipe.boundary.Unit;
import org.openebr.recipe.boundary.UnitProcedure;

/**
 * What changed between two versions of a master recipe, so that change control approves the
 * change instead of reviewing the whole document again (EU GMP Annex 11, 10).
 *
 * <p>Elements are matched by what identifies them, never by position: parameters by name, formula
 * items by material, unit procedures, operations and steps by id. Operation and step ids are unique
 * in a document, so one found under another parent is MOVED (and its field changes are listed as
 * well), not removed and added. Steps are sequenced only by {@code after}, which is compared as a
 * set, as are equipment checks and qualifications; the order in which a list shows its elements (the steps of an
 * operation, the operations of a unit procedure, the unit procedures, parameters and formula items)
 * is what the operator and the reviewer read, so a new order of the elements kept under the same
 * parent is one CHANGED entry of the parent, field {@code order}; choices are compared as a list. Numbers are compared by
 * value (2.10 is 2.1), an absent list is an empty one, absent scaling is LINEAR. The recipe id and
 * version are not compared: the version always differs.
 *
 * <p>Order, the same for the same two documents: header fields, parameters, formula items, then the
 * procedure in the order of the new document, each unit procedure followed by its operations and
 * each operation by its steps. Within a list, elements of the new version come first (ADDED, or
 * MOVED and then CHANGED field by field in record order), then the ones removed from that list in
 * the order of the old version, each followed by its removed children; removed unit procedures
 * come last.
 */
public final class RecipeDiff {

    private static final RecipeDocument EMPTY = new RecipeDocument(null, 0, null, null, null, null, null, null, null);

    private static final List<Field<RecipeDocument>> HEADER = List.of(
            new Field<>("product", "product", RecipeDocument::product),
            new Field<>("material", "material", RecipeDocument::material),
            new Field<>("nominalBatchSize", "nominal batch size", RecipeDocument::nominalBatchSize),
            new Field<>("batchSizeUnit", "batch size unit", RecipeDocument::batchSizeUnit));
    private static final List<Field<Parameter>> PARAMETER = List.of(
            new Field<>("value", null, Parameter::value),
            new Field<>("unit", "unit", Parameter::unit),
            new Field<>("scaled", "scales with the batch size", p -> p.scalesWithBatch() ? "yes" : "no"));
    private static final List<Field<FormulaItem>> FORMULA_ITEM = List.of(
            new Field<>("quantity", "quantity", FormulaItem::quantity),
            new Field<>("unit", "unit", FormulaItem::unit),
            new Field<>("tolerancePercent", "tolerance (%)", FormulaItem::tolerancePercent),
            new Field<>("scaling", "scaling", f -> Objects.requireNonNullElse(f.scaling(), Scaling.LINEAR)));
    private static final List<Field<UnitProcedure>> UNIT_PROCEDURE = List.of(
            new Field<>("name", "name", UnitProcedure::name));
    private static final List<Field<Operation>> OPERATION = List.of(
            new Field<>("name", "name", Operation::name),
            new Field<>("qualifications", "qualifications", o -> set(o.qualifications())));
    private static final List<Field<Step>> STEP = List.of(
            new Field<>("name", "name", Step::name),
            new Field<>("type", "type", Step::type),
            new Field<>("after", "predecessors (after)", s -> set(s.after())),
            new Field<>("instruction", "instruction", Step::instruction),
            new Field<>("numeric.unit", "unit", s -> get(s.numeric(), NumericSpec::unit)),
            new Field<>("numeric.precision", "precision (decimals)", s -> get(s.numeric(), NumericSpec::precision)),
            new Field<>("numeric.target", "target", s -> get(s.numeric(), NumericSpec::target)),
            new Field<>("numeric.lower", "lower action limit", s -> get(s.numeric(), NumericSpec::lower)),
            new Field<>("numeric.upper", "upper action limit", s -> get(s.numeric(), NumericSpec::upper)),
            new Field<>("numeric.alertLower", "lower alert limit", s -> get(s.numeric(), NumericSpec::alertLower)),
            new Field<>("numeric.alertUpper", "upper alert limit", s -> get(s.numeric(), NumericSpec::alertUpper)),
            new Field<>("formula", "formula", Step::formula),
            new Field<>("charge.material", "charged material", s -> get(s.charge(), MaterialCharge::material)),
            new Field<>("charge.quantityPerBatch", "charged quantity per batch",
                    s -> get(s.charge(), MaterialCharge::quantityPerBatch)),
            new Field<>("charge.unit", "charge unit", s -> get(s.charge(), MaterialCharge::unit)),
            new Field<>("charge.tolerancePercent", "charge tolerance (%)",
                    s -> get(s.charge(), MaterialCharge::tolerancePercent)),
            new Field<>("equipmentClass", "equipment class", Step::equipmentClass),
            new Field<>("tag", "machine tag", Step::tag),
            new Field<>("statistic", "machine value statistic", Step::statistic),
            new Field<>("choices", "choices", s -> list(s.choices())),
            new Field<>("signatures.verifierRequired", "verifier required (four eyes)",
                    s -> get(s.signatures(), SignatureRequirement::verifierRequired)),
            new Field<>("equipmentChecks", "equipment checks", s -> set(s.equipmentChecks())),
            new Field<>("qualifications", "qualifications", s -> set(s.qualifications())));

    private RecipeDiff() {
    }

    /**
     * Compares two versions; an absent document counts as an empty one. The hashes are only carried
     * into the result, so that it names the content that was compared.
     */
    public static RecipeComparison compare(RecipeDocument from, String fromContentHash, RecipeDocument to,
            String toContentHash) {
        RecipeDocument older = from == null ? EMPTY : from;
        RecipeDocument newer = to == null ? EMPTY : to;
        String recipeId = newer.recipeId() != null ? newer.recipeId() : older.recipeId();
        List<RecipeChange> changes = new Run(recipeId, older, newer).all();
        return RecipeComparison.of(recipeId, older.version(), newer.version(), fromContentHash, toContentHash,
                changes);
    }

    /** One comparable field of an element; {@code label} is what the summary calls it (null: the element itself). */
    private record Field<T>(String name, String label, Function<T, ?> value) {
    }

    /** An operation or step under its parent's key. */
    private record Placed<T>(String parent, T value) {
    }

    /** The procedure of one document by key, in document order. */
    private static final class Procedure {

        final Map<String, UnitProcedure> units = new LinkedHashMap<>();
        final Map<String, Placed<Operation>> operations = new LinkedHashMap<>();
        final Map<String, Placed<Step>> steps = new LinkedHashMap<>();

        Procedure(RecipeDocument recipe) {
            for (UnitProcedure unit : list(recipe.unitProcedures())) {
                String unitKey = put(units, unit.id(), unit);
                for (Operation operation : list(unit.operations())) {
                    String operationKey = put(operations, operation.id(), new Placed<>(unitKey, operation));
                    for (Step step : list(operation.steps())) {
                        put(steps, step.id(), new Placed<>(operationKey, step));
                    }
                }
            }
        }

        /** {@code unit / operation}. */
        String path(String operationKey) {
            return operations.get(operationKey).parent() + " / " + operationKey;
        }

        static <T> List<String> children(Map<String, Placed<T>> elements, String parent) {
            return elements.entrySet().stream().filter(e -> e.getValue().parent().equals(parent))
                    .map(Map.Entry::getKey).toList();
        }
    }

    /** One comparison: the changes found so far. */
    private static final class Run {

        private final String recipeId;
        private final RecipeDocument from;
        private final RecipeDocument to;
        private final Procedure before;
        private final Procedure after;
        private final List<RecipeChange> changes = new ArrayList<>();

        Run(String recipeId, RecipeDocument from, RecipeDocument to) {
            this.recipeId = recipeId;
            this.from = from;
            this.to = to;
            this.before = new Procedure(from);
            this.after = new Procedure(to);
        }

        List<RecipeChange> all() {
            fields(RecipeElement.RECIPE, recipeId, "header", "Recipe header", HEADER, from, to);
            order(RecipeElement.RECIPE, recipeId, "parameters", "Recipe", "parameters",
                    List.copyOf(index(from.parameters(), Parameter::name).keySet()),
                    List.copyOf(index(to.parameters(), Parameter::name).keySet()));
            keyed(RecipeElement.PARAMETER, "Parameter", "parameters", from.parameters(), to.parameters(),
                    Parameter::name, PARAMETER, RecipeDiff::describe);
            order(RecipeElement.RECIPE, recipeId, "formula", "Recipe", "formula items",
                    List.copyOf(index(from.formula(), FormulaItem::material).keySet()),
                    List.copyOf(index(to.formula(), FormulaItem::material).keySet()));
            keyed(RecipeElement.FORMULA_ITEM, "Formula item", "formula", from.formula(), to.formula(),
                    FormulaItem::material, FORMULA_ITEM, RecipeDiff::describe);
            order(RecipeElement.RECIPE, recipeId, "procedure", "Recipe", "unit procedures",
                    List.copyOf(before.units.keySet()), List.copyOf(after.units.keySet()));
            after.units.forEach((key, unit) -> {
                UnitProcedure was = before.units.get(key);
                if (was == null) {
                    add(ADDED, RecipeElement.UNIT_PROCEDURE, key, key, null, null, describe(unit),
                            "Unit procedure '" + key + "' added");
                } else {
                    fields(RecipeElement.UNIT_PROCEDURE, key, key, "Unit procedure '" + key + "'", UNIT_PROCEDURE,
                            was, unit);
                    order(RecipeElement.UNIT_PROCEDURE, key, key, "Unit procedure '" + key + "'", "operations",
                            Procedure.children(before.operations, key), Procedure.children(after.operations, key));
                }
                Procedure.children(after.operations, key).forEach(this::operation);
                removedOperations(key);
            });
            before.units.forEach((key, unit) -> {
                if (!after.units.containsKey(key)) {
                    add(REMOVED, RecipeElement.UNIT_PROCEDURE, key, key, null, describe(unit), null,
                            "Unit procedure '" + key + "' removed");
                    removedOperations(key);
                }
            });
            return changes;
        }

        private void operation(String key) {
            Placed<Operation> now = after.operations.get(key);
            Placed<Operation> was = before.operations.get(key);
            String subject = "Operation '" + key + "'";
            if (was == null) {
                add(ADDED, RecipeElement.OPERATION, key, after.path(key), null, null, describe(now.value()),
                        subject + " added to " + now.parent());
            } else {
                if (!was.parent().equals(now.parent())) {
                    add(MOVED, RecipeElement.OPERATION, key, after.path(key), null, was.parent(), now.parent(),
                            subject + " moved from " + was.parent() + " to " + now.parent());
                }
                fields(RecipeElement.OPERATION, key, after.path(key), subject, OPERATION, was.value(), now.value());
                order(RecipeElement.OPERATION, key, after.path(key), subject, "steps",
                        Procedure.children(before.steps, key), Procedure.children(after.steps, key));
            }
            Procedure.children(after.steps, key).forEach(this::step);
            removedSteps(key);
        }

        private void step(String key) {
            Placed<Step> now = after.steps.get(key);
            Placed<Step> was = before.steps.get(key);
            String at = after.path(now.parent());
            String subject = "Step '" + key + "'";
            if (was == null) {
                add(ADDED, RecipeElement.STEP, key, at + " / " + key, null, null, describe(now.value()),
                        subject + " added to " + at);
                return;
            }
            String wasAt = before.path(was.parent());
            if (!wasAt.equals(at)) {
                add(MOVED, RecipeElement.STEP, key, at + " / " + key, null, wasAt, at,
                        subject + " moved from " + wasAt + " to " + at);
            }
            String name = now.value().name();
            fields(RecipeElement.STEP, key, at + " / " + key, name == null ? subject : subject + " (" + name + ")",
                    STEP, was.value(), now.value());
        }

        /** The operations of an old unit procedure that are in no unit procedure of the new version. */
        private void removedOperations(String unitKey) {
            for (String key : Procedure.children(before.operations, unitKey)) {
                if (!after.operations.containsKey(key)) {
                    add(REMOVED, RecipeElement.OPERATION, key, before.path(key), null,
                            describe(before.operations.get(key).value()), null,
                            "Operation '" + key + "' removed from " + unitKey);
                    removedSteps(key);
                }
            }
        }

        private void removedSteps(String operationKey) {
            for (String key : Procedure.children(before.steps, operationKey)) {
                if (!after.steps.containsKey(key)) {
                    String at = before.path(operationKey);
                    add(REMOVED, RecipeElement.STEP, key, at + " / " + key, null,
                            describe(before.steps.get(key).value()), null, "Step '" + key + "' removed from " + at);
                }
            }
        }

        /** A flat list keyed by one field: new ones in new order, then removed ones in old order. */
        private <T> void keyed(RecipeElement element, String noun, String section, List<T> older, List<T> newer,
                Function<T, String> key, List<Field<T>> fields, Function<T, String> describe) {
            Map<String, T> was = index(older, key);
            Map<String, T> now = index(newer, key);
            now.forEach((k, item) -> {
                String subject = noun + " '" + k + "'";
                if (was.containsKey(k)) {
                    fields(element, k, section + " / " + k, subject, fields, was.get(k), item);
                } else {
                    add(ADDED, element, k, section + " / " + k, null, null, describe.apply(item), subject + " added");
                }
            });
            was.forEach((k, item) -> {
                if (!now.containsKey(k)) {
                    add(REMOVED, element, k, section + " / " + k, null, describe.apply(item), null,
                            noun + " '" + k + "' removed");
                }
            });
        }

        /**
         * The elements kept in both versions under the same parent, compared by their order; the
         * added, removed and moved ones are reported on their own and do not count as a new order.
         */
        private void order(RecipeElement element, String id, String path, String subject, String children,
                List<String> older, List<String> newer) {
            List<String> wasOrder = older.stream().filter(newer::contains).toList();
            List<String> nowOrder = newer.stream().filter(older::contains).toList();
            if (!wasOrder.equals(nowOrder)) {
                add(CHANGED, element, id, path, "order", text(wasOrder), text(nowOrder),
                        subject + ": order of " + children + " changed from " + text(wasOrder) + " to "
                                + text(nowOrder));
            }
        }

        private <T> void fields(RecipeElement element, String id, String path, String subject, List<Field<T>> fields,
                T was, T now) {
            for (Field<T> field : fields) {
                Object a = field.value().apply(was);
                Object b = field.value().apply(now);
                if (!same(a, b)) {
                    String what = field.label() == null ? subject : subject + ": " + field.label();
                    add(CHANGED, element, id, path, field.name(), text(a), text(b),
                            what + " changed from " + Objects.requireNonNullElse(text(a), "none") + " to "
                                    + Objects.requireNonNullElse(text(b), "none"));
                }
            }
        }

        private void add(ChangeKind kind, RecipeElement element, String id, String path, String field, String was,
                String now, String summary) {
            changes.add(new RecipeChange(kind, element, id, path, field, was, now, summary));
        }
    }

    // --- keys, values and descriptions

    private static <T> Map<String, T> index(List<T> elements, Function<T, String> key) {
        Map<String, T> index = new LinkedHashMap<>();
        list(elements).forEach(e -> put(index, key.apply(e), e));
        return index;
    }

    /**
     * Adds under the id, or under {@code id#2}, {@code id#3} when it is taken: a duplicated or
     * missing id (an invalid import) must still show its element, not hide it behind another.
     */
    private static <V> String put(Map<String, V> map, String id, V value) {
        String base = Objects.requireNonNullElse(id, "(no id)");
        String key = base;
        for (int n = 2; map.containsKey(key); n++) {
            key = base + "#" + n;
        }
        map.put(key, value);
        return key;
    }

    private static boolean same(Object a, Object b) {
        if (a instanceof BigDecimal x && b instanceof BigDecimal y) {
            return x.compareTo(y) == 0;
        }
        return Objects.equals(a, b);
    }

    private static String text(Object value) {
        if (value instanceof BigDecimal number) {
            return Numbers.text(number);
        }
        if (value instanceof Collection<?> values) {
            return values.stream().map(RecipeDiff::text).collect(Collectors.joining(", ", "[", "]"));
        }
        return value == null ? null : value.toString();
    }

    private static <P> Object get(P parent, Function<P, ?> field) {
        return parent == null ? null : field.apply(parent);
    }

    /** The non-null elements; an absent list is an empty one. */
    private static <T> List<T> list(List<T> elements) {
        return elements == null ? List.of() : elements.stream().filter(Objects::nonNull).toList();
    }

    private static <T> Set<T> set(List<T> elements) {
        return new LinkedHashSet<>(list(elements));
    }

    private static String describe(Parameter parameter) {
        return parameter.unit() == null ? text(parameter.value()) : text(parameter.value()) + " " + parameter.unit();
    }

    private static String describe(FormulaItem item) {
        String quantity = item.quantity() == null ? "as needed" : Numbers.text(item.quantity());
        String tolerance = item.tolerancePercent() == null ? "" : " ± " + Numbers.text(item.tolerancePercent()) + " %";
        return quantity + " " + item.unit() + tolerance + ", "
                + Objects.requireNonNullElse(item.scaling(), Scaling.LINEAR);
    }

    private static String describe(UnitProcedure unit) {
        return "'" + unit.name() + "' (" + count(list(unit.operations()).size(), "operation") + ")";
    }

    private static String describe(Operation operation) {
        return "'" + operation.name() + "' (" + count(list(operation.steps()).size(), "step") + ")";
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    private static String describe(Step step) {
        return step.type() + " '" + step.name() + "'";
    }
}
