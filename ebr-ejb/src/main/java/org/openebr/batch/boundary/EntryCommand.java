package org.openebr.batch.boundary;

import java.time.Instant;

/**
 * What a person records on a step; which parts are needed depends on the step's type: a value and its
 * unit (numeric entry, machine value typed by hand), a text, a choice, an acknowledgement (instruction,
 * calculation), a scanned container, equipment unit or sample id.
 *
 * @param value       the value as typed, in plain decimal notation
 * @param reason      required for a correction, a late entry and a machine value typed by hand
 * @param performedAt when the work was done, if earlier than now: an entry more than
 *                    {@code Execution.LATE_AFTER} after it is recorded as late (with the server's time)
 */
public record EntryCommand(String value, String unit, String text, String choice, Boolean acknowledged,
                           String containerId, String equipmentId, String sampleId, String reason, Instant performedAt) {

    public static EntryCommand value(String value, String unit) {
        return new EntryCommand(value, unit, null, null, null, null, null, null, null, null);
    }
}
