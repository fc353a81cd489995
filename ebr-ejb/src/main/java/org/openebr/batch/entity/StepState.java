package org.openebr.batch.entity;

/**
 * What has been done on a step. Whether an OPEN step is available is not stored: it follows from the
 * states of the steps it runs after (see {@code org.openebr.batch.control.Sequence}).
 */
public enum StepState {
    /** Nothing recorded yet. */
    OPEN,
    /** A value is recorded (or corrected) and waits for its performer's signature. */
    RECORDED,
    /** Signed by its performer; waits for the verifier's signature. */
    PERFORMED,
    /** Signed as the recipe requires. */
    DONE
}
