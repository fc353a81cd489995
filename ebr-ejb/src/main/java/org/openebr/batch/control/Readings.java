package org.openebr.batch.control;

import java.math.BigDecimal;
import java.util.Map;
import org.openebr.batch.boundary.BatchRefused;
import org.openebr.batch.entity.Judgement;
import org.openebr.recipe.boundary.NumericSpec;
import org.openebr.recipe.boundary.Unit;

/**
 * A value as a person typed it or an instrument showed it, checked and recorded by the recipe's rule:
 * a number, in the step's unit, with at most {@link #EXTRA_DECIMALS} more decimals than the recipe
 * records (a balance or meter shows more; they are rounded half up, and the reading is kept as typed
 * beside the recorded value), and plausible for what it measures.
 */
public final class Readings {

    /** Decimals a reading may carry beyond the recorded precision before it is refused as beyond precision. */
    public static final int EXTRA_DECIMALS = 2;

    /** No value of any quantity here reaches this (a count of a billion vials, a pH of a billion). */
    private static final BigDecimal ABSURD = new BigDecimal("1000000000");

    /** The physical ranges of the units where there is one: what no instrument can show. */
    private static final Map<String, BigDecimal[]> PHYSICAL = Map.of(
            "pH", new BigDecimal[]{BigDecimal.ZERO, new BigDecimal("14")},
            "°C", new BigDecimal[]{new BigDecimal("-273.15"), null},
            "%", new BigDecimal[]{BigDecimal.ZERO, null});

    /** The reading as given ({@code raw}) and as recorded. */
    public record Reading(String raw, BigDecimal recorded, Judgement judgement) {
    }

    private Readings() {
    }

    /** A number from its text: plain decimal notation only (no exponent, no thousands separators, no NaN). */
    public static BigDecimal number(String raw, String field) {
        if (raw == null || raw.isBlank()) {
            throw new BatchRefused(BatchRefused.Reason.INCOMPLETE, "Enter the value.", field, "is required");
        }
        String text = raw.strip();
        if (text.length() > 40 || !text.matches("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)")) {
            throw new BatchRefused(BatchRefused.Reason.NOT_A_NUMBER, "'" + shorten(text) + "' is not a number; enter"
                    + " digits with a decimal point, e.g. 7.02.", field, "a number");
        }
        return new BigDecimal(text);
    }

    public static Reading read(String raw, String unit, NumericSpec spec, String stepName) {
        BigDecimal value = number(raw, "value");
        if (unit == null || unit.isBlank()) {
            throw new BatchRefused(BatchRefused.Reason.INCOMPLETE, "Give the unit of the value: " + stepName
                    + " is recorded in " + spec.unit() + ".", "unit", "is required (" + spec.unit() + ")");
        }
        if (!unit.strip().equals(spec.unit())) {
            throw new BatchRefused(BatchRefused.Reason.WRONG_UNIT, stepName + " is recorded in " + spec.unit() + ", not in "
                    + shorten(unit.strip()) + "; enter the value as the instrument shows it in " + spec.unit() + ".",
                    "unit", spec.unit());
        }
        int precision = spec.precision() == null ? 0 : spec.precision();
        if (Math.max(value.scale(), 0) > precision + EXTRA_DECIMALS) {
            throw new BatchRefused(BatchRefused.Reason.BEYOND_PRECISION, stepName + " is recorded with " + precision
                    + " decimal" + (precision == 1 ? "" : "s") + "; " + value.toPlainString() + " has " + value.scale()
                    + ", more than any instrument for it shows. Enter the value as displayed.",
                    "value", "at most " + (precision + EXTRA_DECIMALS) + " decimals");
        }
        plausible(value, spec.unit(), stepName);
        BigDecimal recorded = spec.round(value);
        return new Reading(value.toPlainString(), recorded, judge(spec, recorded));
    }

    /** A value computed or given by a machine: rounded by the recipe's rule and judged. */
    public static Reading computed(BigDecimal value, NumericSpec spec) {
        BigDecimal recorded = spec == null || spec.precision() == null ? value : spec.round(value);
        return new Reading(value.toPlainString(), recorded, spec == null ? null : judge(spec, recorded));
    }

    public static void plausible(BigDecimal value, String unit, String stepName) {
        if (value.abs().compareTo(ABSURD) >= 0) {
            throw implausible(value, unit, stepName, "a value below " + ABSURD.toPlainString());
        }
        BigDecimal[] range = PHYSICAL.get(unit);
        Unit known = Unit.of(unit).orElse(null);
        boolean countable = known != null && switch (known.dimension()) {
            case MASS, VOLUME, COUNT, PRESSURE, TIME, MICROBIAL_COUNT, ROTATION -> true;
            default -> false;
        };
        if (countable && value.signum() < 0) {
            throw implausible(value, unit, stepName, "zero or more");
        }
        if (range != null && (range[0] != null && value.compareTo(range[0]) < 0 || range[1] != null && value.compareTo(range[1]) > 0)) {
            throw implausible(value, unit, stepName, (range[0] == null ? "" : "at least " + range[0].toPlainString())
                    + (range[0] != null && range[1] != null ? " and " : "")
                    + (range[1] == null ? "" : "at most " + range[1].toPlainString()));
        }
    }

    static Judgement judge(NumericSpec spec, BigDecimal recorded) {
        return switch (spec.check(recorded)) {
            case WITHIN -> Judgement.IN_SPEC;
            case ALERT -> Judgement.ALERT;
            case OUT_OF_LIMITS -> Judgement.OUT_OF_SPEC;
        };
    }

    private static BatchRefused implausible(BigDecimal value, String unit, String stepName, String expected) {
        return new BatchRefused(BatchRefused.Reason.IMPLAUSIBLE, value.toPlainString() + " " + unit + " is not a possible"
                + " value for " + stepName + " (" + expected + "); check the reading and enter it again.", "value", expected);
    }

    private static String shorten(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "..." : text;
    }
}
