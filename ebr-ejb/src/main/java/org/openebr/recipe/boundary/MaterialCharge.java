package org.openebr.recipe.boundary;

import java.math.BigDecimal;

/** What a weighing or charging step adds to the batch, for the nominal batch size. */
public record MaterialCharge(String material, BigDecimal quantityPerBatch, String unit, BigDecimal tolerancePercent) {
}
