package org.openebr.signature.boundary;

import org.openebr.platform.boundary.DomainException;
import org.openebr.platform.boundary.Refusal;

/** A signing the ceremony or a policy refuses. */
public class SignatureRefused extends DomainException {

    private static final long serialVersionUID = 2L;

    /** Why. */
    public enum Reason implements Refusal {
        /** The request lacks what the ceremony needs (user id, password, nonce, a known meaning...). */
        INCOMPLETE(Category.MALFORMED, "signature-incomplete"),
        /** The password (and user id) did not re-authenticate the signer; counts toward lockout. */
        NOT_AUTHENTICATED(Category.NOT_AUTHENTICATED, "signature-not-authenticated"),
        /** Someone tried to sign as another user. */
        NOT_YOURSELF(Category.NOT_PERMITTED, "signature-not-yourself"),
        /** Role, meaning or four-eyes rule of the record type. */
        NOT_ALLOWED(Category.NOT_PERMITTED, "signature-not-allowed"),
        /** No such record, signature or record type. */
        NOT_FOUND(Category.NOT_FOUND, "signature-not-found"),
        /** The nonce is unknown, expired, someone else's or already used. */
        NONCE(Category.CONFLICT, "signature-nonce-refused"),
        /** The record version already carries this meaning (e.g. two people signing at the same moment). */
        ALREADY_SIGNED(Category.CONFLICT, "signature-already-given"),
        /** The record changed after it was shown to the signer: they sign only what they saw. */
        CHANGED(Category.CONFLICT, "signature-record-changed"),
        /** No signing credential: the signer's identity verification is not recorded, or the statement is not signed. */
        NOT_READY(Category.CONFLICT, "signature-not-ready");

        private final Category category;
        private final String kind;

        Reason(Category category, String kind) {
            this.category = category;
            this.kind = kind;
        }

        @Override
        public Category category() {
            return category;
        }

        @Override
        public String kind() {
            return kind;
        }
    }

    public SignatureRefused(Reason reason, String message) {
        super(reason, message);
    }

    public Reason reason() {
        return (Reason) refusal();
    }
}
