package org.openebr.batch.boundary;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.openebr.batch.control.BatchStore;
import org.openebr.batch.entity.Batch;
import org.openebr.batch.entity.Deviation;
import org.openebr.platform.control.ChangeContext;

/**
 * Deviations of a batch: raised by the server for a value outside the action limits (Execution), or
 * by a person on any step or on the batch; classified by a supervisor (minor, major, critical), who
 * may hold the batch (Batches.hold). Closing them belongs to QA review.
 */
@Stateless
@RolesAllowed({"OPERATOR", "SUPERVISOR", "QA_REVIEWER", "QA_RELEASER", "INSPECTOR"})
public class Deviations {

    static final int DESCRIPTION = 2000;

    @Inject
    BatchStore store;

    @Inject
    ChangeContext change;

    @Inject
    Clock clock;

    @Resource
    SessionContext session;

    public List<DeviationFacts> ofBatch(String batchId) {
        Batch batch = store.existing(batchId);
        return store.deviations(batch.id()).stream().map(d -> BatchViews.deviation(batch.batchId(), d)).toList();
    }

    /** A deviation a person raises on a step (or the batch as a whole, {@code stepId} null). */
    @RolesAllowed({"OPERATOR", "SUPERVISOR"})
    public DeviationFacts raise(String batchId, String stepId, String description) {
        if (description == null || description.isBlank()) {
            throw new BatchRefused(BatchRefused.Reason.INCOMPLETE, "Describe what departed from the instructions or"
                    + " limits.", "description", "is required");
        }
        String text = Batches.text(description, "description", DESCRIPTION);
        Batch batch = store.existing(batchId);
        if (batch.status().closed()) {
            throw new BatchRefused(BatchRefused.Reason.NOT_EXECUTABLE, "Batch " + batch.batchId() + " is "
                    + batch.status() + "; deviations of a closed batch are raised in its QA review.");
        }
        String step = null;
        if (stepId != null && !stepId.isBlank()) {
            step = store.controlRecipe(batch).step(stepId.strip()).map(p -> p.id())
                    .orElseThrow(() -> new BatchRefused(BatchRefused.Reason.STEP_NOT_FOUND, "Batch " + batch.batchId()
                            + " has no step " + stepId.strip() + "."));
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        String id = store.nextDeviationId(now.atZone(ZoneOffset.UTC).getYear());
        change.record("Raise deviation " + id + " on batch " + batch.batchId() + (step == null ? "" : ", step " + step),
                text).actingAs(session.isCallerInRole("SUPERVISOR") ? "SUPERVISOR" : "OPERATOR");
        Deviation deviation = new Deviation(id, batch.id(), step, Deviation.Origin.RAISED, text, caller(), now);
        store.persist(deviation);
        store.flush();
        return BatchViews.deviation(batch.batchId(), deviation);
    }

    /** The supervisor's classification, with its reason; classified again only with a new reason (audited). */
    @RolesAllowed("SUPERVISOR")
    public DeviationFacts classify(String batchId, String deviationId, String classification, String reason) {
        String why = Batches.requiredReason(reason);
        Deviation.Classification level;
        try {
            level = Deviation.Classification.valueOf(classification == null ? "" : classification.strip());
        } catch (IllegalArgumentException unknown) {
            throw new BatchRefused(BatchRefused.Reason.INCOMPLETE, "Classify the deviation as MINOR, MAJOR or CRITICAL.",
                    "classification", "MINOR, MAJOR or CRITICAL");
        }
        Batch batch = store.existing(batchId);
        Deviation deviation = store.deviation(batch.id(), deviationId == null ? "" : deviationId.strip())
                .orElseThrow(() -> new BatchRefused(BatchRefused.Reason.DEVIATION_NOT_FOUND, "Batch " + batch.batchId()
                        + " has no deviation " + deviationId + "."));
        if (deviation.status() != Deviation.Status.OPEN) {
            throw new BatchRefused(BatchRefused.Reason.STATE, "Deviation " + deviation.deviationId() + " is closed.");
        }
        change.record("Classify deviation " + deviation.deviationId() + " as " + level, why).actingAs("SUPERVISOR");
        deviation.classify(level, why, caller(), clock.instant().truncatedTo(ChronoUnit.MICROS));
        store.flush();
        return BatchViews.deviation(batch.batchId(), deviation);
    }

    /**
     * Closes a classified deviation of a completed or aborted batch with its root cause, its impact on
     * the batch and the CAPA reference (21 CFR 211.192). Called by the review, which has checked who
     * reviews; closed once, never reopened (the database refuses a change of a closed deviation).
     */
    @RolesAllowed("QA_REVIEWER")
    public DeviationFacts close(String batchId, String deviationId, String rootCause, String impact, String capa) {
        java.util.List<org.openebr.platform.boundary.DomainException.Violation> missing = new java.util.ArrayList<>();
        if (rootCause == null || rootCause.isBlank()) {
            missing.add(new org.openebr.platform.boundary.DomainException.Violation("rootCause", "is required"));
        }
        if (impact == null || impact.isBlank()) {
            missing.add(new org.openebr.platform.boundary.DomainException.Violation("impact", "is required"));
        }
        if (capa == null || capa.isBlank()) {
            missing.add(new org.openebr.platform.boundary.DomainException.Violation("capa",
                    "is required (the CAPA number, or 'none' with the reason in the impact)"));
        }
        if (!missing.isEmpty()) {
            throw new BatchRefused(BatchRefused.Reason.INCOMPLETE, "A deviation is closed with its root cause, its impact"
                    + " on the batch and the CAPA reference (" + missing.get(0).field() + " " + missing.get(0).message()
                    + "); nothing was recorded.", missing);
        }
        String cause = Batches.text(rootCause, "rootCause", DESCRIPTION);
        String effect = Batches.text(impact, "impact", DESCRIPTION);
        String reference = Batches.text(capa, "capa", 100);
        Batch batch = store.locked(batchId, true);
        if (batch.status() != org.openebr.batch.entity.BatchStatus.COMPLETED
                && batch.status() != org.openebr.batch.entity.BatchStatus.ABORTED) {
            throw new BatchRefused(BatchRefused.Reason.STATE, "Batch " + batch.batchId() + " is " + batch.status()
                    + "; its deviations are closed in its QA review, once it is completed (or aborted).");
        }
        Deviation deviation = store.deviation(batch.id(), deviationId == null ? "" : deviationId.strip())
                .orElseThrow(() -> new BatchRefused(BatchRefused.Reason.DEVIATION_NOT_FOUND, "Batch " + batch.batchId()
                        + " has no deviation " + deviationId + "."));
        if (deviation.status() != Deviation.Status.OPEN) {
            throw new BatchRefused(BatchRefused.Reason.STATE, "Deviation " + deviation.deviationId() + " is closed"
                    + " already (" + deviation.closedBy() + ", " + deviation.closedAt() + ").");
        }
        if (deviation.classification() == null) {
            throw new BatchRefused(BatchRefused.Reason.STATE, "Deviation " + deviation.deviationId() + " is not"
                    + " classified yet; a supervisor classifies it (minor, major, critical) before QA closes it.");
        }
        change.record("Close deviation " + deviation.deviationId() + " of batch " + batch.batchId(), cause)
                .actingAs("QA_REVIEWER");
        deviation.close(cause, effect, reference, caller(), clock.instant().truncatedTo(ChronoUnit.MICROS));
        store.flush();
        return BatchViews.deviation(batch.batchId(), deviation);
    }

    private String caller() {
        return session.getCallerPrincipal().getName();
    }
}
