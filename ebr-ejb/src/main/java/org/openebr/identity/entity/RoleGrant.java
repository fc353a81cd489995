package org.openebr.identity.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.envers.Audited;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** One role held by one account from a grant until (perhaps) a revocation, each with who and why. */
@Entity
@Audited
@Table(name = "role_grant")
public class RoleGrant {

    @Id
    private UUID id;

    @Column(name = "account_id", nullable = false, updatable = false)
    private UUID accountId;

    @Column(nullable = false, updatable = false)
    private String role;

    @Column(name = "granted_at", nullable = false, updatable = false)
    private Instant grantedAt;

    @Column(name = "granted_by", nullable = false, updatable = false)
    private String grantedBy;

    @Column(name = "grant_reason", nullable = false, updatable = false)
    private String grantReason;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    @Column(name = "revoked_by")
    private String revokedBy;

    @Column(name = "revoke_reason")
    private String revokeReason;

    protected RoleGrant() {
    }

    public RoleGrant(UUID accountId, String role, String grantedBy, String reason, Instant now) {
        this.id = UUID.randomUUID();
        this.accountId = Objects.requireNonNull(accountId);
        this.role = Objects.requireNonNull(role);
        this.grantedBy = Objects.requireNonNull(grantedBy);
        this.grantReason = Objects.requireNonNull(reason);
        this.grantedAt = now;
    }

    public void revoke(String by, String reason, Instant now) {
        if (revokedAt != null) {
            throw new IllegalStateException("role " + role + " was already revoked");
        }
        this.revokedAt = now;
        this.revokedBy = Objects.requireNonNull(by);
        this.revokeReason = Objects.requireNonNull(reason);
    }

    public boolean active() { return revokedAt == null; }
    public UUID accountId() { return accountId; }
    public String role() { return role; }
    public Instant grantedAt() { return grantedAt; }
    public String grantedBy() { return grantedBy; }
    public String grantReason() { return grantReason; }
    public Instant revokedAt() { return revokedAt; }
    public String revokedBy() { return revokedBy; }
    public String revokeReason() { return revokeReason; }
}
