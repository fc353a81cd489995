package org.openebr.batch.entity;

/** Where a batch (process order) is in its life. */
public enum BatchStatus {
    /** Created from the effective recipe; not yet on the shop floor. */
    PLANNED,
    /** Dispatched by a supervisor to a line or room: operators may start it. */
    READY,
    /** The first entry was made. */
    IN_PROGRESS,
    /** Stopped by a supervisor's signed decision; resumed to where it was. */
    ON_HOLD,
    /** Every step done: handed to QA review. */
    COMPLETED,
    /** Stopped for good by a supervisor's signed decision. */
    ABORTED;

    /** Whether entries may be made on the batch's steps. */
    public boolean executable() {
        return this == READY || this == IN_PROGRESS;
    }

    public boolean closed() {
        return this == COMPLETED || this == ABORTED;
    }
}
