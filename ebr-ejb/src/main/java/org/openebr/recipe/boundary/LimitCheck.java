package org.openebr.recipe.boundary;

/** Where a value lies against the limits of a {@link NumericSpec}. */
public enum LimitCheck {
    /** Within the alert limits (or within the action limits when there are no alert limits). */
    WITHIN,
    /** Within the action limits but outside the alert limits: a warning, no deviation needed. */
    ALERT,
    /** Outside the action limits: a deviation is required. */
    OUT_OF_LIMITS
}
