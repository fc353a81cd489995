package org.openebr.batch.boundary;

import java.math.BigDecimal;
import java.time.Instant;

/** A batch as a list shows it: what, how much, where it stands. */
public record BatchSummary(String batchId, String recipeId, int recipeVersion, String product, BigDecimal plannedQuantity,
                           String unit, String status, String line, Instant createdAt, String createdBy, int stepsDone,
                           int steps, int openDeviations, Instant statusChangedAt) {
}
