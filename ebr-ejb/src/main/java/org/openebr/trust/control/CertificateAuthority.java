package org.openebr.trust.control;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;

/**
 * The internal certificate authority: a self-signed root that issues every end-entity certificate
 * directly (one level, no intermediates, so a verifier needs nothing but {@code ca.pem}).
 * Certificates start at the injected clock's current second, carry a random positive 127-bit
 * serial number (RFC 5280 allows 20 octets; randomness makes serials unguessable) and are signed
 * with ECDSA P-256 / SHA-256.
 */
final class CertificateAuthority {

    static final Period CA_VALIDITY = Period.ofYears(20);
    static final String CA_NAME = "OpenEBR Internal CA";

    private final SigningIdentity identity;
    private final Clock clock;

    /** The CA of an existing store, from its key and self-signed certificate. */
    CertificateAuthority(SigningIdentity identity, Clock clock) {
        this.identity = identity;
        this.clock = clock;
    }

    /** A new root CA, "CN=OpenEBR Internal CA, O=installation", with a fresh key pair. */
    static CertificateAuthority createRoot(String installationName, Clock clock) {
        KeyPair keys = Crypto.newKeyPair();
        X500Name name = name(CA_NAME, installationName);
        Instant notBefore = startOfCurrentSecond(clock);
        try {
            JcaX509ExtensionUtils ids = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name, newSerialNumber(),
                    Date.from(notBefore), Date.from(plus(notBefore, CA_VALIDITY)), name, keys.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(true))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
                    .addExtension(Extension.subjectKeyIdentifier, false,
                            ids.createSubjectKeyIdentifier(keys.getPublic()));
            X509Certificate certificate = sign(builder, keys.getPrivate());
            return new CertificateAuthority(new SigningIdentity(keys.getPrivate(), certificate, List.of(certificate)),
                    clock);
        } catch (GeneralSecurityException | CertIOException e) {
            throw new IllegalStateException("cannot create the internal CA certificate", e);
        }
    }

    SigningIdentity identity() {
        return identity;
    }

    X509Certificate certificate() {
        return identity.certificate();
    }

    /**
     * A new key pair with a certificate "CN=commonName, O=(the CA's organisation)" for the given
     * use. The private key never leaves the store it is put in.
     */
    SigningIdentity issueEndEntity(String commonName, CertificateProfile profile) {
        KeyPair keys = Crypto.newKeyPair();
        X509Certificate certificate = issueEndEntityCertificate(commonName, keys.getPublic(), profile);
        return new SigningIdentity(keys.getPrivate(), certificate, List.of(certificate, certificate()));
    }

    /**
     * A certificate "CN=commonName, O=(the CA's organisation)" for a system key: CA:FALSE, authority
     * and subject key identifiers, and the profile's key usages and validity.
     */
    X509Certificate issueEndEntityCertificate(String commonName, PublicKey subjectKey, CertificateProfile profile) {
        return issue(name(commonName, organisation()), subjectKey, profile);
    }

    /**
     * A person's signing certificate, "CN=printedName, UID=userId, O=(the CA's organisation)": the
     * printed name is what a signature shows (21 CFR 11.50), the UID the account's immutable id, which
     * ties the signature to the one person even if two share a name or a name changes.
     */
    X509Certificate issueUserCertificate(String userId, String printedName, PublicKey subjectKey) {
        X500Name subject = new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.O, organisation())
                .addRDN(BCStyle.UID, userId)
                .addRDN(BCStyle.CN, printedName)
                .build();
        return issue(subject, subjectKey, CertificateProfile.USER_SIGNING);
    }

    private X509Certificate issue(X500Name subject, PublicKey subjectKey, CertificateProfile profile) {
        Instant notBefore = startOfCurrentSecond(clock);
        try {
            JcaX509ExtensionUtils ids = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(certificate(), newSerialNumber(),
                    Date.from(notBefore), Date.from(plus(notBefore, profile.validity())), subject, subjectKey)
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                    .addExtension(Extension.keyUsage, true, profile.keyUsage())
                    .addExtension(Extension.authorityKeyIdentifier, false,
                            ids.createAuthorityKeyIdentifier(certificate()))
                    .addExtension(Extension.subjectKeyIdentifier, false, ids.createSubjectKeyIdentifier(subjectKey));
            if (profile.extendedKeyUsage().isPresent()) {
                builder.addExtension(Extension.extendedKeyUsage, true,
                        new ExtendedKeyUsage(profile.extendedKeyUsage().get()));
            }
            return sign(builder, identity.key());
        } catch (GeneralSecurityException | CertIOException e) {
            throw new IllegalStateException("cannot issue a certificate for " + subject, e);
        }
    }

    /**
     * Whether this CA issued {@code certificate}: its issuer is the CA's name and its signature the
     * CA's (the name alone could be copied by anyone).
     */
    boolean issued(X509Certificate certificate) {
        if (!certificate.getIssuerX500Principal().equals(certificate().getSubjectX500Principal())) {
            return false;
        }
        try {
            certificate.verify(certificate().getPublicKey(), Crypto.PROVIDER);
            return true;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    /** The O= of the CA's subject: the installation the CA was created for. */
    private String organisation() {
        X500Name caName = X500Name.getInstance(certificate().getSubjectX500Principal().getEncoded());
        RDN[] organisations = caName.getRDNs(BCStyle.O);
        ASN1Encodable value = organisations[0].getFirst().getValue();
        return value instanceof ASN1String text ? text.getString() : value.toString();
    }

    /** Built attribute by attribute, so that commas or quotes in a site name cannot alter the name. */
    private static X500Name name(String commonName, String organisation) {
        return new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.O, organisation)
                .addRDN(BCStyle.CN, commonName)
                .build();
    }

    private static X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey caKey)
            throws GeneralSecurityException {
        return new JcaX509CertificateConverter().getCertificate(builder.build(Crypto.contentSigner(caKey)));
    }

    private static BigInteger newSerialNumber() {
        // 127 random bits with the top one set: always positive, always 16 octets in DER
        return new BigInteger(127, Crypto.random()).setBit(126);
    }

    // X.509 validity has whole seconds; truncating keeps "valid from" at or before the clock's now
    private static Instant startOfCurrentSecond(Clock clock) {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }

    private static Instant plus(Instant start, Period period) {
        return start.atOffset(ZoneOffset.UTC).plus(period).toInstant();
    }
}
