package org.openebr.recipe.boundary;

import java.util.List;
import org.openebr.platform.boundary.DomainException;
import org.openebr.platform.boundary.Refusal;

/** A recipe command the rules refuse. */
public class RecipeRefused extends DomainException {

    private static final long serialVersionUID = 2L;

    /** Why. */
    public enum Reason implements Refusal {
        /** The document has problems; every one is listed with its JSON location. */
        INVALID(Category.INVALID, "recipe-invalid"),
        /** A required input such as the reason for the change is missing or malformed. */
        INCOMPLETE(Category.INVALID, "recipe-input-incomplete"),
        NOT_FOUND(Category.NOT_FOUND, "recipe-not-found"),
        /** The version's lifecycle state does not allow it, e.g. editing an effective version. */
        STATE(Category.CONFLICT, "recipe-state"),
        /** Only an effective version may be executed (21 CFR 211.186, 11.10(f)). */
        NOT_EFFECTIVE(Category.CONFLICT, "recipe-not-effective"),
        /** Someone else changed the version meanwhile; reload and try again. */
        CONFLICT(Category.CONFLICT, "recipe-conflict");

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

    public RecipeRefused(Reason reason, String message) {
        super(reason, message);
    }

    /** @param violations every problem of the document, each with its JSON location */
    public RecipeRefused(Reason reason, String message, List<Violation> violations) {
        super(reason, message, violations);
    }

    public Reason reason() {
        return (Reason) refusal();
    }
}
