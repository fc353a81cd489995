package org.openebr.batch.boundary;

import java.util.Optional;

/**
 * The record id of a numbered record of a batch, {@code <batchId>:<number>}: a status change
 * (BATCH_STATUS), a gate override (GATE_OVERRIDE) or an addendum (BATCH_ADDENDUM).
 */
public record NumberedRecordId(String batchId, int number) {

    /** The batch and the number, or empty when the id is not of that form. */
    public static Optional<NumberedRecordId> parse(String recordId) {
        int colon = recordId == null ? -1 : recordId.lastIndexOf(':');
        if (colon <= 0) {
            return Optional.empty();
        }
        try {
            int number = Integer.parseInt(recordId.substring(colon + 1));
            return Optional.of(new NumberedRecordId(recordId.substring(0, colon), number));
        } catch (NumberFormatException notNumbered) {
            return Optional.empty();
        }
    }
}
