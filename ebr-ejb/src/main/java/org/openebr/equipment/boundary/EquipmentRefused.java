package org.openebr.equipment.boundary;

import java.util.List;
import org.openebr.platform.boundary.DomainException;
import org.openebr.platform.boundary.Refusal;

/**
 * An equipment command, or a use of a unit, that the rules refuse. The gate's refusals each have
 * their own kind, and their message names the unit and the value that broke the rule.
 */
public class EquipmentRefused extends DomainException {

    private static final long serialVersionUID = 1L;

    /** Why. */
    public enum Reason implements Refusal.Reason {
        /** No unit has the equipment id (or barcode) given. */
        @Declared(category = Category.NOT_FOUND, kind = "equipment-unknown")
        UNKNOWN_UNIT,
        /** The unit is not of the class the step names. */
        @Declared(category = Category.CONFLICT, kind = "equipment-wrong-class")
        WRONG_CLASS,
        /** The unit is not clean (dirty, or a cleaning not yet verified). */
        @Declared(category = Category.CONFLICT, kind = "equipment-not-clean")
        NOT_CLEAN,
        /** The unit was cleaned, but longer ago than its clean-hold time allows. */
        @Declared(category = Category.CONFLICT, kind = "equipment-clean-hold-expired")
        CLEAN_HOLD_EXPIRED,
        /** The calibration is due or was never done (21 CFR 211.68, EU GMP 3.41). */
        @Declared(category = Category.CONFLICT, kind = "equipment-calibration-overdue")
        CALIBRATION_OVERDUE,
        @Declared(category = Category.CONFLICT, kind = "equipment-out-of-service")
        OUT_OF_SERVICE,
        @Declared(category = Category.CONFLICT, kind = "equipment-in-maintenance")
        IN_MAINTENANCE,
        @Declared(category = Category.CONFLICT, kind = "equipment-not-qualified")
        NOT_QUALIFIED,
        /** Another batch has the unit. */
        @Declared(category = Category.CONFLICT, kind = "equipment-in-use")
        IN_USE,
        /** The usage counter reached the unit's wear limit (MES-TOOL-1). */
        @Declared(category = Category.CONFLICT, kind = "equipment-wear-limit-reached")
        WEAR_LIMIT_REACHED,
        /** No equipment class of that name. */
        @Declared(category = Category.NOT_FOUND, kind = "equipment-class-unknown")
        UNKNOWN_CLASS,
        /** A required input is missing or malformed. */
        @Declared(category = Category.INVALID, kind = "equipment-input-incomplete")
        INCOMPLETE,
        /** The equipment id or class name exists already. */
        @Declared(category = Category.CONFLICT, kind = "equipment-duplicate")
        DUPLICATE,
        /** The unit's status does not allow the event. */
        @Declared(category = Category.CONFLICT, kind = "equipment-state")
        STATE,
        /** The caller's role does not allow this event on a unit. */
        @Declared(category = Category.NOT_PERMITTED, kind = "equipment-not-permitted")
        NOT_PERMITTED,
        /** Someone else changed the unit at the same moment. */
        @Declared(category = Category.CONFLICT, kind = "equipment-conflict")
        CONFLICT;
    }

    public EquipmentRefused(Reason reason, String message) {
        super(reason, message);
    }

    public EquipmentRefused(Reason reason, String message, List<Violation> violations) {
        super(reason, message, violations);
    }

    public Reason reason() {
        return (Reason) refusal();
    }
}
