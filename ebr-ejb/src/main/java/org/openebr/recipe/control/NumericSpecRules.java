package org.openebr.recipe.control;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import org.openebr.recipe.boundary.NumericSpec;
import org.openebr.recipe.boundary.Unit;

/** The consistency rules of a numeric spec: a known unit, a sensible precision, limits in order. */
final class NumericSpecRules {

    private NumericSpecRules() {
    }

    static void check(String at, NumericSpec spec, List<Problem> problems) {
        if (spec.unit() == null || spec.unit().isBlank()) {
            problems.add(new Problem(at + ".unit", "unit is required"));
        } else if (Unit.of(spec.unit()).isEmpty()) {
            problems.add(new Problem(at + ".unit", unknownUnit(spec.unit())));
        }
        if (spec.precision() == null) {
            problems.add(new Problem(at + ".precision", "precision is required: the number of decimals the value is recorded with"));
        } else if (spec.precision() < 0) {
            problems.add(new Problem(at + ".precision", "precision must be 0 or more decimals, not " + spec.precision()));
        } else {
            finerThanPrecision(at, spec, problems);
        }
        BigDecimal lower = spec.lower();
        BigDecimal upper = spec.upper();
        if (lower != null && upper != null && lower.compareTo(upper) > 0) {
            problems.add(new Problem(at, "lower limit " + plain(lower) + " is above upper limit " + plain(upper)));
            return; // the band is meaningless, so is anything measured against it
        }
        if (spec.alertLower() != null && spec.alertUpper() != null && spec.alertLower().compareTo(spec.alertUpper()) > 0) {
            problems.add(new Problem(at, "lower alert limit " + plain(spec.alertLower())
                    + " is above upper alert limit " + plain(spec.alertUpper())));
        }
        // An alert limit outside the action band would warn only after the deviation is due.
        outsideActionLimits(at, "lower alert limit", spec.alertLower(), spec, problems);
        outsideActionLimits(at, "upper alert limit", spec.alertUpper(), spec, problems);
        outsideActionLimits(at, "target", spec.target(), spec, problems);
    }

    private static void outsideActionLimits(String at, String what, BigDecimal value, NumericSpec spec,
            List<Problem> problems) {
        if (value == null) {
            return;
        }
        boolean below = spec.lower() != null && value.compareTo(spec.lower()) < 0;
        boolean above = spec.upper() != null && value.compareTo(spec.upper()) > 0;
        if (below || above) {
            problems.add(new Problem(at, what + " " + plain(value) + " is outside the action limits "
                    + plain(spec.lower()) + " to " + plain(spec.upper())));
        }
    }

    /** A limit with more decimals than values are recorded with could never be met exactly. */
    private static void finerThanPrecision(String at, NumericSpec spec, List<Problem> problems) {
        BigDecimal[] limits = {spec.target(), spec.lower(), spec.upper(), spec.alertLower(), spec.alertUpper()};
        for (BigDecimal limit : limits) {
            if (limit != null && limit.stripTrailingZeros().scale() > spec.precision()) {
                problems.add(new Problem(at + ".precision", "limit " + plain(limit) + " has more decimals than the precision "
                        + spec.precision()));
            }
        }
    }

    static String unknownUnit(String symbol) {
        return "unknown unit '" + symbol + "'; known units are "
                + Arrays.stream(Unit.values()).map(Unit::symbol).collect(Collectors.joining(", "));
    }

    private static String plain(BigDecimal value) {
        return value == null ? "(none)" : Numbers.text(value);
    }
}
