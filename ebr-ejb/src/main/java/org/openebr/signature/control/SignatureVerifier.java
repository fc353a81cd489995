package org.openebr.signature.control;

import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.openebr.signature.entity.ElectronicSignature;
import org.openebr.signature.entity.SigningCredential;
import org.openebr.trust.control.CmsVerification;
import org.openebr.trust.control.TimeStampVerification;
import org.openebr.trust.control.TrustVerifier;

/**
 * Checks a stored signature against the record as it is now (21 CFR 11.70): the signed content must
 * be exactly what the record's current version and the signature's facts give (so a changed
 * record, or a signature row moved to another record, no longer verifies); the CMS signature must
 * verify over it with the signer's certificate from the installation's CA; the signature value
 * must be the CMS signature's own; and the RFC 3161 time stamp must cover that value.
 */
public final class SignatureVerifier {

    /** The outcome, in words an inspector can act on. */
    public record Result(boolean valid, List<String> problems) {
        public Result {
            problems = List.copyOf(problems);
        }
    }

    private final TrustVerifier trust = new TrustVerifier();

    public Result verify(ElectronicSignature signature, Optional<Object> currentRecord, SigningCredential credential,
                         X509Certificate ca, List<X509Certificate> timeStampCas) {
        List<String> problems = new ArrayList<>();
        byte[] content = signature.signedContent();
        if (currentRecord.isEmpty()) {
            problems.add("The signed record " + signature.recordType() + " " + signature.recordId() + " no longer exists.");
        } else if (!Arrays.equals(content, SignedDocument.bytes(signature.facts(), currentRecord.get()))) {
            problems.add("The record is no longer what was signed: it changed after signing, or the signature belongs"
                    + " to another record.");
        }
        if (!signature.contentSha256().equals(java.util.HexFormat.of().formatHex(SignedDocument.sha256(content)))) {
            problems.add("The signed content does not match its recorded SHA-256.");
        }
        CmsVerification cms = trust.verifyDetachedCms(content, signature.cms(), ca);
        if (!cms.valid()) {
            problems.add("The CMS signature does not verify: " + cms.problem());
        } else if (!sameCertificate(signature.cms(), credential)) {
            problems.add("The CMS signature was not made with the signer's credential " + credential.serial() + ".");
        }
        // the credential, its certificate's UID and the signer named in the content are one and the same person
        if (!credential.accountId().equals(signature.signerAccountId())) {
            problems.add("The credential " + credential.serial() + " belongs to another account than the signer's.");
        } else if (!uidOf(credential).equals(signature.signerAccountId().toString())) {
            problems.add("The certificate's user id (UID) is not the signer's account id.");
        }
        if (!Arrays.equals(signatureValueOf(signature.cms()), signature.signatureValue())) {
            problems.add("The stored signature value is not the CMS signature's value.");
        }
        TimeStampVerification ts = trust.verifyTimeStamp(signature.signatureValue(), signature.timeStamp(), timeStampCas);
        if (!ts.valid()) {
            problems.add("The time stamp does not verify: " + ts.problem());
        } else {
            // the trusted time, not the signer's own: the certificate must have been valid when the time-stamp
            // authority saw the signature; a certificate that expired since does not matter
            problems.addAll(validAtTimeStamp(credential, ts.genTime(), signature.facts().signedAt()));
        }
        if (credential.revokedAt() != null && credential.revokedAt().isBefore(signature.facts().signedAt())) {
            problems.add("The signer's credential was revoked before the signature was made.");
        }
        return new Result(problems.isEmpty(), problems);
    }

    static final java.time.Duration TIME_STAMP_TOLERANCE = java.time.Duration.ofMinutes(10);

    private static List<String> validAtTimeStamp(SigningCredential credential, java.time.Instant genTime,
                                                 java.time.Instant signedAt) {
        List<String> problems = new ArrayList<>();
        try {
            certificate(credential.certificate()).checkValidity(java.util.Date.from(genTime));
        } catch (CertificateException e) {
            problems.add("The signer's certificate was not valid at the time stamp's time " + genTime + ".");
        }
        if (java.time.Duration.between(signedAt, genTime).abs().compareTo(TIME_STAMP_TOLERANCE) > 0) {
            problems.add("The time stamp (" + genTime + ") is far from the recorded signing time (" + signedAt + ").");
        }
        return problems;
    }

    /** The signature value inside a CMS SignedData (the bytes the time stamp covers). */
    public static byte[] signatureValueOf(byte[] cmsDer) {
        try {
            SignerInformation signer = new CMSSignedData(cmsDer).getSignerInfos().getSigners().iterator().next();
            return signer.getSignature();
        } catch (Exception unreadable) {
            return new byte[0];
        }
    }

    private static String uidOf(SigningCredential credential) {
        try {
            for (javax.naming.ldap.Rdn rdn : new javax.naming.ldap.LdapName(
                    certificate(credential.certificate()).getSubjectX500Principal().getName()).getRdns()) {
                if (rdn.getType().equalsIgnoreCase("UID") || rdn.getType().equals("0.9.2342.19200300.100.1.1")) {
                    Object value = rdn.getValue();
                    return value instanceof byte[] bytes ? new String(bytes, java.nio.charset.StandardCharsets.UTF_8)
                            : String.valueOf(value);
                }
            }
        } catch (CertificateException | javax.naming.InvalidNameException unreadable) {
            return "";
        }
        return "";
    }

    private static boolean sameCertificate(byte[] cmsDer, SigningCredential credential) {
        try {
            CMSSignedData data = new CMSSignedData(cmsDer);
            SignerInformation signer = data.getSignerInfos().getSigners().iterator().next();
            X509Certificate expected = certificate(credential.certificate());
            return signer.getSID().getSerialNumber() != null
                    && signer.getSID().getSerialNumber().equals(expected.getSerialNumber());
        } catch (Exception unreadable) {
            return false;
        }
    }

    public static X509Certificate certificate(byte[] der) throws CertificateException {
        return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
    }
}
