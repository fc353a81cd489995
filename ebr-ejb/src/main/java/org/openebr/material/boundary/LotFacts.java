package org.openebr.material.boundary;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A lot as read now.
 *
 * @param status         the status that counts now: EXPIRED once past the expiry date, else the recorded one
 * @param recordedStatus the status QA recorded (QUARANTINE, RELEASED, REJECTED, BLOCKED)
 * @param retestDue      past its retest date today: not usable until retested
 * @param usable         released, not expired, not past retest: its material may be used
 */
public record LotFacts(String lotId, String materialNumber, String materialName, String materialType,
                      String supplier, String supplierLot, LocalDate expiryDate, LocalDate retestDate,
                      String status, String recordedStatus, boolean expired, boolean retestDue, boolean usable,
                      String statusReason, Instant statusChangedAt, String statusChangedBy, Instant receivedAt,
                      String receivedBy, List<ContainerSummary> containers) {
}
