package org.openebr.material.boundary;

import java.math.BigDecimal;

/**
 * What a charge step of a batch needs of a container: the material, the batch and step it was
 * dispensed for, and the scaled target with its tolerance.
 */
public record MaterialUse(String containerId, String materialNumber, String batch, String step,
                          BigDecimal scaledTarget, BigDecimal tolerancePercent, String unit) {
}
