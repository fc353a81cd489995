package org.openebr.batch.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;

/**
 * The answer given to a state-changing call with an {@code Idempotency-Key}, per user and key: the
 * same key and body are answered with it again, without a second effect. Not audited: a replay cache,
 * written in the transaction of the effect it answers for, which is audited itself.
 */
@Entity
@Table(name = "idempotent_call")
@IdClass(IdempotentCall.Key.class)
public class IdempotentCall {

    /** The primary key. */
    public record Key(String userName, String idempotencyKey) implements Serializable {
        public Key() {
            this(null, null);
        }
    }

    @Id
    @Column(name = "user_name")
    private String userName;

    @Id
    @Column(name = "idempotency_key")
    private String idempotencyKey;

    @Column(name = "request_hash", nullable = false, updatable = false)
    private String requestHash;

    @Column(nullable = false, updatable = false)
    private int status;

    @Column(nullable = false, updatable = false)
    private String body;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected IdempotentCall() {
    }

    public IdempotentCall(String userName, String idempotencyKey, String requestHash, int status, String body,
                          Instant at) {
        this.userName = userName;
        this.idempotencyKey = idempotencyKey;
        this.requestHash = requestHash;
        this.status = status;
        this.body = body;
        this.createdAt = at;
    }

    public String requestHash() {
        return requestHash;
    }

    public int status() {
        return status;
    }

    public String body() {
        return body;
    }
}
