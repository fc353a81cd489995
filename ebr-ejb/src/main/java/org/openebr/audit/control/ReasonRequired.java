package org.openebr.audit.control;

import org.openebr.platform.boundary.DomainException;

/**
 * A change or voiding of GMP data without a reason (EU GMP Annex 11 §9). Raised by the revision
 * listener as the last line of defence; boundaries ask for the reason before they change anything.
 */
public class ReasonRequired extends DomainException {

    private static final long serialVersionUID = 1L;

    public ReasonRequired(String message) {
        super(message);
    }

    @Override
    public int status() {
        return 422;
    }

    @Override
    public String kind() {
        return "reason-required";
    }
}
