package org.openebr.batch.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.envers.Audited;

/**
 * A gate that refused a person on a step (append-only): an untrained operator, a quarantined
 * container, a dirty vessel. Kept although the refused entry itself was not recorded, so that review
 * sees every attempt a gate stopped.
 */
@Entity
@Audited
@Table(name = "gate_refusal")
public class GateRefusal {

    @Id
    private UUID id;

    @Column(name = "batch_ref", nullable = false, updatable = false)
    private UUID batchRef;

    @Column(name = "step_id", nullable = false, updatable = false)
    private String stepId;

    /** The problem type of the refusal, e.g. {@code equipment-dirty}. */
    @Column(nullable = false, updatable = false)
    private String kind;

    @Column(nullable = false, updatable = false)
    private String message;

    @Column(name = "refused_to", nullable = false, updatable = false)
    private String refusedTo;

    @Column(name = "refused_at", nullable = false, updatable = false)
    private Instant refusedAt;

    protected GateRefusal() {
    }

    public GateRefusal(UUID batchRef, String stepId, String kind, String message, String refusedTo, Instant at) {
        this.id = UUID.randomUUID();
        this.batchRef = batchRef;
        this.stepId = stepId;
        this.kind = kind;
        this.message = message.length() > 2000 ? message.substring(0, 2000) : message;
        this.refusedTo = refusedTo;
        this.refusedAt = at;
    }

    public UUID batchRef() {
        return batchRef;
    }

    public String stepId() {
        return stepId;
    }

    public String kind() {
        return kind;
    }

    public String message() {
        return message;
    }

    public String refusedTo() {
        return refusedTo;
    }

    public Instant refusedAt() {
        return refusedAt;
    }
}
