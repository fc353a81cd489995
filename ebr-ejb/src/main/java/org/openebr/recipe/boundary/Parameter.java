package org.openebr.recipe.boundary;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.math.BigDecimal;

/**
 * A named recipe value that calculations may use, e.g. {@code theoretical_vials}. {@code scaled}:
 * the value is for the recipe's nominal batch size and a batch of another size scales it by the same
 * factor as the formula (the theoretical number of vials of a half batch is half); absent or false for
 * values that do not depend on the batch size (a fill volume). Documents without it import unchanged.
 */
@JsonbPropertyOrder({"name", "value", "unit", "scaled"})
public record Parameter(String name, BigDecimal value, String unit, Boolean scaled) {

    /** Whether the value scales with the batch size. */
    public boolean scalesWithBatch() {
        return Boolean.TRUE.equals(scaled);
    }
}
