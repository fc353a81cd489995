package org.openebr.trust.control;

import org.openebr.platform.boundary.DomainException;

/**
 * The key store cannot be created or opened (wrong password, damaged file, no write permission).
 * Nothing may be signed or time-stamped without it, so the message names the file and the cause.
 */
public class TrustStoreUnavailable extends DomainException {

    private static final long serialVersionUID = 1L;

    public TrustStoreUnavailable(String message) {
        super(message);
    }

    public TrustStoreUnavailable(String message, Throwable cause) {
        super(message);
        initCause(cause);
    }

    @Override
    public int status() {
        return 503;
    }

    @Override
    public String kind() {
        return "trust-store-unavailable";
    }
}
