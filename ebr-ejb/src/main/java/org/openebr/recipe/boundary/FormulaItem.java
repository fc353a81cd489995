package org.openebr.recipe.boundary;

import java.math.BigDecimal;

/** One line of the bill of materials, for the nominal batch size. */
public record FormulaItem(String material, BigDecimal quantity, String unit, BigDecimal tolerancePercent) {
}
