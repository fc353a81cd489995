package org.openebr.trust.control;

import org.openebr.platform.boundary.DomainException;
import org.openebr.platform.boundary.Refusal;

/**
 * No trustworthy time-stamp could be obtained: the time-stamp authority could not be reached,
 * refused the request, or answered with something that is not a time-stamp of the request. A
 * record that needs a time-stamp is then not saved (the transaction rolls back).
 */
public class TimeStampUnavailable extends DomainException {

    private static final long serialVersionUID = 2L;

    private static final Refusal REFUSAL = Refusal.of(Refusal.Category.UNAVAILABLE, "time-stamp-unavailable");

    public TimeStampUnavailable(String message) {
        super(REFUSAL, message);
    }

    public TimeStampUnavailable(String message, Throwable cause) {
        super(REFUSAL, message, cause);
    }
}
