package org.openebr.trust.control;

import org.openebr.platform.boundary.DomainException;

/**
 * A user's stored signing credential cannot be used: the wrapped key was altered or belongs to
 * another certificate, or the certificate is not this CA's or not valid now. Nobody can sign with
 * it; the user needs a new credential (or the database its backup).
 */
public class CredentialUnusable extends DomainException {

    private static final long serialVersionUID = 1L;

    public CredentialUnusable(String message) {
        super(message);
    }

    public CredentialUnusable(String message, Throwable cause) {
        super(message);
        initCause(cause);
    }

    /** The request is fine; the stored credential's state prevents it. */
    @Override
    public int status() {
        return 409;
    }

    @Override
    public String kind() {
        return "credential-unusable";
    }
}
