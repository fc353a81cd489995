package org.openebr.signature.boundary;

import org.openebr.platform.boundary.DomainException;
import org.openebr.platform.boundary.Refusal;

/** A signing the ceremony or a policy refuses. */
public class SignatureRefused extends DomainException {

    private static final long serialVersionUID = 2L;

    /** Why. */
    public enum Reason implements Refusal.Reason {
        /** The request lacks what the ceremony needs (user id, password, nonce, a known meaning...). */
        @Declared(category = Category.MALFORMED, kind = "signature-incomplete")
        INCOMPLETE,
        /** The password (and user id) did not re-authenticate the signer; counts toward lockout. */
        @Declared(category = Category.NOT_AUTHENTICATED, kind = "signature-not-authenticated")
        NOT_AUTHENTICATED,
        /** Someone tried to sign as another user. */
        @Declared(category = Category.NOT_PERMITTED, kind = "signature-not-yourself")
        NOT_YOURSELF,
        /** Role, meaning or four-eyes rule of the record type. */
        @Declared(category = Category.NOT_PERMITTED, kind = "signature-not-allowed")
        NOT_ALLOWED,
        /** No such record, signature or record type. */
        @Declared(category = Category.NOT_FOUND, kind = "signature-not-found")
        NOT_FOUND,
        /** The nonce is unknown, expired, someone else's or already used. */
        @Declared(category = Category.CONFLICT, kind = "signature-nonce-refused")
        NONCE,
        /** The record version already carries this meaning (e.g. two people signing at the same moment). */
        @Declared(category = Category.CONFLICT, kind = "signature-already-given")
        ALREADY_SIGNED,
        /** The record changed after it was shown to the signer: they sign only what they saw. */
        @Declared(category = Category.CONFLICT, kind = "signature-record-changed")
        CHANGED,
        /** No signing credential: the signer's identity verification is not recorded, or the statement is not signed. */
        @Declared(category = Category.CONFLICT, kind = "signature-not-ready")
        NOT_READY,
        /** The record has open items the meaning needs settled first (e.g. a release with an open deviation); each named. */
        @Declared(category = Category.CONFLICT, kind = "signature-open-items")
        OPEN_ITEMS;
    }

    public SignatureRefused(Reason reason, String message) {
        super(reason, message);
    }

    public SignatureRefused(Reason reason, String message, java.util.List<Violation> items) {
        super(reason, message, items);
    }

    public Reason reason() {
        return (Reason) refusal();
    }
}
