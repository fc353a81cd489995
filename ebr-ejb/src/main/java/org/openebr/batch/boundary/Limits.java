package org.openebr.batch.boundary;

import java.math.BigDecimal;

/** Limits in words, the same wherever a batch shows them: "6.8 to 7.2 pH", "at least 3.4 bar", "at most 0". */
public final class Limits {

    private Limits() {
    }

    /** "6.8 to 7.2", "at least 3.4", "at most 0", or empty without limits. */
    public static String range(BigDecimal lower, BigDecimal upper) {
        if (lower != null && upper != null) {
            return lower.toPlainString() + " to " + upper.toPlainString();
        }
        if (lower != null) {
            return "at least " + lower.toPlainString();
        }
        return upper == null ? "" : "at most " + upper.toPlainString();
    }

    /** {@link #range(BigDecimal, BigDecimal)} with its unit, or empty without limits. */
    public static String range(BigDecimal lower, BigDecimal upper, String unit) {
        String range = range(lower, upper);
        return range.isEmpty() || unit == null ? range : range + " " + unit;
    }
}
