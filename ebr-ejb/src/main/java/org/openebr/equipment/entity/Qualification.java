package org.openebr.equipment.entity;

/** Whether a unit's qualification (IQ/OQ/PQ, EU GMP Annex 15) is current. */
public enum Qualification {
    QUALIFIED, NOT_QUALIFIED
}
