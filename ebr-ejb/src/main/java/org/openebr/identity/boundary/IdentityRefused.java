package org.openebr.identity.boundary;

import java.util.List;
import org.openebr.platform.boundary.DomainException;

/**
 * A request the identity rules refuse, with the HTTP status and problem kind the API answers
 * with. Every refusal is also written to the security log (in its own transaction).
 */
public class IdentityRefused extends DomainException {

    private static final long serialVersionUID = 1L;

    /** The kinds of refusal, each with its status. */
    public enum Reason {
        UNKNOWN_ACCOUNT(404, "unknown-account"),
        UNKNOWN_TOKEN(404, "unknown-token"),
        TOKEN_STATE(409, "token-state"),
        USER_NAME_TAKEN(409, "user-name-taken"),
        WEAK_PASSWORD(422, "weak-password"),
        CURRENT_PASSWORD_WRONG(422, "current-password-wrong"),
        SEGREGATION_OF_DUTIES(409, "segregation-of-duties"),
        ACCOUNT_STATE(409, "account-state"),
        ROLE_STATE(409, "role-state"),
        TRAINING_STATE(409, "training-state"),
        INVALID(422, "invalid-input");

        private final int status;
        private final String kind;

        Reason(int status, String kind) {
            this.status = status;
            this.kind = kind;
        }
    }

    private final Reason reason;
    private final List<String> details;

    public IdentityRefused(Reason reason, String message) {
        this(reason, message, List.of());
    }

    public IdentityRefused(Reason reason, String message, List<String> details) {
        super(message);
        this.reason = reason;
        this.details = List.copyOf(details);
    }

    public Reason reason() {
        return reason;
    }

    /** Further particulars, e.g. each way a password breaks the policy. */
    public List<String> details() {
        return details;
    }

    @Override
    public int status() {
        return reason.status;
    }

    @Override
    public String kind() {
        return reason.kind;
    }

    /** The details are about the new password (the only refusal that has any). */
    @Override
    public List<Violation> violations() {
        return details.stream().map(detail -> new Violation("newPassword", detail)).toList();
    }
}
