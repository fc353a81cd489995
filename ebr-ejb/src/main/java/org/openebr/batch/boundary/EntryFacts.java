package org.openebr.batch.boundary;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One entry of a step as the batch record shows it: the reading as given ({@code raw}) and as
 * recorded ({@code value}), or what was recorded instead, its judgement and deviation, and who and
 * when (the server's time; {@code performedAt} is when the person says the work was done, for a late
 * entry). A MACHINE_VALUE entry says where its value came from ({@code source} OPC_UA or MANUAL) and, read
 * over OPC UA, the node, the status code with its quality (GOOD, UNCERTAIN, BAD), the source and server
 * time stamps, and what the plausibility check found (21 CFR 11.10(h); Annex 11 draft §10).
 */
public record EntryFacts(String stepId, int seq, String kind, String raw, BigDecimal value, String unit, String text,
                        boolean acknowledged, String containerId, String lotId, String equipmentId, String sampleId,
                        String judgement, boolean manual, boolean late, Instant performedAt, String reason,
                        String details, String deviationId, String recordedBy, Instant recordedAt, String source,
                        String nodeId, Long statusCode, String quality, Instant sourceTime, Instant serverTime,
                        String plausibility) {

    /** An entry that is not a MACHINE_VALUE: no source, no OPC UA facts. */
    public EntryFacts(String stepId, int seq, String kind, String raw, BigDecimal value, String unit, String text,
                      boolean acknowledged, String containerId, String lotId, String equipmentId, String sampleId,
                      String judgement, boolean manual, boolean late, Instant performedAt, String reason,
                      String details, String deviationId, String recordedBy, Instant recordedAt) {
        this(stepId, seq, kind, raw, value, unit, text, acknowledged, containerId, lotId, equipmentId, sampleId, judgement,
                manual, late, performedAt, reason, details, deviationId, recordedBy, recordedAt, null, null, null, null,
                null, null, null);
    }

    /** Whether the value was read from the equipment with a quality other than Good (it never becomes Good). */
    public boolean notGood() {
        return quality != null && !"GOOD".equals(quality);
    }

    /**
     * The value as every view of the record shows it (screens, exception list, PDF reports; record.json and
     * the BatchML carry {@code value} and {@code unit} with the same digits): the recorded value with its
     * unit, and the reading as typed (or as read from the machine) beside it when the recipe's rounding changed it; or the text, the
     * equipment, the sample or the acknowledgement recorded instead.
     */
    public String shown() {
        if (value != null) {
            String recorded = value.toPlainString() + (unit == null ? "" : " " + unit);
            return raw != null && !sameNumber(raw, value)
                    ? recorded + " (" + ("OPC_UA".equals(source) ? "read " : "typed ") + raw + ")" : recorded;
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
