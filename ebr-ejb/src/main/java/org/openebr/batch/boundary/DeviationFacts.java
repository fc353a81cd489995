package org.openebr.batch.boundary;

import java.time.Instant;

/** A deviation of a batch: where, why, how it was raised, its classification and status. */
public record DeviationFacts(String deviationId, String batchId, String stepId, String origin, String description,
                            String status, String classification, String classifiedBy, Instant classifiedAt,
                            String classificationReason, String raisedBy, Instant raisedAt, Closure closure) {

    /** How QA closed the deviation: root cause, impact on the batch, CAPA reference, who and when. */
    public record Closure(String rootCause, String impact, String capaReference, String closedBy, Instant closedAt) {
    }
}
