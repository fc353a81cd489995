package org.openebr.trust.control;

import org.openebr.platform.boundary.DomainException;
import org.openebr.platform.boundary.Refusal;

/**
 * A user's stored signing credential cannot be used: the wrapped key was altered or belongs to
 * another certificate, or the certificate is not this CA's or not valid now. Nobody can sign with
 * it; the user needs a new credential (or the database its backup).
 */
public class CredentialUnusable extends DomainException {

    private static final long serialVersionUID = 2L;

    /** The request is fine; the stored credential's state prevents it. */
    private static final Refusal REFUSAL = Refusal.of(Refusal.Category.CONFLICT, "credential-unusable");

    public CredentialUnusable(String message) {
        super(REFUSAL, message);
    }

    public CredentialUnusable(String message, Throwable cause) {
        super(REFUSAL, message, cause);
    }
}
