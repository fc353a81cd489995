package org.openebr.signature.boundary;

import org.openebr.platform.boundary.DomainException;

/** A signing the ceremony or a policy refuses, with the HTTP status and problem kind the API answers. */
public class SignatureRefused extends DomainException {

    private static final long serialVersionUID = 1L;

    /** Why, each with its status. */
    public enum Reason {
        /** The request lacks what the ceremony needs (user id, password, nonce, a known meaning...). */
        INCOMPLETE(400, "signature-incomplete"),
        /** The password (and user id) did not re-authenticate the signer; counts toward lockout. */
        NOT_AUTHENTICATED(401, "signature-not-authenticated"),
        /** Someone tried to sign as another user. */
        NOT_YOURSELF(403, "signature-not-yourself"),
        /** Role, meaning or four-eyes rule of the record type. */
        NOT_ALLOWED(403, "signature-not-allowed"),
        /** No such record, signature or record type. */
        NOT_FOUND(404, "signature-not-found"),
        /** The nonce is unknown, expired, someone else's or already used. */
        NONCE(409, "signature-nonce-refused"),
        /** The record version already carries this meaning (e.g. two people signing at the same moment). */
        ALREADY_SIGNED(409, "signature-already-given"),
        /** The record changed after it was shown to the signer: they sign only what they saw. */
        CHANGED(409, "signature-record-changed"),
        /** No signing credential: the signer's identity verification is not recorded, or the statement is not signed. */
        NOT_READY(409, "signature-not-ready");

        private final int status;
        private final String kind;

        Reason(int status, String kind) {
            this.status = status;
            this.kind = kind;
        }
    }

    private final Reason reason;

    public SignatureRefused(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    @Override
    public int status() {
        return reason.status;
    }

    @Override
    public String kind() {
        return reason.kind;
    }
}
