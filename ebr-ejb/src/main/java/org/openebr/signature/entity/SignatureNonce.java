package org.openebr.signature.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A one-time value a signing request must carry: issued to one user, valid briefly, used once. */
@Entity
@Table(name = "signature_nonce")
public class SignatureNonce {

    @Id
    private String nonce;

    @Column(name = "user_name", nullable = false, updatable = false)
    private String userName;

    @Column(name = "issued_at", nullable = false, updatable = false)
    private Instant issuedAt;

    @Column(name = "expires_at", nullable = false, updatable = false)
    private Instant expiresAt;

    protected SignatureNonce() {
    }

    public SignatureNonce(String nonce, String userName, Instant issuedAt, Instant expiresAt) {
        this.nonce = nonce;
        this.userName = userName;
        this.issuedAt = issuedAt;
        this.expiresAt = expiresAt;
    }

    public String nonce() { return nonce; }
    public String userName() { return userName; }
    public Instant expiresAt() { return expiresAt; }
}
