package org.openebr.identity.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A password an account once had (its hash), so the last N cannot be chosen again. */
@Entity
@Table(name = "password_history")
public class PasswordHistoryEntry {

    @Id
    private UUID id;

    @Column(name = "account_id", nullable = false, updatable = false)
    private UUID accountId;

    @Column(name = "password_hash", nullable = false, updatable = false)
    private String passwordHash;

    @Column(name = "set_at", nullable = false, updatable = false)
    private Instant setAt;

    protected PasswordHistoryEntry() {
    }

    public PasswordHistoryEntry(UUID accountId, String passwordHash, Instant setAt) {
        this.id = UUID.randomUUID();
        this.accountId = accountId;
        this.passwordHash = passwordHash;
        this.setAt = setAt;
    }

    public String passwordHash() { return passwordHash; }
    public Instant setAt() { return setAt; }
}
