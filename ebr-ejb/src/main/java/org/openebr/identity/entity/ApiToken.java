package org.openebr.identity.entity;

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
 * An API token: issued to an account after one sign-in with its password, valid until it expires
 * or is revoked. Only the SHA-256 of the token is stored (see {@code ApiTokenSecret} for why a fast
 * hash is enough). Revoked, never deleted; a database trigger allows nothing but the revocation, once.
 */
@Entity
@Audited
@Table(name = "api_token")
public class ApiToken {

    @Id
    private UUID id;

    @Column(name = "account_id", nullable = false, updatable = false)
    private UUID accountId;

    @NotAudited
    @Column(name = "token_sha256", nullable = false, updatable = false)
    private String tokenSha256;

    @Column(nullable = false, updatable = false)
    private String name;

    @Column(name = "issued_at", nullable = false, updatable = false)
    private Instant issuedAt;

    @Column(name = "expires_at", nullable = false, updatable = false)
    private Instant expiresAt;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    @Column(name = "revoked_by")
    private String revokedBy;

    @Column(name = "revoke_reason")
    private String revokeReason;

    protected ApiToken() {
    }

    public ApiToken(UUID accountId, String tokenSha256, String name, Instant issuedAt, Instant expiresAt) {
        if (!expiresAt.isAfter(issuedAt)) {
            throw new IllegalArgumentException("an API token must expire after it was issued");
        }
        this.id = UUID.randomUUID();
        this.accountId = Objects.requireNonNull(accountId);
        this.tokenSha256 = Objects.requireNonNull(tokenSha256);
        this.name = Objects.requireNonNull(name);
        this.issuedAt = issuedAt;
        this.expiresAt = expiresAt;
    }

    public void revoke(String by, String reason, Instant now) {
        if (revokedAt != null) {
            throw new IllegalStateException("API token " + id + " is already revoked");
        }
        this.revokedAt = Objects.requireNonNull(now);
        this.revokedBy = Objects.requireNonNull(by);
        this.revokeReason = Objects.requireNonNull(reason);
    }

    public boolean usableAt(Instant now) {
        return revokedAt == null && now.isBefore(expiresAt);
    }

    public UUID id() { return id; }
    public UUID accountId() { return accountId; }
    public String name() { return name; }
    public Instant issuedAt() { return issuedAt; }
    public Instant expiresAt() { return expiresAt; }
    public Instant revokedAt() { return revokedAt; }
    public String revokedBy() { return revokedBy; }
    public String revokeReason() { return revokeReason; }
}
