package org.openebr.recipe.boundary;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A group of steps within a unit procedure, e.g. "weighing" or "pH adjustment" (ISA-88).
 *
 * @param qualifications the training records (qualification codes such as {@code OP-ASEPTIC-FILLING})
 *                       a person must currently hold to perform any step of this operation; absent or
 *                       empty: none beyond the steps' own. Last, because documents written before it
 *                       existed are read without it (and hash as they did: absent values are left out).
 */
@JsonbPropertyOrder({"id", "name", "steps", "qualifications"})
public record Operation(String id, String name, List<Step> steps, List<String> qualifications) {

    /**
     * What a person must be currently trained for to perform {@code step} of this operation: the
     * operation's qualifications, then the step's own, each once (absent and blank entries skipped).
     */
    public List<String> qualificationsFor(Step step) {
        Set<String> required = new LinkedHashSet<>();
        add(required, qualifications);
        if (step != null) {
            add(required, step.qualifications());
        }
        return List.copyOf(required);
    }

    private static void add(Set<String> into, List<String> codes) {
        if (codes != null) {
            codes.stream().filter(Objects::nonNull).map(String::strip).filter(c -> !c.isEmpty()).forEach(into::add);
        }
    }
}
