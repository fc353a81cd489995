package org.openebr.equipment.control;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.openebr.equipment.boundary.EquipmentRefused;
import org.openebr.equipment.boundary.EquipmentRefused.Reason;
import org.openebr.equipment.boundary.EquipmentUse;
import org.openebr.equipment.entity.EquipmentStatus;
import org.openebr.equipment.entity.EquipmentUnit;
import org.openebr.equipment.entity.Qualification;
import org.openebr.recipe.boundary.EquipmentCheck;

/**
 * Whether a unit may be used as asked, as a pure function of the unit, the use and the time, so
 * that every caller (dispensing, batch execution, a terminal asking before use) gets the same answer.
 *
 * <p>Always, whatever the recipe checks: the class the step names, out of service, maintenance,
 * another batch holding the unit, the wear limit, and an overdue calibration of a calibrated class
 * (21 CFR 211.68: equipment past its calibration date is not used). By the step's checks: CLEAN (and
 * a clean unit within its clean-hold), CLEAN_HOLD_TIME, QUALIFIED. The first rule broken is the
 * answer, naming the unit and the value.
 */
public final class AdmissionRules {

    private AdmissionRules() {
    }

    public static Optional<EquipmentRefused> refusal(EquipmentUnit unit, EquipmentUse use, Instant now) {
        String id = unit.equipmentId();
        String className = unit.equipmentClass().name();
        Set<EquipmentCheck> checks = use.checks() == null ? Set.of() : use.checks();
        if (use.equipmentClass() != null && !use.equipmentClass().strip().equalsIgnoreCase(className)) {
            return refuse(Reason.WRONG_CLASS, id + " is a " + className + ", not a " + use.equipmentClass().strip()
                    + " as the step requires.");
        }
        if (unit.status() == EquipmentStatus.OUT_OF_SERVICE) {
            return refuse(Reason.OUT_OF_SERVICE, id + " is out of service (since " + unit.statusSince() + ").");
        }
        if (unit.status() == EquipmentStatus.MAINTENANCE) {
            return refuse(Reason.IN_MAINTENANCE, id + " is under maintenance (since " + unit.statusSince() + ").");
        }
        if (unit.status() == EquipmentStatus.IN_USE && !unit.statusBatch().equals(use.batch())) {
            return refuse(Reason.IN_USE, id + " is in use by batch " + unit.statusBatch() + ".");
        }
        if (unit.wearLimitReached()) {
            return refuse(Reason.WEAR_LIMIT_REACHED, id + " has reached its wear limit: used " + unit.usageCount()
                    + " times, limit " + unit.wearLimit() + ".");
        }
        if (unit.calibrationOverdue(now)) {
            return refuse(Reason.CALIBRATION_OVERDUE, unit.calibrationDue() == null
                    ? id + " has no calibration recorded; a " + className + " is used only while calibrated."
                    : id + ": calibration overdue since " + unit.calibrationDue() + ".");
        }
        if (checks.contains(EquipmentCheck.QUALIFIED) && unit.qualification() != Qualification.QUALIFIED) {
            return refuse(Reason.NOT_QUALIFIED, id + " is " + unit.qualification() + ".");
        }
        boolean clean = checks.contains(EquipmentCheck.CLEAN);
        if (clean && unit.status() != EquipmentStatus.CLEAN && unit.status() != EquipmentStatus.IN_USE) {
            return refuse(Reason.NOT_CLEAN, id + " is " + unit.status() + (unit.dirtyHoldExceeded(now)
                    ? " and has waited for cleaning longer than its dirty-hold time (since " + unit.statusSince() + ")"
                    : " (since " + unit.statusSince() + ")") + "; it is used only after a verified cleaning.");
        }
        if ((clean || checks.contains(EquipmentCheck.CLEAN_HOLD_TIME)) && unit.cleanHoldExpired(now)) {
            return refuse(Reason.CLEAN_HOLD_EXPIRED, id + ": clean-hold expired at " + unit.cleanUntil()
                    + "; clean it again before use.");
        }
        if (checks.contains(EquipmentCheck.CLEAN_HOLD_TIME) && !clean && unit.status() == EquipmentStatus.DIRTY) {
            return refuse(Reason.NOT_CLEAN, id + " is DIRTY (since " + unit.statusSince() + "); it has no clean-hold"
                    + " time left to check.");
        }
        return Optional.empty();
    }

    private static Optional<EquipmentRefused> refuse(Reason reason, String message) {
        return Optional.of(new EquipmentRefused(reason, message));
    }
}
