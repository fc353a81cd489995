package org.openebr.ui.recipe;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openebr.platform.boundary.DomainException;
import org.openebr.recipe.boundary.FormulaItem;
import org.openebr.recipe.boundary.Operation;
import org.openebr.recipe.boundary.Parameter;
import org.openebr.recipe.boundary.RecipeDocument;
import org.openebr.recipe.boundary.Step;
import org.openebr.recipe.boundary.UnitProcedure;

/**
 * One problem of a recipe as an author reads it: the place in words ("Step 'ph' in compounding /
 * ph_control, lower action limit") rather than the JSON path the server reports, the path for
 * reference, and the form the place is in so that the page can take the author there.
 *
 * @param element the working copy's form at that place (a unit procedure, operation or step form), or null
 */
public record RecipeProblem(String place, String path, String message, Serializable element) implements Serializable {

    private static final Pattern SEGMENT = Pattern.compile("\\.(\\w+)|\\[(\\d+)]");

    /** The words for the fields a problem may name; any other field is shown as the document spells it. */
    private static final Map<String, String> FIELDS = Map.ofEntries(
            Map.entry("recipeId", "recipe id"),
            Map.entry("nominalBatchSize", "nominal batch size"),
            Map.entry("batchSizeUnit", "batch size unit"),
            Map.entry("numeric", "numeric spec"),
            Map.entry("numeric.unit", "unit"),
            Map.entry("numeric.precision", "precision (decimals)"),
            Map.entry("numeric.target", "target"),
            Map.entry("numeric.lower", "lower action limit"),
            Map.entry("numeric.upper", "upper action limit"),
            Map.entry("numeric.alertLower", "lower alert limit"),
            Map.entry("numeric.alertUpper", "upper alert limit"),
            Map.entry("charge", "material charge"),
            Map.entry("charge.material", "charged material"),
            Map.entry("charge.quantityPerBatch", "charged quantity per batch"),
            Map.entry("charge.unit", "charge unit"),
            Map.entry("charge.tolerancePercent", "charge tolerance (%)"),
            Map.entry("tolerancePercent", "tolerance (%)"),
            Map.entry("equipmentClass", "equipment class"),
            Map.entry("equipmentChecks", "equipment checks"),
            Map.entry("tag", "machine tag"),
            Map.entry("after", "runs after"),
            Map.entry("qualifications", "qualifications"),
            Map.entry("signatures", "signatures"));

    /**
     * @param document the document the paths point into (what was checked or saved)
     * @param draft    the working copy it was made from, to link each problem to its form; may be null
     */
    public static List<RecipeProblem> of(List<DomainException.Violation> violations, RecipeDocument document,
            RecipeDraft draft) {
        return violations.stream().map(v -> new RecipeProblem(place(v.field(), document), v.field(), v.message(),
                draft == null ? null : draft.elementAt(v.field()))).toList();
    }

    /** "place: message", for a single line. */
    public String text() {
        return place + ": " + message;
    }

    static String place(String path, RecipeDocument document) {
        if (path == null || path.isBlank() || path.equals("$")) {
            return "Recipe";
        }
        if (!path.startsWith("$")) {
            return path.equals("reason") ? "Reason for the change" : path;
        }
        Matcher m = SEGMENT.matcher(path);
        List<String> names = new ArrayList<>();
        List<Integer> indexes = new ArrayList<>();
        int end = 1;
        while (m.find(end) && m.start() == end) {
            names.add(m.group(1));
            indexes.add(m.group(2) == null ? null : Integer.valueOf(m.group(2)));
            end = m.end();
        }
        if (end != path.length() || names.isEmpty() || names.get(0) == null) {
            return path; // not a path this page knows: show it as the server wrote it
        }
        return new Walk(names, indexes, document).place();
    }

    /** Follows a path segment by segment through the document, naming each element by its id. */
    private static final class Walk {

        private final List<String> names;
        private final List<Integer> indexes;
        private final RecipeDocument document;
        private int at;

        Walk(List<String> names, List<Integer> indexes, RecipeDocument document) {
            this.names = names;
            this.indexes = indexes;
            this.document = document;
        }

        String place() {
            String first = names.get(at++);
            Integer i = index();
            return switch (first) {
                case "parameters" -> i == null ? "Parameters" : with("Parameter " + named(
                        element(document == null ? null : document.parameters(), i), Parameter::name, i));
                case "formula" -> i == null ? "Formula" : with("Formula item " + named(
                        element(document == null ? null : document.formula(), i), FormulaItem::material, i));
                case "unitProcedures" -> i == null ? "Procedure"
                        : unitProcedure(element(document == null ? null : document.unitProcedures(), i), i);
                default -> "Recipe header, " + FIELDS.getOrDefault(first, first);
            };
        }

        private String unitProcedure(UnitProcedure unit, int u) {
            String unitName = named(unit, UnitProcedure::id, u);
            if (!next("operations")) {
                return with("Unit procedure " + unitName);
            }
            Integer o = index();
            if (o == null) {
                return with("Operations of unit procedure " + unitName);
            }
            Operation operation = unit == null ? null : element(unit.operations(), o);
            String where = bare(unit, UnitProcedure::id, u) + " / " + bare(operation, Operation::id, o);
            if (!next("steps")) {
                return with("Operation " + where);
            }
            Integer s = index();
            if (s == null) {
                return with("Steps of operation " + where);
            }
            Step step = operation == null ? null : element(operation.steps(), s);
            return with("Step " + named(step, Step::id, s) + " in " + where);
        }

        /** The element, then the rest of the path as a field: "..., lower action limit". */
        private String with(String element) {
            if (at >= names.size()) {
                return element;
            }
            StringBuilder field = new StringBuilder();
            StringBuilder position = new StringBuilder();
            for (; at < names.size(); at++) {
                if (names.get(at) != null) {
                    field.append(field.isEmpty() ? "" : ".").append(names.get(at));
                } else {
                    position.append(" no. ").append(indexes.get(at) + 1);
                }
            }
            return element + ", " + FIELDS.getOrDefault(field.toString(), field.toString()) + position;
        }

        private boolean next(String name) {
            if (at < names.size() && name.equals(names.get(at))) {
                at++;
                return true;
            }
            return false;
        }

        private Integer index() {
            if (at < names.size() && names.get(at) == null) {
                return indexes.get(at++);
            }
            return null;
        }

        private static <T> T element(List<T> list, int i) {
            return list == null || i >= list.size() ? null : list.get(i);
        }

        private static <T> String named(T element, Function<T, String> id, int i) {
            String name = element == null ? null : id.apply(element);
            return name == null || name.isBlank() ? "no. " + (i + 1) : "'" + name + "'";
        }

        private static <T> String bare(T element, Function<T, String> id, int i) {
            String name = element == null ? null : id.apply(element);
            return name == null || name.isBlank() ? "no. " + (i + 1) : name;
        }
    }
}
