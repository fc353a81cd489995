package org.openebr.recipe.boundary;

import java.math.BigDecimal;
import java.util.List;

/**
 * A version's bill of materials and material charges scaled to an actual batch size: what a control
 * recipe asks the operator to dispense.
 *
 * @param factor actual batch size / nominal batch size (in the nominal unit)
 */
public record ScaledFormula(String recipeId, int version, BigDecimal nominalBatchSize, BigDecimal actualBatchSize,
                            String batchSizeUnit, BigDecimal factor, List<Quantity> formula, List<Quantity> charges) {

    /**
     * One scaled quantity with its tolerance band (absent for "as needed" materials).
     *
     * @param stepId the material charge step, or null for a line of the formula
     * @param lower  the lowest acceptable quantity, rounded towards the nominal so it never widens the band
     * @param upper  the highest acceptable quantity, likewise
     */
    public record Quantity(String stepId, String material, BigDecimal nominalQuantity, BigDecimal quantity, String unit,
                           BigDecimal tolerancePercent, BigDecimal lower, BigDecimal upper, Scaling scaling) {
    }
}
