package org.openebr.trust.control;

import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.bouncycastle.asn1.cmp.PKIStatus;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.Time;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignerDigestMismatchException;
import org.bouncycastle.cms.CMSVerifierCertificateNotValidException;
import org.bouncycastle.cms.SignerId;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.SignerInformationVerifier;
import org.bouncycastle.cms.jcajce.JcaSignerInfoVerifierBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TSPValidationException;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TimeStampToken;
import org.bouncycastle.tsp.TimeStampTokenInfo;
import org.bouncycastle.util.Store;

/**
 * Checks detached CMS signatures and RFC 3161 time-stamps with nothing but the trusted CA
 * certificate, as an offline verifier (or an inspector's tool) must: no key store, no database, no
 * network. The internal PKI has one level, so the signer's or TSA's certificate must be issued
 * directly by that CA and be valid at the signing time or time-stamp time.
 *
 * <p>Never throws for bad input: a damaged or forged file is an answer ({@code valid = false} with
 * the problem in words), not an error.
 */
public final class TrustVerifier {

    private static final String TIME_STAMPING = KeyPurposeId.id_kp_timeStamping.getId();
    private static final String EXTENDED_KEY_USAGE = Extension.extendedKeyUsage.getId();
    private static final Set<String> DOCUMENT_SIGNING =
            Set.of(KeyPurposeId.id_kp_emailProtection.getId(), KeyPurposeId.anyExtendedKeyUsage.getId());
    private static final int DIGITAL_SIGNATURE = 0;
    private static final int NON_REPUDIATION = 1;

    private final JcaX509CertificateConverter certificates = new JcaX509CertificateConverter();

    /**
     * Checks that {@code p7sDer} is a CMS signature over exactly {@code content}, by a certificate
     * the CA issued for signing and that was valid at the signed signing time.
     */
    public CmsVerification verifyDetachedCms(byte[] content, byte[] p7sDer, X509Certificate trustedCa) {
        if (content == null || p7sDer == null || trustedCa == null) {
            return CmsVerification.rejected(null, null, "content, signature and CA certificate are all required");
        }
        String subject = null;
        Instant signingTime = null;
        try {
            CMSSignedData signedData = new CMSSignedData(new CMSProcessableByteArray(content), p7sDer);
            Collection<SignerInformation> signers = signedData.getSignerInfos().getSigners();
            if (signers.size() != 1) {
                return CmsVerification.rejected(null, null,
                        "the signature has " + signers.size() + " signers, expected exactly one");
            }
            SignerInformation signer = signers.iterator().next();
            Optional<X509CertificateHolder> holder = certificateOf(signedData.getCertificates(), signer.getSID());
            if (holder.isEmpty()) {
                return CmsVerification.rejected(null, null, "the signature does not include the signer's certificate");
            }
            X509Certificate certificate = certificates.getCertificate(holder.get());
            subject = certificate.getSubjectX500Principal().getName();
            signingTime = signingTime(signer);
            if (signingTime == null) {
                return CmsVerification.rejected(subject, null, "the signature has no signed signing time");
            }
            // checks the message digest against the content, then the signature over the signed attributes
            if (!signer.verify(verifier(holder.get()))) {
                return CmsVerification.rejected(subject, signingTime, "the signature value is not valid");
            }
            Optional<String> problem = issuanceProblem(certificate, trustedCa, signingTime)
                    .or(() -> signingUseProblem(certificate));
            if (problem.isPresent()) {
                return CmsVerification.rejected(subject, signingTime, problem.get());
            }
            return CmsVerification.verified(subject, signingTime);
        } catch (CMSSignerDigestMismatchException e) {
            return CmsVerification.rejected(subject, signingTime,
                    "the content is not what was signed (its SHA-256 digest differs)");
        } catch (CMSVerifierCertificateNotValidException e) {
            return CmsVerification.rejected(subject, signingTime,
                    "the signer's certificate was not valid at the signing time");
        } catch (CMSException | OperatorCreationException | CertificateException | RuntimeException e) {
            // BouncyCastle reports some malformed encodings as unchecked exceptions: still an answer
            return CmsVerification.rejected(subject, signingTime, "not a readable CMS signature: " + e.getMessage());
        }
    }

