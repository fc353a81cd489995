package org.openebr.batch.boundary;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One entry of a step as the batch record shows it: the reading as given ({@code raw}) and as
 * recorded ({@code value}), or what was recorded instead, its judgement and deviation, and who and
 * when (the server's time; {@code performedAt} is when the person says the work was done, for a late
 * entry).
 */
public record EntryFacts(String stepId, int seq, String kind, String raw, BigDecimal value, String unit, String text,
                        boolean acknowledged, String containerId, String lotId, String equipmentId, String sampleId,
                        String judgement, boolean manual, boolean late, Instant performedAt, String reason,
                        String details, String deviationId, String recordedBy, Instant recordedAt) {
}
