package org.openebr.trust.control;

import java.math.BigInteger;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;

/** The one kind of RFC 3161 request OpenEBR sends. */
final class TimeStampRequests {

    private TimeStampRequests() {
    }

    /**
     * A request over SHA-256 of {@code data} (hashed by the JDK), asking for the TSA certificate in
     * the token (so a verifier needs only the CA certificate) and carrying a random 64-bit nonce (so
     * an old or replayed response cannot pass for the answer).
     */
    static TimeStampRequest forData(byte[] data) {
        TimeStampRequestGenerator generator = new TimeStampRequestGenerator();
        generator.setCertReq(true);
        return generator.generate(TSPAlgorithms.SHA256, Crypto.sha256(data), new BigInteger(64, Crypto.random()));
    }
}
