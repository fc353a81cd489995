package org.openebr.recipe.boundary;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * How a numeric value is recorded and judged: its unit, the number of decimals it is recorded
 * with (required: a count is recorded with 0 decimals, a pH with 2), and its limits. {@code lower}/{@code upper} are the action limits, {@code alertLower}/
 * {@code alertUpper} the optional narrower alert limits; any limit may be absent (no limit on that
 * side). All limits are inclusive: a value equal to a limit is on the good side of it.
 */
@JsonbPropertyOrder({"unit", "precision", "target", "lower", "upper", "alertLower", "alertUpper"})
public record NumericSpec(
        String unit,
        Integer precision,
        BigDecimal target,
        BigDecimal lower,
        BigDecimal upper,
        BigDecimal alertLower,
        BigDecimal alertUpper) {

    /**
     * The value as it is recorded: to {@code precision} decimals, half up. One rule, used for every
     * rendering, so that a value looks the same on screen, in the PDF, the XML and the JSON.
     */
    public BigDecimal round(BigDecimal value) {
        if (precision == null) {
            throw new IllegalStateException("a numeric spec without precision cannot round; validate the recipe first");
        }
        return value.setScale(precision, RoundingMode.HALF_UP);
    }

    /**
     * Judges a value against the limits. The value is first rounded to the recorded precision
     * (the USP General Notices 7.20 rule: compare what is recorded, not more digits than the spec
     * gives), so 7.24 with precision 1 is recorded as 7.2 and meets an upper limit of 7.2.
     */
    public LimitCheck check(BigDecimal value) {
        BigDecimal recorded = round(value);
        if (outside(recorded, lower, upper)) {
            return LimitCheck.OUT_OF_LIMITS;
        }
        if (outside(recorded, alertLower, alertUpper)) {
            return LimitCheck.ALERT;
        }
        return LimitCheck.WITHIN;
    }

    private static boolean outside(BigDecimal value, BigDecimal low, BigDecimal high) {
        return (low != null && value.compareTo(low) < 0) || (high != null && value.compareTo(high) > 0);
    }
}
