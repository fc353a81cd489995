package org.openebr.review.entity;

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
 * A QA reviewer's disposition of one exception of a batch (append-only; a later one for the same
 * exception is a new row with the next number, and the latest counts).
 */
@Entity
@Audited
@Table(name = "exception_disposition")
public class ReviewDisposition {

    /** What the reviewer decided. */
    public enum Decision { ACCEPTED, NEEDS_INVESTIGATION }

    @Id
    private UUID id;

    /** The batch number (unique and never changed). */
    @Column(name = "batch_id", nullable = false, updatable = false)
    private String batchId;

    @Column(name = "exception_id", nullable = false, updatable = false)
    private String exceptionId;

    @Column(nullable = false, updatable = false)
    private int seq;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private Decision decision;

    @Column(nullable = false, updatable = false)
    private String comment;

    @Column(name = "decided_by", nullable = false, updatable = false)
    private String decidedBy;

    @Column(name = "decided_at", nullable = false, updatable = false)
    private Instant decidedAt;

    protected ReviewDisposition() {
    }

    public ReviewDisposition(String batchId, String exceptionId, int seq, Decision decision, String comment,
                                String decidedBy, Instant decidedAt) {
        this.id = UUID.randomUUID();
        this.batchId = batchId;
        this.exceptionId = exceptionId;
        this.seq = seq;
        this.decision = decision;
        this.comment = comment;
        this.decidedBy = decidedBy;
        this.decidedAt = decidedAt;
    }

    public String exceptionId() {
        return exceptionId;
    }

    public int seq() {
        return seq;
    }

    public Decision decision() {
        return decision;
    }

    public String comment() {
        return comment;
    }

    public String decidedBy() {
        return decidedBy;
    }

    public Instant decidedAt() {
        return decidedAt;
    }
}
