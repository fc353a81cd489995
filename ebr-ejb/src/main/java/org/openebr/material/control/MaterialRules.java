package org.openebr.material.control;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.util.List;
import org.openebr.material.boundary.MaterialRefused;
import org.openebr.material.boundary.QuantityUnit;
import org.openebr.material.entity.Lot;
import org.openebr.material.entity.LotStatus;
import org.openebr.platform.boundary.DomainException;

/**
 * The rules a use of material follows, in one place, so that dispensing and the material gate
 * refuse alike: only a released lot, not expired and not past its retest date, is used (EU GMP
 * 5.31, 5.35; 21 CFR 211.84, 211.87); quantities are above zero and convert only within a
 * dimension; a weighing is within the tolerance of its target.
 */
public final class MaterialRules {

    private MaterialRules() {
    }

    /** The status that counts today: EXPIRED once the expiry date is past, else the recorded one. */
    public static String statusOn(Lot lot, LocalDate today) {
        return lot.expiredOn(today) ? "EXPIRED" : lot.status().name();
    }

    public static boolean usable(Lot lot, LocalDate today) {
        return lot.status() == LotStatus.RELEASED && !lot.expiredOn(today) && !lot.retestDueOn(today);
    }

    /** Refuses the use of a lot's material unless it is released, unexpired and not past retest. */
    public static void requireUsable(Lot lot, LocalDate today) {
        switch (lot.status()) {
            case QUARANTINE -> throw new MaterialRefused(MaterialRefused.Reason.LOT_QUARANTINED, "Lot " + lot.lotId()
                    + " is in QUARANTINE: QA has not released it, so its material cannot be used.");
            case REJECTED -> throw new MaterialRefused(MaterialRefused.Reason.LOT_REJECTED, "Lot " + lot.lotId()
                    + " is REJECTED by QA (" + lot.statusReason() + "); its material is never used.");
            case BLOCKED -> throw new MaterialRefused(MaterialRefused.Reason.LOT_BLOCKED, "Lot " + lot.lotId()
                    + " is BLOCKED by QA (" + lot.statusReason() + "); its material cannot be used until QA lifts the block.");
            case RELEASED -> { }
        }
        if (lot.expiredOn(today)) {
            throw new MaterialRefused(MaterialRefused.Reason.LOT_EXPIRED, "Lot " + lot.lotId() + " expired on "
                    + lot.expiryDate() + " (today is " + today + "); expired material is never used.");
        }
        if (lot.retestDueOn(today)) {
            throw new MaterialRefused(MaterialRefused.Reason.LOT_RETEST_DUE, "Lot " + lot.lotId() + " was due for retest on "
                    + lot.retestDate() + " (today is " + today + "); it can be used again only after QC retests it.");
        }
    }

    /** A known unit symbol, or a refusal naming the field and the units taken. */
    public static QuantityUnit unit(String symbol, String field) {
        return QuantityUnit.of(symbol).orElseThrow(() -> new MaterialRefused(MaterialRefused.Reason.UNIT_UNKNOWN,
                "'" + symbol + "' is not a unit of material quantities; use one of " + QuantityUnit.symbols() + ".",
                List.of(new DomainException.Violation(field, "one of " + QuantityUnit.symbols()))));
    }

    /** A quantity in another unit, refused when the two units measure different things. */
    public static BigDecimal convert(BigDecimal value, QuantityUnit from, QuantityUnit to, String what, String field) {
        if (!from.convertsTo(to)) {
            throw new MaterialRefused(MaterialRefused.Reason.UNIT_NOT_CONVERTIBLE, what + " is kept in " + to.symbol()
                    + " (" + to.dimension().name().toLowerCase() + "); " + value.toPlainString() + " " + from.symbol()
                    + " (" + from.dimension().name().toLowerCase() + ") does not convert to it.",
                    List.of(new DomainException.Violation(field, "a unit of " + to.dimension().name().toLowerCase()
                            + " such as " + to.symbol())));
        }
        return from.convert(value, to);
    }

    /** Refuses a missing, zero or negative quantity, naming the field. */
    public static BigDecimal positive(BigDecimal value, String field) {
        if (value == null || value.signum() <= 0) {
            throw new MaterialRefused(MaterialRefused.Reason.QUANTITY_NOT_POSITIVE, "The quantity '" + field + "' must be"
                    + " above zero, not " + (value == null ? "missing" : value.toPlainString()) + ".",
                    List.of(new DomainException.Violation(field, "above zero")));
        }
        return value;
    }

    /** Whether a quantity lies within +/- tolerancePercent of the target. */
    public static boolean withinTolerance(BigDecimal actual, BigDecimal target, BigDecimal tolerancePercent) {
        BigDecimal allowed = target.multiply(tolerancePercent).divide(BigDecimal.valueOf(100), MathContext.DECIMAL64);
        return actual.subtract(target).abs().compareTo(allowed) <= 0;
    }

    /** The tolerance band as words, e.g. "453.6 g +/- 0.5 % (451.332 to 455.868 g)". */
    public static String band(BigDecimal target, BigDecimal tolerancePercent, String unit) {
        BigDecimal allowed = target.multiply(tolerancePercent).divide(BigDecimal.valueOf(100), MathContext.DECIMAL64);
        return target.stripTrailingZeros().toPlainString() + " " + unit + " +/- " + tolerancePercent.stripTrailingZeros()
                .toPlainString() + " % (" + target.subtract(allowed).stripTrailingZeros().toPlainString() + " to "
                + target.add(allowed).stripTrailingZeros().toPlainString() + " " + unit + ")";
    }

    /** The reason for a change: required, at most 1000 characters. */
    public static String reason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw incomplete("Say why (reason for the change): it is part of the audit trail.", "reason", "is required");
        }
        if (reason.length() > 1000) {
            throw incomplete("The reason is longer than 1000 characters.", "reason", "at most 1000 characters");
        }
        return reason.strip();
    }

    /** A refusal of incomplete input, naming the field. */
    public static MaterialRefused incomplete(String message, String field, String what) {
        return new MaterialRefused(MaterialRefused.Reason.INCOMPLETE, message, List.of(new DomainException.Violation(field, what)));
    }
}
