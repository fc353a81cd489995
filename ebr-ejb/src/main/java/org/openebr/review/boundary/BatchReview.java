package org.openebr.review.boundary;

import java.time.Instant;
import java.util.List;

/**
 * A batch as QA reviews it: its exceptions, each with the evidence and its disposition state, and
 * for each step without an exception what the system checked.
 *
 * @param reviewable whether the batch is COMPLETED (a review before completion shows what is known so far)
 */
public record BatchReview(String batchId, String product, String status, boolean reviewable, Instant computedAt,
                          int steps, List<Finding> exceptions, List<CheckedStep> checked) {

    /**
     * One exception. {@code exceptionId} is stable for the same fact of the record (e.g.
     * {@code VALUE-ph-1}: entry 1 of step ph), so dispositions can name it.
     *
     * @param kind        what kind of exception, e.g. OUT_OF_LIMITS, CORRECTION, DEVIATION_OPEN
     * @param evidence    the facts, in words: value, limits, who, when, reason
     * @param disposition UNDISPOSITIONED until QA dispositions it, then ACCEPTED or NEEDS_INVESTIGATION
     * @param decided     the latest disposition: its justification, who and when; null while undispositioned
     */
    public record Finding(String exceptionId, String kind, String stepId, String stepName, String summary,
                                  String evidence, String who, Instant when, String disposition, Decided decided) {

        /** The same exception with its latest disposition. */
        public Finding dispositioned(Decided decision) {
            return decision == null ? this : new Finding(exceptionId, kind, stepId, stepName, summary, evidence,
                    who, when, decision.decision(), decision);
        }
    }

    /** A QA reviewer's disposition of an exception. */
    public record Decided(String decision, String comment, String by, Instant at, int seq) {
    }

    /** How many exceptions still wait for a disposition. */
    public long undispositioned() {
        return exceptions.stream().filter(x -> x.decided() == null).count();
    }

    /** A step without an exception and what the system checked for it. */
    public record CheckedStep(String stepId, String stepName, String statement) {
    }
}
