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
    public enum Reason implements Refusal {
        UNKNOWN_ACCOUNT(Category.NOT_FOUND, "unknown-account"),
        UNKNOWN_TOKEN(Category.NOT_FOUND, "unknown-token"),
        TOKEN_STATE(Category.CONFLICT, "token-state"),
        USER_NAME_TAKEN(Category.CONFLICT, "user-name-taken"),
        WEAK_PASSWORD(Category.INVALID, "weak-password"),
        CURRENT_PASSWORD_WRONG(Category.INVALID, "current-password-wrong"),
        SEGREGATION_OF_DUTIES(Category.CONFLICT, "segregation-of-duties"),
        ACCOUNT_STATE(Category.CONFLICT, "account-state"),
        ROLE_STATE(Category.CONFLICT, "role-state"),
        TRAINING_STATE(Category.CONFLICT, "training-state"),
        INVALID(Category.INVALID, "invalid-input");

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
