package org.openebr.ui.batch;

import java.util.Locale;
import java.util.Map;

/**
 * The words the batch screens show for the codes of batches, steps, judgements and deviations;
 * a badge always shows these words beside its colour. Public: the home page's worklists use them too.
 */
public final class BatchLabels {

    private static final Map<String, String> LABELS = Map.ofEntries(
            // batch status
            Map.entry("PLANNED", "Planned"),
            Map.entry("READY", "Ready"),
            Map.entry("IN_PROGRESS", "In progress"),
            Map.entry("ON_HOLD", "On hold"),
            Map.entry("COMPLETED", "Completed"),
            Map.entry("ABORTED", "Aborted"),
            Map.entry("REVIEWED", "Reviewed, awaits release"),
            Map.entry("RELEASED", "Released"),
            Map.entry("REJECTED", "Rejected"),
            // step state
            Map.entry("WAITING", "Waiting"),
            Map.entry("AVAILABLE", "Available"),
            Map.entry("RECORDED", "Recorded, awaits signature"),
            Map.entry("PERFORMED", "Performed, awaits verifier"),
            Map.entry("DONE", "Done"),
            // judgement
            Map.entry("IN_SPEC", "In spec"),
            Map.entry("ALERT", "Alert limit"),
            Map.entry("OUT_OF_SPEC", "Out of spec"),
            // deviation
            Map.entry("MINOR", "Minor"),
            Map.entry("MAJOR", "Major"),
            Map.entry("CRITICAL", "Critical"),
            Map.entry("UNCLASSIFIED", "Not classified"),
            Map.entry("OPEN", "Open"),
            Map.entry("CLOSED", "Closed"),
            Map.entry("OUT_OF_LIMITS", "Out of limits (raised by the system)"),
            Map.entry("RAISED", "Raised by a person"),
            Map.entry("GATE_OVERRIDE", "Gate overridden by a supervisor"),
            // entry kind
            Map.entry("ENTRY", "Entry"),
            Map.entry("CORRECTION", "Correction"),
            Map.entry("SAMPLE_RESULT", "Sample result"));

    private BatchLabels() {
    }

    /** The words for a code; an unknown code in words of its own ({@code SOME_CODE} reads "Some code"). */
    public static String label(String code) {
        if (code == null || code.isEmpty()) {
            return "";
        }
        String known = LABELS.get(code);
        if (known != null) {
            return known;
        }
        String text = code.toLowerCase(Locale.ROOT).replace('_', ' ');
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    /** A quantity as a person writes it: 45 rather than 45.000000 (the database keeps six decimals). */
    public static String quantity(java.math.BigDecimal value) {
        if (value == null) {
            return "";
        }
        java.math.BigDecimal plain = value.stripTrailingZeros();
        return (plain.scale() < 0 ? plain.setScale(0) : plain).toPlainString();
    }

    /** "12 of 30 steps done". */
    public static String progress(int done, int steps) {
        return done + " of " + steps + " step" + (steps == 1 ? "" : "s") + " done";
    }

    /** "no open deviation", "1 open deviation", "3 open deviations". */
    public static String openDeviations(int open) {
        return open == 0 ? "no open deviation" : open + " open deviation" + (open == 1 ? "" : "s");
    }
}
