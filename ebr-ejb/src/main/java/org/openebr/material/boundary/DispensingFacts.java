package org.openebr.material.boundary;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A dispensing as recorded.
 *
 * @param locationFlag set when the source container was used at a place it was never transferred to
 * @param sourceBalance what the source container holds after it, in its unit
 */
public record DispensingFacts(String dispensingId, String sourceContainerId, String dispensedContainerId, String lotId,
                             String materialNumber, String batch, String step, BigDecimal target,
                             BigDecimal tolerancePercent, BigDecimal gross, BigDecimal tare, BigDecimal net,
                             String unit, String balanceId, String location, String locationFlag, String performedBy,
                             String verifiedBy, Instant dispensedAt, BigDecimal sourceBalance, String sourceUnit) {
}
