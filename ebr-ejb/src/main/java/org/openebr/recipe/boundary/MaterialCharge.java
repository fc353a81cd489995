package org.openebr.recipe.boundary;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.math.BigDecimal;

/** What a weighing or charging step adds to the batch, for the nominal batch size. */
@JsonbPropertyOrder({"material", "quantityPerBatch", "unit", "tolerancePercent"})
public record MaterialCharge(String material, BigDecimal quantityPerBatch, String unit, BigDecimal tolerancePercent) {
}
