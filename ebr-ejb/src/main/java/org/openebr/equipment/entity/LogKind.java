package org.openebr.equipment.entity;

/** What a logbook entry records. */
public enum LogKind {
    /** The unit was registered, with its state at that moment. */
    REGISTERED,
    /** A status event of its own: out of service, back in service, marked dirty. */
    STATUS,
    /** One use by a batch step (the usage counter counts these). */
    USE,
    /** A batch took the unit (IN_USE). */
    OCCUPIED,
    /** The batch released the unit (DIRTY). */
    RELEASED,
    /** A cleaning, awaiting its verification by a second person. */
    CLEANING,
    /** The second person's verification of a cleaning (a signature): the unit is CLEAN. */
    CLEANING_VERIFIED,
    CALIBRATION,
    MAINTENANCE,
    QUALIFICATION
}
