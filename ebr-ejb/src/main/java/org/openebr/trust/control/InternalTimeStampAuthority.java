package org.openebr.trust.control;

import java.io.IOException;
import java.math.BigInteger;
import java.security.cert.CertificateEncodingException;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.Set;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.cmp.PKIFailureInfo;
import org.bouncycastle.asn1.cmp.PKIStatus;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.operator.DigestCalculator;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TimeStampResponseGenerator;
import org.bouncycastle.tsp.TimeStampTokenGenerator;

/**
 * The system's own RFC 3161 time-stamp authority: the time comes from the server clock, the token is
 * signed with the TSA key of the {@link TrustStore}. It proves when the system saw a value, not that
 * an outside party saw it; sites that need independent time configure an
 * {@link HttpTimeStampAuthority} instead.
 */
public final class InternalTimeStampAuthority implements TimeStampAuthority {

    /**
     * The TSA policy named in every token. A PLACEHOLDER under a private enterprise arc that is not
     * (yet) assigned to OpenEBR: replace it with an OID under OpenEBR's own IANA enterprise number
     * once one is registered. Tokens already issued keep the old OID and still verify.
     */
    public static final String POLICY_OID = "1.3.6.1.4.1.55555.1.1";

    private static final ASN1ObjectIdentifier POLICY = new ASN1ObjectIdentifier(POLICY_OID);

    // strong digests only; a request over SHA-1 or MD5 is rejected with badAlg
    private static final Set<ASN1ObjectIdentifier> ACCEPTED_DIGESTS =
            Set.of(TSPAlgorithms.SHA256, TSPAlgorithms.SHA384, TSPAlgorithms.SHA512);

    private final SigningIdentity signer;
    private final Clock clock;

    public InternalTimeStampAuthority(SigningIdentity signer, Clock clock) {
        this.signer = signer;
        this.clock = clock;
    }

    @Override
    public byte[] timeStamp(byte[] data) {
        TimeStampResponse response = respond(TimeStampRequests.forData(data));
        if (response.getStatus() != PKIStatus.GRANTED) {
            // only a bug in this class can get here: the request above is always acceptable
            throw new IllegalStateException("the internal TSA refused its own request: " + response.getStatusString());
        }
        return encoded(response);
    }

    /**
     * Answers an RFC 3161 request from any client (a DER TimeStampReq, a {@code .tsq} file) with a
     * DER TimeStampResp: granted, or rejected with the reason (bad format, algorithm or policy).
     */
    public byte[] answer(byte[] timeStampQuery) {
        TimeStampRequest request;
        try {
            request = new TimeStampRequest(timeStampQuery);
        } catch (IOException | RuntimeException e) {
            // BouncyCastle reports some malformed encodings as unchecked exceptions; a client gets an answer
            return encoded(reject(PKIFailureInfo.badDataFormat, "not an RFC 3161 time-stamp request"));
        }
        return encoded(respond(request));
    }

    private TimeStampResponse respond(TimeStampRequest request) {
        Instant now = clock.instant();
        try {
            // one generator per token, so that the CMS signing time is the clock's time, like genTime
            TimeStampTokenGenerator tokens = new TimeStampTokenGenerator(Crypto.signerInfoGenerator(signer, now),
                    sha256Calculator(), POLICY);
            tokens.setAccuracySeconds(1);
            tokens.addCertificates(new JcaCertStore(signer.chain()));
            TimeStampResponseGenerator responses = new TimeStampResponseGenerator(tokens, ACCEPTED_DIGESTS,
                    Set.of(POLICY));
            // generate(...) turns an unacceptable request into a rejection instead of throwing
            return responses.generate(request, serialNumber(now), Date.from(now));
        } catch (TSPException | CertificateEncodingException | OperatorCreationException e) {
            throw new IllegalStateException("the internal TSA cannot sign a time-stamp", e);
        }
    }

    private static TimeStampResponse reject(int failure, String reason) {
        try {
            return new TimeStampResponseGenerator(null, Set.of()).generateFailResponse(PKIStatus.REJECTION, failure,
                    reason);
        } catch (TSPException e) {
            throw new IllegalStateException("the internal TSA cannot encode a rejection", e);
        }
    }

    /**
     * Unique without shared state, even across restarts and several servers: the generation time in
     * milliseconds, then 64 random bits. At most 128 bits, well within RFC 3161's 160.
     */
    private static BigInteger serialNumber(Instant now) {
        return BigInteger.valueOf(now.toEpochMilli()).shiftLeft(64).or(new BigInteger(64, Crypto.random()));
    }

    private static DigestCalculator sha256Calculator() throws OperatorCreationException {
        return Crypto.jdkDigests().get(new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256));
    }

    private static byte[] encoded(TimeStampResponse response) {
        try {
            return response.getEncoded(ASN1Encoding.DER);
        } catch (IOException e) {
            throw new IllegalStateException("cannot encode a time-stamp response", e);
        }
    }
}
