package org.openebr.trust.control;

import java.time.Period;
import java.util.Optional;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;

/**
 * What an end-entity certificate of the internal CA may be used for. Each profile fixes the key
 * usage (always critical), the extended key usage and the validity, so that BouncyCastle and
 * {@code openssl} accept what they should and nothing else.
 */
enum CertificateProfile {

    /**
     * RFC 3161 section 2.3: the one and only extended key usage is id-kp-timeStamping, and it is
     * critical. BouncyCastle and {@code openssl ts -verify} both refuse a TSA certificate without it.
     */
    TIME_STAMPING(KeyUsage.digitalSignature, KeyPurposeId.id_kp_timeStamping, Period.ofYears(10)),

    /**
     * Signs the audit trail's checkpoints and the documents the installation issues (PDF signatures of
     * batch reports) as detached CMS. No extended key usage at all:
     * {@code openssl cms -verify} checks the S/MIME purpose and rejects a certificate whose only
     * extended key usage is documentSigning ("unsuitable certificate purpose").
     */
    CHECKPOINT_SIGNING(KeyUsage.digitalSignature | KeyUsage.nonRepudiation, null, Period.ofYears(10)),

    /**
     * A person's electronic signature key (21 CFR Part 11): like the checkpoint signer, no extended
     * key usage, for the same openssl reason. Three years, so that people re-enrol (and have their
     * identity confirmed again) periodically; a signature made while the certificate was valid stays
     * verifiable after it expires, as validity is checked at the signing time.
     */
    USER_SIGNING(KeyUsage.digitalSignature | KeyUsage.nonRepudiation, null, Period.ofYears(3));

    private final int keyUsage;
    private final KeyPurposeId extendedKeyUsage;
    private final Period validity;

    CertificateProfile(int keyUsage, KeyPurposeId extendedKeyUsage, Period validity) {
        this.keyUsage = keyUsage;
        this.extendedKeyUsage = extendedKeyUsage;
        this.validity = validity;
    }

    KeyUsage keyUsage() {
        return new KeyUsage(keyUsage);
    }

    /** The single, critical extended key usage, if the profile has one. */
    Optional<KeyPurposeId> extendedKeyUsage() {
        return Optional.ofNullable(extendedKeyUsage);
    }

    /** From the issuing second on. */
    Period validity() {
        return validity;
    }
}
