package org.openebr.audit.control;

import org.openebr.platform.boundary.DomainException;
import org.openebr.platform.boundary.Refusal;

/**
 * A change or voiding of GMP data without a reason (EU GMP Annex 11 §9). Raised by the revision
 * listener as the last line of defence; boundaries ask for the reason before they change anything.
 */
public class ReasonRequired extends DomainException {

    private static final long serialVersionUID = 2L;

    private static final Refusal REFUSAL = Refusal.of(Refusal.Category.INVALID, "reason-required");

    public ReasonRequired(String message) {
        super(REFUSAL, message);
    }
}
