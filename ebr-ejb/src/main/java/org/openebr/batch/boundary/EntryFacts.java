package org.openebr.batch.boundary;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One entry of a step as the batch record shows it: the reading as given ({@code raw}) and as
 * recorded ({@code value}), or what was recorded instead, its judgement and deviation, and who and
 * when (the server's time; {@code performedAt} is when the person says the work was done, for a late
 * entry).
 */
public record EntryFacts(String stepId, int seq, String kind, String raw, BigDecimal value, String unit, String text,
                        boolean acknowledged, String containerId, String lotId, String equipmentId, String sampleId,
                        String judgement, boolean manual, boolean late, Instant performedAt, String reason,
                        String details, String deviationId, String recordedBy, Instant recordedAt) {

    /**
     * The value as every view of the record shows it (screens, exception list, PDF reports; record.json and
     * the BatchML carry {@code value} and {@code unit} with the same digits): the recorded value with its
     * unit, and the reading as typed beside it when the recipe's rounding changed it; or the text, the
     * equipment, the sample or the acknowledgement recorded instead.
     */
    public String shown() {
        if (value != null) {
            String recorded = value.toPlainString() + (unit == null ? "" : " " + unit);
            return raw != null && !sameNumber(raw, value) ? recorded + " (typed " + raw + ")" : recorded;
        }
        if (text != null) {
            return text;
        }
        if (equipmentId != null) {
            return equipmentId;
        }
        if (sampleId != null) {
            return "sample " + sampleId;
        }
        return acknowledged ? "done" : java.util.Objects.requireNonNullElse(raw, "-");
    }

    /** Whether the typed reading is the recorded number (7.0 and 7.00 are; 7.041 and 7.04 are not). */
    public static boolean sameNumber(String raw, BigDecimal value) {
        try {
            return new BigDecimal(raw.strip()).compareTo(value) == 0;
        } catch (NumberFormatException notANumber) {
            return raw.equals(value.toPlainString());
        }
    }
}
