package org.openebr.batch.control;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.openebr.recipe.boundary.Operation;
import org.openebr.recipe.boundary.Parameter;
import org.openebr.recipe.boundary.RecipeDocument;
import org.openebr.recipe.boundary.ScaledFormula;
import org.openebr.recipe.boundary.Step;
import org.openebr.recipe.boundary.UnitProcedure;

/**
 * The control recipe of a batch, read once from its snapshot: every step in document order with its
 * unit procedure and operation, the qualifications it requires (its operation's and its own), and for
 * a material charge its quantity scaled to the batch. Immutable, so it is shared between requests.
 */
public final class ControlRecipe {

    /**
     * One step where it stands in the recipe.
     *
     * @param charge the scaled charge of a MATERIAL_CHARGE step, else null
     */
    public record Placed(UnitProcedure unitProcedure, Operation operation, Step step, ScaledFormula.Quantity charge,
                         Set<String> qualifications) {
        public String id() {
            return step.id();
        }

        public List<String> after() {
            return step.after() == null ? List.of() : step.after();
        }

        public boolean verifierRequired() {
            return step.signatures() != null && Boolean.TRUE.equals(step.signatures().verifierRequired());
        }
    }

    private final RecipeDocument document;
    private final ScaledFormula scaled;
    private final Map<String, Placed> steps;

    private ControlRecipe(RecipeDocument document, ScaledFormula scaled, Map<String, Placed> steps) {
        this.document = document;
        this.scaled = scaled;
        this.steps = steps;
    }

    public static ControlRecipe of(RecipeDocument document, ScaledFormula scaled) {
        Map<String, ScaledFormula.Quantity> charges = new LinkedHashMap<>();
        for (ScaledFormula.Quantity q : scaled.charges()) {
            charges.put(q.stepId(), q);
        }
        Map<String, Placed> steps = new LinkedHashMap<>();
        for (UnitProcedure up : orEmpty(document.unitProcedures())) {
            for (Operation op : orEmpty(up.operations())) {
                for (Step step : orEmpty(op.steps())) {
                    Set<String> qualifications = new LinkedHashSet<>();
                    qualifications.addAll(orEmpty(op.qualifications()));
                    qualifications.addAll(orEmpty(step.qualifications()));
                    steps.put(step.id(), new Placed(up, op, step, charges.get(step.id()),
                            Collections.unmodifiableSet(qualifications)));
                }
            }
        }
        return new ControlRecipe(document, scaled, Collections.unmodifiableMap(steps));
    }

    public RecipeDocument document() {
        return document;
    }

    public ScaledFormula scaled() {
        return scaled;
    }

    public Optional<Placed> step(String stepId) {
        return Optional.ofNullable(stepId == null ? null : steps.get(stepId));
    }

    /** Every step, in the order of the document. */
    public Collection<Placed> steps() {
        return steps.values();
    }

    /**
     * The recipe's parameters by name, for calculations, as for this batch: a parameter that scales
     * with the batch size is multiplied by the batch's scale factor, as the formula was.
     */
    public Map<String, BigDecimal> parameters() {
        Map<String, BigDecimal> values = new LinkedHashMap<>();
        for (Parameter p : orEmpty(document.parameters())) {
            values.put(p.name(), p.scalesWithBatch() && p.value() != null ? p.value().multiply(scaled.factor()) : p.value());
        }
        return values;
    }

    /** The steps that run after the given one (directly), for telling what a done step makes available. */
    public List<String> successors(String stepId) {
        List<String> next = new ArrayList<>();
        for (Placed p : steps.values()) {
            if (p.after().contains(stepId)) {
                next.add(p.id());
            }
        }
        return next;
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}
