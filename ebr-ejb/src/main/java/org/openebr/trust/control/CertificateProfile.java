package org.openebr.trust.control;

import java.util.Optional;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;

/**
 * What an end-entity certificate of the internal CA may be used for. Each profile fixes the key
 * usage (always critical) and the extended key usage, so that BouncyCastle and {@code openssl}
 * accept what they should and nothing else.
 */
enum CertificateProfile {

    /**
     * RFC 3161 section 2.3: the one and only extended key usage is id-kp-timeStamping, and it is
     * critical. BouncyCastle and {@code openssl ts -verify} both refuse a TSA certificate without it.
     */
    TIME_STAMPING(KeyUsage.digitalSignature, KeyPurposeId.id_kp_timeStamping),

    /**
     * Signs the audit trail's checkpoints as detached CMS. No extended key usage at all:
     * {@code openssl cms -verify} checks the S/MIME purpose and rejects a certificate whose only
     * extended key usage is documentSigning ("unsuitable certificate purpose").
     */
    CHECKPOINT_SIGNING(KeyUsage.digitalSignature | KeyUsage.nonRepudiation, null);

    private final int keyUsage;
    private final KeyPurposeId extendedKeyUsage;

    CertificateProfile(int keyUsage, KeyPurposeId extendedKeyUsage) {
        this.keyUsage = keyUsage;
        this.extendedKeyUsage = extendedKeyUsage;
    }

    KeyUsage keyUsage() {
        return new KeyUsage(keyUsage);
    }

    /** The single, critical extended key usage, if the profile has one. */
    Optional<KeyPurposeId> extendedKeyUsage() {
        return Optional.ofNullable(extendedKeyUsage);
    }
}
