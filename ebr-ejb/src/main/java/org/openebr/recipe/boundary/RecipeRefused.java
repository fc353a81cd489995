package org.openebr.recipe.boundary;

import java.util.List;
import org.openebr.platform.boundary.DomainException;
import org.openebr.platform.boundary.Refusal;

/** A recipe command the rules refuse. */
public class RecipeRefused extends DomainException {

    private static final long serialVersionUID = 2L;

    /** Why. */
    public enum Reason implements Refusal.Reason {
        /** The document has problems; every one is listed with its JSON location. */
        @Declared(category = Category.INVALID, kind = "recipe-invalid")
        INVALID,
        /** A required input such as the reason for the change is missing or malformed. */
        @Declared(category = Category.INVALID, kind = "recipe-input-incomplete")
        INCOMPLETE,
        /**
         * A version names a material or an equipment class the master data does not hold: it cannot be
         * submitted; every such name is listed with its JSON location.
         */
        @Declared(category = Category.INVALID, kind = "recipe-unknown-master-data")
        UNKNOWN_MASTER_DATA,
        @Declared(category = Category.NOT_FOUND, kind = "recipe-not-found")
        NOT_FOUND,
        /** The version's lifecycle state does not allow it, e.g. editing an effective version. */
        @Declared(category = Category.CONFLICT, kind = "recipe-state")
        STATE,
        /** Only an effective version may be executed (21 CFR 211.186, 11.10(f)). */
        @Declared(category = Category.CONFLICT, kind = "recipe-not-effective")
        NOT_EFFECTIVE,
        /** Someone else changed the version meanwhile; reload and try again. */
        @Declared(category = Category.CONFLICT, kind = "recipe-conflict")
        CONFLICT,
        /**
         * Operators and supervisors work from effective versions only (21 CFR 211.100(a)): a draft, a
         * version in review or a superseded one is not theirs to read.
         */
        @Declared(category = Category.NOT_PERMITTED, kind = "recipe-effective-only")
        EFFECTIVE_ONLY;
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
