package org.openebr.trust.control;

import org.openebr.platform.boundary.DomainException;

/**
 * No trustworthy time-stamp could be obtained: the time-stamp authority could not be reached,
 * refused the request, or answered with something that is not a time-stamp of the request. A
 * record that needs a time-stamp is then not saved (the transaction rolls back).
 */
public class TimeStampUnavailable extends DomainException {

    private static final long serialVersionUID = 1L;

    public TimeStampUnavailable(String message) {
        super(message);
    }

    public TimeStampUnavailable(String message, Throwable cause) {
        super(message);
        initCause(cause);
    }

    @Override
    public int status() {
        return 503;
    }

    @Override
    public String kind() {
        return "time-stamp-unavailable";
    }
}
