package org.openebr.trust.control;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;

/**
 * A private key with its certificate and the chain up to the internal CA (the certificate first,
 * the CA certificate last). The chain goes into every signature so that a verifier holding only
 * the CA certificate can check it.
 */
public record SigningIdentity(PrivateKey key, X509Certificate certificate, List<X509Certificate> chain) {

    public SigningIdentity {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(certificate, "certificate");
        chain = List.copyOf(chain);
        if (chain.isEmpty() || !chain.get(0).equals(certificate)) {
            throw new IllegalArgumentException("the chain must start with the identity's own certificate");
        }
    }

    /** The subject, as RFC 2253 text, e.g. {@code CN=OpenEBR Time-Stamp Authority,O=Site}. */
    public String subject() {
        return certificate.getSubjectX500Principal().getName();
    }

    @Override
    public String toString() {
        // never print the key
        return "SigningIdentity[" + subject() + "]";
    }
}
