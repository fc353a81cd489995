package org.openebr.batch.boundary;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * Something of a batch that systems beside the batch record need to know (the ERP's confirmations),
 * fired synchronously inside the transaction of the change: an observer's write commits or rolls
 * back with it, and an observer that fails rolls the change back.
 */
public record BatchHappened(Kind kind, String batchId, Instant at, String by, Consumption consumption, String status) {

    /** What happened. */
    public enum Kind {
        /** The first entry moved the batch from READY to IN_PROGRESS. */
        STARTED,
        /** A container of a material was charged (an entry or a correction of one). */
        CONSUMED,
        /** Every step done: COMPLETED. */
        COMPLETED,
        /** QA's decision: {@code status} REVIEWED, RELEASED or REJECTED. */
        DECIDED,
        /** Aborted before completion. */
        ABORTED
    }

    /** One charge of a material as the step entry recorded it. */
    public record Consumption(String stepId, int seq, String entryKind, String materialNumber, String lotId,
                              String containerId, BigDecimal quantity, String unit) {
    }

    public static BatchHappened started(String batchId, String by, Instant at) {
        return new BatchHappened(Kind.STARTED, batchId, at, by, null, "IN_PROGRESS");
    }

    public static BatchHappened consumed(String batchId, String by, Instant at, Consumption consumption) {
        return new BatchHappened(Kind.CONSUMED, batchId, at, by, consumption, null);
    }

    public static BatchHappened moved(Kind kind, String batchId, String by, Instant at, String status) {
        return new BatchHappened(kind, batchId, at, by, null, status);
    }
}
