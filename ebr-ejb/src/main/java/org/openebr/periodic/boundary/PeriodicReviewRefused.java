package org.openebr.periodic.boundary;

import org.openebr.platform.boundary.DomainException;
import org.openebr.platform.boundary.Refusal;

/** A periodic review pack that cannot be made as asked. */
public class PeriodicReviewRefused extends DomainException {

    private static final long serialVersionUID = 1L;

    public enum Reason implements Refusal.Reason {
        /** No period, an end before its start, or a period longer than a pack covers. */
        @Declared(category = Category.MALFORMED, kind = "invalid-review-period")
        INVALID_PERIOD
    }

    public PeriodicReviewRefused(String message) {
        super(Reason.INVALID_PERIOD, message);
    }
}
