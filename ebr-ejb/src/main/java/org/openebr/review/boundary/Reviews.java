package org.openebr.review.boundary;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Map;
import org.openebr.batch.boundary.BatchRecord;
import org.openebr.batch.boundary.Batches;
import org.openebr.batch.boundary.DeviationFacts;
import org.openebr.batch.boundary.Deviations;
import org.openebr.platform.control.ChangeContext;
import org.openebr.review.control.ExceptionFinder;
import org.openebr.review.control.ReviewStore;
import org.openebr.review.entity.ReviewDisposition;

/**
 * QA review by exception (21 CFR 211.192; PIC/S PI 041 9.8): the exceptions of a batch as the server
 * finds them in its electronic record (never typed), what was checked for every other step, and the
 * QA reviewer's disposition of each exception with its justification. Nobody who recorded, performed
 * or verified anything in a batch dispositions its exceptions.
 */
@Stateless
@RolesAllowed({"QA_REVIEWER", "QA_RELEASER", "INSPECTOR", "SUPERVISOR"})
public class Reviews {

    static final int COMMENT = 2000;

    @Inject
    Batches batches;

    @Inject
    ReviewStore store;

    @Inject
    Deviations deviations;

    @Inject
    ChangeContext change;

    @Inject
    Clock clock;

    @Resource
    SessionContext session;

    public BatchReview review(String batchId) {
        return review(batches.record(batchId));
    }

    /**
     * The reviewer's disposition of one exception of a completed batch: ACCEPTED (with the justification)
     * or NEEDS_INVESTIGATION. A later disposition of the same exception is recorded beside the earlier one.
     */
    @RolesAllowed("QA_REVIEWER")
    public BatchReview.Finding disposition(String batchId, String exceptionId, String decision, String comment) {
        ReviewDisposition.Decision decided = decision(decision);
        if (comment == null || comment.isBlank()) {
            throw new ReviewRefused(ReviewRefused.Reason.INCOMPLETE, "Give the justification of the disposition (why"
                    + " the exception is acceptable, or what is to be investigated); nothing was recorded.", "comment",
                    "is required");
        }
        String why = comment.strip();
        if (why.length() > COMMENT) {
            throw new ReviewRefused(ReviewRefused.Reason.INCOMPLETE, "The justification is longer than " + COMMENT
                    + " characters.", "comment", "at most " + COMMENT + " characters");
        }
        BatchRecord record = batches.record(batchId);
        String batch = record.batch().batchId();
        if (!"COMPLETED".equals(record.batch().status())) {
            throw new ReviewRefused(ReviewRefused.Reason.NOT_OPEN, "Batch " + batch + " is " + record.batch().status()
                    + "; its exceptions are dispositioned once it is completed. Nothing was recorded.");
        }
        String reviewer = requireOutsider(record);
        String id = exceptionId == null ? "" : exceptionId.strip();
        BatchReview.Finding exception = ExceptionFinder.review(record, clock.instant()).exceptions().stream()
                .filter(x -> x.exceptionId().equals(id)).findFirst()
                .orElseThrow(() -> new ReviewRefused(ReviewRefused.Reason.EXCEPTION_NOT_FOUND, "Batch " + batch + " has no"
                        + " exception " + (id.length() > 120 ? id.substring(0, 120) + "..." : id) + "."));
        store.lock(batch, id);
        int seq = store.history(batch, id).size() + 1;
        change.record("Disposition exception " + id + " of batch " + batch + " as " + decided, why)
                .actingAs("QA_REVIEWER");
        ReviewDisposition made = new ReviewDisposition(batch, id, seq, decided, why, reviewer,
                clock.instant().truncatedTo(ChronoUnit.MICROS));
        store.persist(made);
        return exception.dispositioned(decided(made));
    }

    /**
     * Closes a deviation of the batch with its root cause, impact on the batch and CAPA reference; not
     * by anyone who worked on the batch.
     */
    @RolesAllowed("QA_REVIEWER")
    public DeviationFacts closeDeviation(String batchId, String deviationId, String rootCause, String impact,
                                         String capa) {
        requireOutsider(batches.record(batchId));
        return deviations.close(batchId, deviationId, rootCause, impact, capa);
    }

    private BatchReview review(BatchRecord record) {
        return review(record, store.latest(record.batch().batchId()), clock.instant());
    }

    /** The exceptions the server finds in the record, each with its latest disposition. */
    static BatchReview review(BatchRecord record, Map<String, ReviewDisposition> latest, java.time.Instant now) {
        BatchReview found = ExceptionFinder.review(record, now);
        return new BatchReview(found.batchId(), found.product(), found.status(), found.reviewable(), found.computedAt(),
                found.steps(), found.exceptions().stream().map(x -> x.dispositioned(decided(latest.get(x.exceptionId()))))
                .toList(), found.checked());
    }

    static BatchReview.Decided decided(ReviewDisposition d) {
        return d == null ? null : new BatchReview.Decided(d.decision().name(), d.comment(), d.decidedBy(), d.decidedAt(),
                d.seq());
    }

    /**
     * The caller, who reviews the batch: refused when they recorded an entry on a step of the batch or
     * signed one of its steps (21 CFR 211.192, 211.22), whatever roles they hold.
     */
    String requireOutsider(BatchRecord record) {
        String reviewer = session.getCallerPrincipal().getName();
        if (tookPart(record, reviewer)) {
            throw new ReviewRefused(ReviewRefused.Reason.TOOK_PART, reviewer + " recorded, performed or verified work in"
                    + " batch " + record.batch().batchId() + "; its review is another person's (21 CFR 211.192, 211.22)."
                    + " Nothing was recorded.");
        }
        return reviewer;
    }

    static boolean tookPart(BatchRecord record, String user) {
        // a laboratory result entered by QC is not work on the batch's steps
        return record.entries().stream().anyMatch(e -> !"SAMPLE_RESULT".equals(e.kind())
                && user.equalsIgnoreCase(e.recordedBy()))
                || record.signatures().stream().anyMatch(s -> s.recordType().equals(Batches.STEP_RECORD_TYPE)
                && user.equalsIgnoreCase(s.userName()));
    }

    private static ReviewDisposition.Decision decision(String decision) {
        try {
            return ReviewDisposition.Decision.valueOf(decision == null ? "" : decision.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            throw new ReviewRefused(ReviewRefused.Reason.INCOMPLETE, "Decide ACCEPTED or NEEDS_INVESTIGATION.",
                    "decision", "ACCEPTED or NEEDS_INVESTIGATION");
        }
    }
}