    /**
     * Checks that {@code tsrDer} is a granted RFC 3161 response whose token covers SHA-256 of
     * {@code data}, is signed by a time-stamping certificate the CA issued, valid at the token's time.
     */
    public TimeStampVerification verifyTimeStamp(byte[] data, byte[] tsrDer, X509Certificate trustedCa) {
        return verifyTimeStamp(data, tsrDer, trustedCa == null ? List.of() : List.of(trustedCa));
    }

    /**
     * As {@link #verifyTimeStamp(byte[], byte[], X509Certificate)}, trusting any of several CAs: the
     * installation's own (internal time-stamp authority) and every external authority's CA it has
     * used, so that a time stamp stays verifiable after the installation moved to another authority.
     */
    public TimeStampVerification verifyTimeStamp(byte[] data, byte[] tsrDer, List<X509Certificate> trustedCas) {
        if (data == null || tsrDer == null || trustedCas == null || trustedCas.isEmpty()) {
            return TimeStampVerification.rejected(null, null, "data, time-stamp and CA certificate are all required");
        }
        Instant genTime = null;
        BigInteger serialNumber = null;
        try {
            TimeStampResponse response = new TimeStampResponse(tsrDer);
            TimeStampToken token = response.getTimeStampToken();
            boolean granted = response.getStatus() == PKIStatus.GRANTED
                    || response.getStatus() == PKIStatus.GRANTED_WITH_MODS;
            if (!granted || token == null) {
                return TimeStampVerification.rejected(null, null,
                        "the response grants no time-stamp (status " + response.getStatus() + ")");
            }
            TimeStampTokenInfo info = token.getTimeStampInfo();
            genTime = info.getGenTime().toInstant();
            serialNumber = info.getSerialNumber();
            if (!NISTObjectIdentifiers.id_sha256.equals(info.getMessageImprintAlgOID())) {
                return TimeStampVerification.rejected(genTime, serialNumber,
                        "the time-stamp covers a " + info.getMessageImprintAlgOID() + " digest, not SHA-256");
            }
            if (!MessageDigest.isEqual(Crypto.sha256(data), info.getMessageImprintDigest())) {
                return TimeStampVerification.rejected(genTime, serialNumber,
                        "the time-stamp is for other data (its message imprint is not SHA-256 of the data)");
            }
            Optional<X509CertificateHolder> holder = certificateOf(token.getCertificates(), token.getSID());
            if (holder.isEmpty()) {
                return TimeStampVerification.rejected(genTime, serialNumber,
                        "the token does not include the time-stamp authority's certificate");
            }
            X509Certificate certificate = certificates.getCertificate(holder.get());
            Optional<String> problem = timeStampingUseProblem(certificate)
                    .or(() -> issuanceProblem(certificate, trustedCas, info.getGenTime().toInstant()));
            if (problem.isPresent()) {
                return TimeStampVerification.rejected(genTime, serialNumber, problem.get());
            }
            // the token's signature, and that its signing-certificate attribute names this certificate
            token.validate(verifier(holder.get()));
            return TimeStampVerification.verified(genTime, serialNumber);
        } catch (TSPValidationException e) {
            return TimeStampVerification.rejected(genTime, serialNumber, "the token is not valid: " + e.getMessage());
        } catch (TSPException | IOException | OperatorCreationException | CertificateException | RuntimeException e) {
            // BouncyCastle reports some malformed encodings as unchecked exceptions: still an answer
            return TimeStampVerification.rejected(genTime, serialNumber,
                    "not a readable RFC 3161 time-stamp response: " + e.getMessage());
        }
    }

    /** Issued by the trusted CA (name and signature), both certificates valid at {@code time}. */
    /** Issued by one of the CAs (the first with the issuer's name that verifies it), or why not. */
    private static Optional<String> issuanceProblem(X509Certificate certificate, List<X509Certificate> cas, Instant time) {
        List<X509Certificate> named = cas.stream()
                .filter(ca -> certificate.getIssuerX500Principal().equals(ca.getSubjectX500Principal())).toList();
        if (named.isEmpty()) {
            return issuanceProblem(certificate, cas.get(0), time).map(problem -> cas.size() == 1 ? problem
                    : "the certificate of " + certificate.getSubjectX500Principal().getName() + " was issued by "
                            + certificate.getIssuerX500Principal().getName() + ", which is none of the " + cas.size()
                            + " trusted CAs");
        }
        Optional<String> first = Optional.empty();
        for (X509Certificate ca : named) {
            Optional<String> problem = issuanceProblem(certificate, ca, time);
            if (problem.isEmpty()) {
                return problem;
            }
            first = first.or(() -> problem);
        }
        return first;
    }

