package org.openebr.signature.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.hibernate.envers.Audited;

/**
 * That an administrator verified a person's identity, how, and when (21 CFR 11.100(b)): the
 * precondition for issuing the person a signing credential. Append-only.
 */
@Entity
@Audited
@Table(name = "identity_verification")
public class IdentityVerification {

    @Id
    private UUID id;

    @Column(name = "account_id", nullable = false, updatable = false)
    private UUID accountId;

    @Column(nullable = false, updatable = false)
    private String method;

    @Column(name = "verified_by", nullable = false, updatable = false)
    private String verifiedBy;

    @Column(name = "verified_at", nullable = false, updatable = false)
    private Instant verifiedAt;

    protected IdentityVerification() {
    }

    public IdentityVerification(UUID accountId, String method, String verifiedBy, Instant now) {
        this.id = UUID.randomUUID();
        this.accountId = Objects.requireNonNull(accountId);
        this.method = Objects.requireNonNull(method);
        this.verifiedBy = Objects.requireNonNull(verifiedBy);
        this.verifiedAt = Objects.requireNonNull(now);
    }

    public UUID id() { return id; }
    public UUID accountId() { return accountId; }
    public String method() { return method; }
    public String verifiedBy() { return verifiedBy; }
    public Instant verifiedAt() { return verifiedAt; }
}
