package org.openebr.trust.control;

import java.time.Instant;

/**
 * The outcome of checking a detached CMS signature: valid, or the first problem found, in words an
 * inspector can read. Signer and signing time are filled in as far as they could be read, also when
 * the signature is invalid.
 *
 * @param signerSubject RFC 2253 subject of the signer's certificate, or null if unknown
 * @param signingTime the signed signing-time attribute, or null if unknown
 * @param problem null when valid
 */
public record CmsVerification(boolean valid, String signerSubject, Instant signingTime, String problem) {

    static CmsVerification verified(String signerSubject, Instant signingTime) {
        return new CmsVerification(true, signerSubject, signingTime, null);
    }

    static CmsVerification rejected(String signerSubject, Instant signingTime, String problem) {
        return new CmsVerification(false, signerSubject, signingTime, problem);
    }
}
