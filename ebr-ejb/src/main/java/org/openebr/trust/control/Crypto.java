package org.openebr.trust.control;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.SecureRandom;
import java.security.cert.CertificateEncodingException;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.Time;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.SignerInfoGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.DigestCalculatorProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * The algorithms of the internal PKI in one place: ECDSA on P-256 with SHA-256, keys made and
 * signatures computed by BouncyCastle, digests computed by the JDK (BouncyCastle signs ECDSA about
 * seven times faster than the JDK; the JDK hashes about ten times faster, using the CPU's SHA
 * instructions).
 *
 * <p>The provider is a private instance passed to every builder, never registered with
 * {@code Security.addProvider} for the PKI's use: the application server has its own provider list,
 * which a deployment must not reorder (the one addition, at the lowest priority, is OPC UA's RSA-PSS:
 * {@link JcaProviders}).
 */
final class Crypto {

    static final Provider PROVIDER = new BouncyCastleProvider();
    static final String SIGNATURE_ALGORITHM = "SHA256withECDSA";
    static final String CURVE = "secp256r1";

    private static final SecureRandom RANDOM = new SecureRandom();

    private Crypto() {
    }

    static SecureRandom random() {
        return RANDOM;
    }

    static KeyPair newKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", PROVIDER);
            generator.initialize(new ECGenParameterSpec(CURVE), RANDOM);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("BouncyCastle cannot make a P-256 key pair", e);
        }
    }

    /** SHA-256 by the JDK. */
    static byte[] sha256(byte[] data) {
        return Digests.sha256(data);
    }

    /** Digests for CMS and certificate ids, by the JDK's own providers. */
    static DigestCalculatorProvider jdkDigests() {
        try {
            return new JcaDigestCalculatorProviderBuilder().build();
        } catch (OperatorCreationException e) {
            throw new IllegalStateException("the JDK offers no digest calculators", e);
        }
    }

    static ContentSigner contentSigner(PrivateKey key) {
        try {
            return new JcaContentSignerBuilder(SIGNATURE_ALGORITHM).setProvider(PROVIDER).build(key);
        } catch (OperatorCreationException e) {
            throw new IllegalStateException("cannot sign with this key (" + key.getAlgorithm() + ")", e);
        }
    }

    /**
     * Signs CMS signer infos as {@code signer}, with the signed attributes content type, message
     * digest and a signing time taken from the caller's clock (BouncyCastle would otherwise use the
     * JVM's clock, which is not the server clock tests and records rely on).
     */
    static SignerInfoGenerator signerInfoGenerator(SigningIdentity signer, Instant signingTime) {
        AttributeTable signingTimeAttribute = new AttributeTable(new Attribute(CMSAttributes.signingTime,
                new DERSet(new Time(Date.from(signingTime)))));
        try {
            return new JcaSignerInfoGeneratorBuilder(jdkDigests())
                    .setSignedAttributeGenerator(new DefaultSignedAttributeTableGenerator(signingTimeAttribute))
                    .build(contentSigner(signer.key()), signer.certificate());
        } catch (OperatorCreationException | CertificateEncodingException e) {
            throw new IllegalStateException("cannot prepare a CMS signer for " + signer.subject(), e);
        }
    }
}
