package org.openebr.batch.entity;

/** How a recorded value stands against its limits. */
public enum Judgement {
    IN_SPEC,
    /** Outside the alert limits, within the action limits: a warning. */
    ALERT,
    /** Outside the action limits: a deviation is raised. */
    OUT_OF_SPEC
}
