package org.openebr.recipe.boundary;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.math.BigDecimal;

/**
 * One line of the bill of materials, for the nominal batch size.
 *
 * @param scaling how the quantity follows the actual batch size; absent means {@link Scaling#LINEAR}
 */
@JsonbPropertyOrder({"material", "quantity", "unit", "tolerancePercent", "scaling"})
public record FormulaItem(String material, BigDecimal quantity, String unit, BigDecimal tolerancePercent,
                          Scaling scaling) {
}
