package org.openebr.trust.control;

import org.openebr.platform.boundary.DomainException;
import org.openebr.platform.boundary.Refusal;

/**
 * The key store cannot be created or opened (wrong password, damaged file, no write permission).
 * Nothing may be signed or time-stamped without it, so the message names the file and the cause.
 */
public class TrustStoreUnavailable extends DomainException {

    private static final long serialVersionUID = 2L;

    private static final Refusal REFUSAL = Refusal.of(Refusal.Category.UNAVAILABLE, "trust-store-unavailable");

    public TrustStoreUnavailable(String message) {
        super(REFUSAL, message);
    }

    public TrustStoreUnavailable(String message, Throwable cause) {
        super(REFUSAL, message, cause);
    }
}
