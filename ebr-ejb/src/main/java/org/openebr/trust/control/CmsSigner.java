package org.openebr.trust.control;

import java.io.IOException;
import java.security.cert.CertificateEncodingException;
import java.time.Clock;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.SignerInformationStore;

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

    /**
     * As {@link #signDetached}, with an RFC 3161 time-stamp token of the signature value inside, as the
     * unsigned attribute signatureTimeStampToken (RFC 3161 appendix A): proof of when the signature
     * existed, for PDF signatures that readers and validators check on their own.
     */
    public byte[] signDetachedTimeStamped(byte[] content, SigningIdentity signer, TimeStampAuthority authority) {
        try {
            CMSSignedData signed = new CMSSignedData(signDetached(content, signer));
            SignerInformation info = signed.getSignerInfos().getSigners().iterator().next();
            org.bouncycastle.tsp.TimeStampToken token = new org.bouncycastle.tsp.TimeStampResponse(
                    authority.timeStamp(info.getSignature())).getTimeStampToken();
            if (token == null) {
                throw new TimeStampUnavailable("the time-stamp authority answered without a token");
            }
            org.bouncycastle.asn1.cms.Attribute stamp = new org.bouncycastle.asn1.cms.Attribute(
                    org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers.id_aa_signatureTimeStampToken,
                    new org.bouncycastle.asn1.DERSet(org.bouncycastle.asn1.ASN1Primitive.fromByteArray(token.getEncoded())));
            org.bouncycastle.asn1.ASN1EncodableVector unsigned = new org.bouncycastle.asn1.ASN1EncodableVector();
            unsigned.add(stamp);
            SignerInformation stamped = SignerInformation.replaceUnsignedAttributes(info,
                    new org.bouncycastle.asn1.cms.AttributeTable(unsigned));
            return CMSSignedData.replaceSigners(signed, new SignerInformationStore(stamped)).getEncoded(ASN1Encoding.DER);
        } catch (CMSException | IOException | org.bouncycastle.tsp.TSPException e) {
            throw new IllegalStateException("cannot time-stamp the signature of " + signer.subject(), e);
        }
    }
}
