package org.openebr.material.boundary;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One entry of a container's history, in order.
 *
 * @param kind                 RECEIVED, DISPENSED (weighed into it), DISPENSED_FROM, SPLIT, MOVED, HANDED_OVER, EMPTIED
 * @param receivedBySignature  the receiving person confirmed the hand-over with their password
 * @param flag                 what a reviewer must look at, e.g. a use at a place it was never transferred to
 */
public record CustodyEvent(int seq, String kind, BigDecimal quantity, BigDecimal balance, String unit,
                           String fromLocation, String toLocation, String fromPerson, String toPerson,
                           boolean receivedBySignature, String reference, String flag, String recordedBy,
                           Instant recordedAt, String reason) {
}
