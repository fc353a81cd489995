package org.openebr.equipment.boundary;

import java.time.Instant;

/**
 * A unit the gate admitted, with what a batch record keeps of it at that moment.
 *
 * @param calibrationDue null when the class is not calibrated
 * @param cleanUntil     null when the unit is not clean or its class has no clean-hold time
 */
public record EquipmentAdmission(String equipmentId, String equipmentClass, String status, Instant calibrationDue,
                                 Instant cleanUntil) {
}
