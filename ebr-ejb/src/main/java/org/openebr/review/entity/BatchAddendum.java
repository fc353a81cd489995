package org.openebr.review.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.envers.Audited;

/**
 * Information that reaches a batch after QA's decision (a complaint, a stability result, a recall
 * notice): numbered per batch, append-only and signed by the person who adds it. The decided record
 * itself is read-only; an addendum never edits it.
 */
@Entity
@Audited
@Table(name = "batch_addendum")
public class BatchAddendum {

    @Id
    private UUID id;

    @Column(name = "batch_id", nullable = false, updatable = false)
    private String batchId;

    @Column(nullable = false, updatable = false)
    private int seq;

    @Column(nullable = false, updatable = false)
    private String subject;

    @Column(nullable = false, updatable = false)
    private String text;

    @Column(name = "recorded_by", nullable = false, updatable = false)
    private String recordedBy;

    @Column(name = "recorded_at", nullable = false, updatable = false)
    private Instant recordedAt;

    protected BatchAddendum() {
    }

    public BatchAddendum(String batchId, int seq, String subject, String text, String by, Instant at) {
        this.id = UUID.randomUUID();
        this.batchId = batchId;
        this.seq = seq;
        this.subject = subject;
        this.text = text;
        this.recordedBy = by;
        this.recordedAt = at;
    }

    public String batchId() {
        return batchId;
    }

    public int seq() {
        return seq;
    }

    public String subject() {
        return subject;
    }

    public String text() {
        return text;
    }

    public String recordedBy() {
        return recordedBy;
    }

    public Instant recordedAt() {
        return recordedAt;
    }
}
