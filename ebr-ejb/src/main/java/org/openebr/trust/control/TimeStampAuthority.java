package org.openebr.trust.control;

/**
 * A source of RFC 3161 time-stamps: the internal one, signed with the system's own TSA key, or an
 * external, independent authority reached over HTTP. Callers keep the returned bytes as they are
 * (a {@code .tsr} file) so that {@code openssl ts -verify} can check them years later.
 */
public interface TimeStampAuthority {

    /**
     * Time-stamps SHA-256 of {@code data}.
     *
     * @return the DER-encoded TimeStampResp, status granted, with the token and the TSA certificate
     * @throws TimeStampUnavailable if no such time-stamp can be obtained
     */
    byte[] timeStamp(byte[] data);
}
