package org.openebr.recipe.boundary;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.math.BigDecimal;

/** A named recipe value that calculations may use, e.g. {@code theoretical_vials}. */
@JsonbPropertyOrder({"name", "value", "unit"})
public record Parameter(String name, BigDecimal value, String unit) {
}
