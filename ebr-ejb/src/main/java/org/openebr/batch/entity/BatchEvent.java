package org.openebr.batch.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.envers.Audited;

/**
 * One change of a batch's status, numbered per batch (append-only): from, to, why, who, when, and
 * whether it was signed (hold, resume and abort are; the signature is a BATCH_STATUS record's).
 */
@Entity
@Audited
@Table(name = "batch_event")
public class BatchEvent {

    @Id
    private UUID id;

    @Column(name = "batch_ref", nullable = false, updatable = false)
    private UUID batchRef;

    @Column(nullable = false, updatable = false)
    private int seq;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_status", updatable = false)
    private BatchStatus fromStatus;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_status", nullable = false, updatable = false)
    private BatchStatus toStatus;

    @Column(nullable = false, updatable = false)
    private String reason;

    @Column(name = "recorded_by", nullable = false, updatable = false)
    private String recordedBy;

    @Column(name = "recorded_at", nullable = false, updatable = false)
    private Instant recordedAt;

    @Column(nullable = false, updatable = false)
    private boolean signed;

    protected BatchEvent() {
    }

    public BatchEvent(UUID batchRef, int seq, BatchStatus from, BatchStatus to, String reason, String by, Instant at,
                      boolean signed) {
        this.id = UUID.randomUUID();
        this.batchRef = batchRef;
        this.seq = seq;
        this.fromStatus = from;
        this.toStatus = to;
        this.reason = reason;
        this.recordedBy = by;
        this.recordedAt = at;
        this.signed = signed;
    }

    public UUID id() {
        return id;
    }

    public UUID batchRef() {
        return batchRef;
    }

    public int seq() {
        return seq;
    }

    public BatchStatus fromStatus() {
        return fromStatus;
    }

    public BatchStatus toStatus() {
        return toStatus;
    }

    public String reason() {
        return reason;
    }

    public String recordedBy() {
        return recordedBy;
    }

    public Instant recordedAt() {
        return recordedAt;
    }

    public boolean signed() {
        return signed;
    }
}
