package org.openebr.erp.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * A confirmation for the ERP in the outbox, written in the transaction of the change that caused it. Its
 * content (id, batch, sequence in the batch, kind, body) never changes; its delivery state does, and every
 * attempt is an {@link ErpDelivery}. {@code position} is the pull feed's cursor.
 */
@Entity
@Table(name = "erp_message")
public class ErpMessage {

    /** Where a message is. */
    public enum State {
        PENDING, DELIVERED, PARKED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long position;

    @Column(name = "message_id", nullable = false, updatable = false)
    private UUID messageId;

    @Column(name = "batch_id", nullable = false, updatable = false)
    private String batchId;

    @Column(name = "batch_seq", nullable = false, updatable = false)
    private int batchSeq;

    @Column(nullable = false, updatable = false)
    private String kind;

    @Column(nullable = false, updatable = false)
    private String body;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private State state;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "next_attempt_at", nullable = false)
    private Instant nextAttemptAt;

    @Column(name = "last_error")
    private String lastError;

    @Column(name = "delivered_at")
    private Instant deliveredAt;

    protected ErpMessage() {
    }

    public ErpMessage(UUID messageId, String batchId, int batchSeq, String kind, String body,
                      Instant at) {
        this.messageId = messageId;
        this.batchId = batchId;
        this.batchSeq = batchSeq;
        this.kind = kind;
        this.body = body;
        this.createdAt = at;
        this.state = State.PENDING;
        this.nextAttemptAt = at;
    }

    public void delivered(Instant at) {
        attempts++;
        state = State.DELIVERED;
        deliveredAt = at;
        lastError = null;
    }

    /** A failed attempt: the next one after {@code retryAt}, or parked for an administrator. */
    public void failed(String error, Instant retryAt, boolean park) {
        attempts++;
        lastError = error == null ? null : error.substring(0, Math.min(error.length(), 1000));
        nextAttemptAt = retryAt;
        state = park ? State.PARKED : State.PENDING;
    }

    /** An administrator's retry of a parked message: pending again, its attempts counted afresh. */
    public void retry(Instant at) {
        state = State.PENDING;
        attempts = 0;
        nextAttemptAt = at;
    }

    public Long position() {
        return position;
    }

    public UUID messageId() {
        return messageId;
    }

    public String batchId() {
        return batchId;
    }

    public int batchSeq() {
        return batchSeq;
    }

    public String kind() {
        return kind;
    }

    public String body() {
        return body;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public State state() {
        return state;
    }

    public int attempts() {
        return attempts;
    }

    public Instant nextAttemptAt() {
        return nextAttemptAt;
    }

    public String lastError() {
        return lastError;
    }

    public Instant deliveredAt() {
        return deliveredAt;
    }
}
