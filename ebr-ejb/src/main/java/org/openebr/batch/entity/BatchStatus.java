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
    ABORTED,
    /** QA dispositioned its exceptions, closed its deviations and reviewed its audit trail: signed REVIEWED. */
    REVIEWED,
    /** Released by a second QA person's signature: final, the record is read-only. */
    RELEASED,
    /** Rejected by a second QA person's signature: final, the record is read-only. */
    REJECTED;

    /** Whether entries may be made on the batch's steps. */
    public boolean executable() {
        return this == READY || this == IN_PROGRESS;
    }

    /** Whether the shop floor is done with it: completed (and later reviewed and decided) or aborted. */
    public boolean closed() {
        return this == COMPLETED || this == ABORTED || this == REVIEWED || decided();
    }

    /** Whether QA decided it: its record is read-only from then on. */
    public boolean decided() {
        return this == RELEASED || this == REJECTED;
    }
}
