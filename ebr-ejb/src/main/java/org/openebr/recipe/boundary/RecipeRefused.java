package org.openebr.recipe.boundary;

import java.util.List;
import org.openebr.platform.boundary.DomainException;

/** A recipe command the rules refuse, with the HTTP status and problem kind the API answers. */
public class RecipeRefused extends DomainException {

    private static final long serialVersionUID = 1L;

    /** Why, each with its status. */
    public enum Reason {
        /** The document has problems; every one is listed with its JSON location. */
        INVALID(422, "recipe-invalid"),
        /** A required input such as the reason for the change is missing or malformed. */
        INCOMPLETE(422, "recipe-input-incomplete"),
        NOT_FOUND(404, "recipe-not-found"),
        /** The version's lifecycle state does not allow it, e.g. editing an effective version. */
        STATE(409, "recipe-state"),
        /** Only an effective version may be executed (21 CFR 211.186, 11.10(f)). */
        NOT_EFFECTIVE(409, "recipe-not-effective"),
        /** Someone else changed the version meanwhile; reload and try again. */
        CONFLICT(409, "recipe-conflict");

        private final int status;
        private final String kind;

        Reason(int status, String kind) {
            this.status = status;
            this.kind = kind;
        }
    }

    private final Reason reason;
    private final List<Violation> violations;

    public RecipeRefused(Reason reason, String message) {
        this(reason, message, List.of());
    }

    public RecipeRefused(Reason reason, String message, List<Violation> violations) {
        super(message);
        this.reason = reason;
        this.violations = List.copyOf(violations);
    }

    public Reason reason() {
        return reason;
    }

    @Override
    public List<Violation> violations() {
        return violations;
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
