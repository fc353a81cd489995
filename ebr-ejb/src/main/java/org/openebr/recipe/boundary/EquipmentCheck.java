package org.openebr.recipe.boundary;

/** What an equipment check step verifies about the unit an operator scans (EU GMP Chapter 3, 5.20). */
public enum EquipmentCheck {
    /** Its status is clean (not dirty, not in use by another batch). */
    CLEAN,
    /** Still within its clean-hold time (the time a cleaned unit may wait before use). */
    CLEAN_HOLD_TIME,
    /** Its calibration is not overdue. */
    CALIBRATED,
    /** Its qualification is current and it is not under maintenance. */
    QUALIFIED
}
