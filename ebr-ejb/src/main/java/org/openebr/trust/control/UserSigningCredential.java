package org.openebr.trust.control;

import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Objects;

/**
 * What the database keeps of a person's signing key: the certificate, public, and the private key
 * encrypted under the key store's key-encryption key and bound to this certificate (see {@link
 * TrustStore#issueUserCredential}). Only {@link TrustStore#unwrapUserIdentity} turns it back into a
 * key.
 */
public record UserSigningCredential(X509Certificate certificate, byte[] wrappedPrivateKey) {

    public UserSigningCredential {
        Objects.requireNonNull(certificate, "certificate");
        wrappedPrivateKey = Objects.requireNonNull(wrappedPrivateKey, "wrappedPrivateKey").clone();
    }

    /** A copy: the record cannot be changed through it. */
    @Override
    public byte[] wrappedPrivateKey() {
        return wrappedPrivateKey.clone();
    }

    // by content: a record compares arrays by reference otherwise
    @Override
    public boolean equals(Object other) {
        return other instanceof UserSigningCredential that && certificate.equals(that.certificate)
                && Arrays.equals(wrappedPrivateKey, that.wrappedPrivateKey);
    }

    @Override
    public int hashCode() {
        return 31 * certificate.hashCode() + Arrays.hashCode(wrappedPrivateKey);
    }

    @Override
    public String toString() {
        return "UserSigningCredential[" + certificate.getSubjectX500Principal().getName() + "]";
    }
}
