package org.openebr.identity.boundary;


import java.util.List;
import org.openebr.platform.boundary.DomainException;
import org.openebr.platform.boundary.Refusal;

/**
 * A request the identity rules refuse, with its reason (category and problem kind). Every
 * refusal is also written to the security log (in its own transaction).
 */
public class IdentityRefused extends DomainException {

    private static final long serialVersionUID = 2L;

    /** The kinds of refusal. */
    public enum Reason implements Refusal.Reason {
        @Declared(category = Category.NOT_FOUND, kind = "unknown-account")
        UNKNOWN_ACCOUNT,
        @Declared(category = Category.NOT_FOUND, kind = "unknown-token")
        UNKNOWN_TOKEN,
        @Declared(category = Category.CONFLICT, kind = "token-state")
        TOKEN_STATE,
        @Declared(category = Category.CONFLICT, kind = "user-name-taken")
        USER_NAME_TAKEN,
        @Declared(category = Category.INVALID, kind = "weak-password")
        WEAK_PASSWORD,
        @Declared(category = Category.INVALID, kind = "current-password-wrong")
        CURRENT_PASSWORD_WRONG,
        @Declared(category = Category.CONFLICT, kind = "segregation-of-duties")
        SEGREGATION_OF_DUTIES,
        @Declared(category = Category.CONFLICT, kind = "account-state")
        ACCOUNT_STATE,
        @Declared(category = Category.CONFLICT, kind = "role-state")
        ROLE_STATE,
        @Declared(category = Category.CONFLICT, kind = "training-state")
        TRAINING_STATE,
        @Declared(category = Category.INVALID, kind = "invalid-input")
        INVALID;
    }

    public IdentityRefused(Reason reason, String message) {
        this(reason, message, List.of());
    }

    /** The details are about the new password (the only refusal that has any): each is a violation of {@code newPassword}. */
    public IdentityRefused(Reason reason, String message, List<String> details) {
        super(reason, message, details.stream().map(detail -> new Violation("newPassword", detail)).toList());
    }

    public Reason reason() {
        return (Reason) refusal();
    }
}
