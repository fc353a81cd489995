package org.openebr.signature.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.hibernate.envers.Audited;
import org.hibernate.envers.NotAudited;

/**
 * A user's signing credential: the X.509 certificate the internal CA issued after the user's
 * identity was verified, and the private key, encrypted under the key-encryption key of the
 * installation's key store (never in the database in clear, never exported). Revoked, never
 * deleted; a database trigger allows nothing but the revocation, once.
 */
@Entity
@Audited
@Table(name = "signing_credential")
public class SigningCredential {

    @Id
    private UUID id;

    @Column(name = "account_id", nullable = false, updatable = false)
    private UUID accountId;

    @Column(nullable = false, updatable = false)
    private String serial;

    @Column(nullable = false, updatable = false)
    private byte[] certificate;

    @NotAudited
    @Column(name = "wrapped_key", nullable = false, updatable = false)
    private byte[] wrappedKey;

    @Column(name = "issued_at", nullable = false, updatable = false)
    private Instant issuedAt;

    @Column(name = "issued_by", nullable = false, updatable = false)
    private String issuedBy;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    @Column(name = "revoked_by")
    private String revokedBy;

    @Column(name = "revoke_reason")
    private String revokeReason;

    protected SigningCredential() {
    }

    public SigningCredential(UUID accountId, String serial, byte[] certificate, byte[] wrappedKey, String issuedBy,
                             Instant now) {
        this.id = UUID.randomUUID();
        this.accountId = Objects.requireNonNull(accountId);
        this.serial = Objects.requireNonNull(serial);
        this.certificate = certificate.clone();
        this.wrappedKey = wrappedKey.clone();
        this.issuedBy = Objects.requireNonNull(issuedBy);
        this.issuedAt = Objects.requireNonNull(now);
    }

    public void revoke(String by, String reason, Instant now) {
        if (revokedAt != null) {
            throw new IllegalStateException("credential " + serial + " is already revoked");
        }
        this.revokedAt = now;
        this.revokedBy = Objects.requireNonNull(by);
        this.revokeReason = Objects.requireNonNull(reason);
    }

    public UUID id() { return id; }
    public UUID accountId() { return accountId; }
    public String serial() { return serial; }
    public byte[] certificate() { return certificate.clone(); }
    public byte[] wrappedKey() { return wrappedKey.clone(); }
    public Instant issuedAt() { return issuedAt; }
    public String issuedBy() { return issuedBy; }
    public Instant revokedAt() { return revokedAt; }
    public String revokeReason() { return revokeReason; }
    public boolean active() { return revokedAt == null; }
}
