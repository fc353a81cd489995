package org.openebr.material.boundary;

import java.math.BigDecimal;

/**
 * A weigh-and-dispense command: from a source container into a new container for one batch and
 * step, on a balance, at a place; for a controlled material with a verifier and their password.
 *
 * @param tolerancePercent the allowed deviation of the net from the target, in percent of the target
 */
public record Dispense(String sourceContainerId, String materialNumber, String batch, String step,
                       BigDecimal target, BigDecimal tolerancePercent, BigDecimal gross, BigDecimal tare, String unit,
                       String balanceId, String location, String verifier, char[] verifierPassword) {
}
