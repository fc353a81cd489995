package org.openebr.trust.control;

import java.math.BigInteger;
import java.time.Instant;

/**
 * The outcome of checking an RFC 3161 time-stamp response against the data it should cover: valid,
 * or the first problem found. Time and serial number are filled in as far as they could be read.
 *
 * @param genTime the time the authority vouches for, or null if unknown
 * @param serialNumber the token's serial number, or null if unknown
 * @param problem null when valid
 */
public record TimeStampVerification(boolean valid, Instant genTime, BigInteger serialNumber, String problem) {

    static TimeStampVerification verified(Instant genTime, BigInteger serialNumber) {
        return new TimeStampVerification(true, genTime, serialNumber, null);
    }

    static TimeStampVerification rejected(Instant genTime, BigInteger serialNumber, String problem) {
        return new TimeStampVerification(false, genTime, serialNumber, problem);
    }
}