    private static Optional<String> issuanceProblem(X509Certificate certificate, X509Certificate ca, Instant time) {
        String subject = certificate.getSubjectX500Principal().getName();
        if (!certificate.getIssuerX500Principal().equals(ca.getSubjectX500Principal())) {
            return Optional.of("the certificate of " + subject + " was issued by "
                    + certificate.getIssuerX500Principal().getName() + ", not by the trusted CA "
                    + ca.getSubjectX500Principal().getName());
        }
        try {
            certificate.verify(ca.getPublicKey(), Crypto.PROVIDER);
        } catch (GeneralSecurityException e) {
            return Optional.of("the certificate of " + subject + " does not carry the trusted CA's signature");
        }
        Date when = Date.from(time);
        try {
            ca.checkValidity(when);
        } catch (CertificateException e) {
            return Optional.of("the CA certificate was not valid at " + time);
        }
        try {
            certificate.checkValidity(when);
        } catch (CertificateException e) {
            return Optional.of("the certificate of " + subject + " was not valid at " + time);
        }
        return Optional.empty();
    }

    /**
     * Key usage digitalSignature or nonRepudiation; an extended key usage, if any, as openssl's
     * S/MIME purpose check wants it (emailProtection or anyExtendedKeyUsage), so that this verifier
     * and {@code openssl cms -verify} never disagree about a signer.
     */
    private static Optional<String> signingUseProblem(X509Certificate certificate) {
        String subject = certificate.getSubjectX500Principal().getName();
        boolean[] keyUsage = certificate.getKeyUsage();
        if (keyUsage != null && !keyUsage[DIGITAL_SIGNATURE] && !keyUsage[NON_REPUDIATION]) {
            return Optional.of("the certificate of " + subject + " is not for signing (key usage)");
        }
        List<String> extendedKeyUsage;
        try {
            extendedKeyUsage = certificate.getExtendedKeyUsage();
        } catch (CertificateException e) {
            return Optional.of("the extended key usage of " + subject + " cannot be read");
        }
        if (extendedKeyUsage != null && extendedKeyUsage.stream().noneMatch(DOCUMENT_SIGNING::contains)) {
            return Optional.of("the certificate of " + subject + " is not for signing documents (extended key usage "
                    + extendedKeyUsage + ")");
        }
        return Optional.empty();
    }

    /** RFC 3161 section 2.3: exactly one extended key usage, timeStamping, marked critical. */
    private static Optional<String> timeStampingUseProblem(X509Certificate certificate) {
        List<String> extendedKeyUsage;
        try {
            extendedKeyUsage = certificate.getExtendedKeyUsage();
        } catch (CertificateException e) {
            extendedKeyUsage = null;
        }
        Set<String> critical = certificate.getCriticalExtensionOIDs();
        if (!List.of(TIME_STAMPING).equals(extendedKeyUsage) || critical == null
                || !critical.contains(EXTENDED_KEY_USAGE)) {
            return Optional.of("the certificate of " + certificate.getSubjectX500Principal().getName()
                    + " is not a time-stamping certificate (extended key usage must be timeStamping only, critical)");
        }
        return Optional.empty();
    }

    private static Instant signingTime(SignerInformation signer) {
        AttributeTable attributes = signer.getSignedAttributes();
        Attribute attribute = attributes == null ? null : attributes.get(CMSAttributes.signingTime);
        if (attribute == null) {
            return null;
        }
        return Time.getInstance(attribute.getAttrValues().getObjectAt(0)).getDate().toInstant();
    }

    @SuppressWarnings("unchecked") // SignerId is a raw Selector in BouncyCastle's API
    private static Optional<X509CertificateHolder> certificateOf(Store<X509CertificateHolder> store, SignerId id) {
        return store.getMatches(id).stream().findFirst();
    }

    private static SignerInformationVerifier verifier(X509CertificateHolder certificate)
            throws OperatorCreationException, CertificateException {
        return new JcaSignerInfoVerifierBuilder(Crypto.jdkDigests()).setProvider(Crypto.PROVIDER).build(certificate);
    }
}
