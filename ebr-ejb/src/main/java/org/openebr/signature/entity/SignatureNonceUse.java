package org.openebr.signature.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** The one use of a nonce; a second use of the same nonce violates the primary key. Append-only. */
@Entity
@Table(name = "signature_nonce_use")
public class SignatureNonceUse {

    @Id
    private String nonce;

    @Column(name = "used_at", nullable = false, updatable = false)
    private Instant usedAt;

    protected SignatureNonceUse() {
    }

    public SignatureNonceUse(String nonce, Instant usedAt) {
        this.nonce = nonce;
        this.usedAt = usedAt;
    }
}
