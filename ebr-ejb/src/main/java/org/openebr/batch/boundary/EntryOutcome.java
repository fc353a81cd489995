package org.openebr.batch.boundary;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * What an entry did: its judgement ({@code IN_SPEC}, {@code ALERT}, {@code OUT_OF_SPEC}, or null for
 * an entry without limits), the deviation it raised, the value as recorded, and the step's state now
 * (RECORDED: it waits for the performer's signature, recordType BATCH_STEP, recordId {@code recordId}).
 */
public record EntryOutcome(String batchId, String stepId, String recordId, int seq, String kind, String judgement,
                           String deviationId, String raw, BigDecimal value, String unit, String text, String state,
                           Instant recordedAt, boolean late, boolean manual, boolean flagged) {
}
