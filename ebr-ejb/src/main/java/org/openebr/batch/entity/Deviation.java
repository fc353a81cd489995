package org.openebr.batch.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.envers.Audited;

/**
 * A recorded departure from the approved instructions or limits, on a batch and usually a step:
 * raised by the server for a value outside the action limits, or by a person. A supervisor classifies
 * it; QA closes it in batch review. Its classification is an audited column.
 */
@Entity
@Audited
@Table(name = "deviation")
public class Deviation {

    /** How the deviation came about. */
    public enum Origin { OUT_OF_LIMITS, RAISED, GATE_OVERRIDE, EQUIPMENT_ALARM }

    public enum Status { OPEN, CLOSED }

    public enum Classification { MINOR, MAJOR, CRITICAL }

    @Id
    private UUID id;

    @Column(name = "deviation_id", nullable = false, updatable = false)
    private String deviationId;

    @Column(name = "batch_ref", nullable = false, updatable = false)
    private UUID batchRef;

    @Column(name = "step_id", updatable = false)
    private String stepId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private Origin origin;

    @Column(nullable = false, updatable = false)
    private String description;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status;

    @Enumerated(EnumType.STRING)
    private Classification classification;

    @Column(name = "classified_by")
    private String classifiedBy;

    @Column(name = "classified_at")
    private Instant classifiedAt;

    @Column(name = "classification_reason")
    private String classificationReason;

    @Column(name = "root_cause")
    private String rootCause;

    @Column
    private String impact;

    @Column(name = "capa_reference")
    private String capaReference;

    @Column(name = "closed_by")
    private String closedBy;

    @Column(name = "closed_at")
    private Instant closedAt;

    @Column(name = "raised_by", nullable = false, updatable = false)
    private String raisedBy;

    @Column(name = "raised_at", nullable = false, updatable = false)
    private Instant raisedAt;

    @Version
    @Column(name = "row_version", nullable = false)
    private long rowVersion;

    protected Deviation() {
    }

    public Deviation(String deviationId, UUID batchRef, String stepId, Origin origin, String description, String by,
                     Instant at) {
        this.id = UUID.randomUUID();
        this.deviationId = deviationId;
        this.batchRef = batchRef;
        this.stepId = stepId;
        this.origin = origin;
        this.description = description;
        this.status = Status.OPEN;
        this.raisedBy = by;
        this.raisedAt = at;
    }

    public void classify(Classification classification, String reason, String by, Instant at) {
        this.classification = classification;
        this.classificationReason = reason;
        this.classifiedBy = by;
        this.classifiedAt = at;
    }

    /** Closed in QA review with its root cause, its impact on the batch and the CAPA reference; for good. */
    public void close(String rootCause, String impact, String capaReference, String by, Instant at) {
        this.rootCause = rootCause;
        this.impact = impact;
        this.capaReference = capaReference;
        this.closedBy = by;
        this.closedAt = at;
        this.status = Status.CLOSED;
    }

    public String rootCause() {
        return rootCause;
    }

    public String impact() {
        return impact;
    }

    public String capaReference() {
        return capaReference;
    }

    public String closedBy() {
        return closedBy;
    }

    public Instant closedAt() {
        return closedAt;
    }

    public UUID id() {
        return id;
    }

    public String deviationId() {
        return deviationId;
    }

    public UUID batchRef() {
        return batchRef;
    }

    public String stepId() {
        return stepId;
    }

    public Origin origin() {
        return origin;
    }

    public String description() {
        return description;
    }

    public Status status() {
        return status;
    }

    public Classification classification() {
        return classification;
    }

    public String classifiedBy() {
        return classifiedBy;
    }

    public Instant classifiedAt() {
        return classifiedAt;
    }

    public String classificationReason() {
        return classificationReason;
    }

    public String raisedBy() {
        return raisedBy;
    }

    public Instant raisedAt() {
        return raisedAt;
    }
}
