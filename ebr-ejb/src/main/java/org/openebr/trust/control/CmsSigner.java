package org.openebr.trust.control;

import java.io.IOException;
import java.security.cert.CertificateEncodingException;
import java.time.Clock;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;

/**
 * Detached CMS signatures (RFC 5652 SignedData, a {@code .p7s} file) of records kept elsewhere:
 * SHA-256 with ECDSA, the signer's certificate chain included, signed attributes content type,
 * message digest and signing time (from the injected clock). The content itself is not embedded,
 * so the signed record stays exactly as stored; {@code openssl cms -verify -binary -content ...}
 * checks the pair.
 */
public final class CmsSigner {

    private final Clock clock;

    public CmsSigner(Clock clock) {
        this.clock = clock;
    }

    /** @return the DER-encoded CMS SignedData over {@code content}, without the content */
    public byte[] signDetached(byte[] content, SigningIdentity signer) {
        try {
            CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
            generator.addSignerInfoGenerator(Crypto.signerInfoGenerator(signer, clock.instant()));
            generator.addCertificates(new JcaCertStore(signer.chain()));
            return generator.generate(new CMSProcessableByteArray(content), false).getEncoded(ASN1Encoding.DER);
        } catch (CMSException | CertificateEncodingException | IOException e) {
            throw new IllegalStateException("cannot sign as " + signer.subject(), e);
        }
    }
}
