package org.openebr.recipe.boundary;

import java.math.BigDecimal;

/** A named recipe value that calculations may use, e.g. {@code theoretical_vials}. */
public record Parameter(String name, BigDecimal value, String unit) {
}
