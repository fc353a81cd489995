package org.openebr.genealogy.boundary;

import org.openebr.platform.boundary.DomainException;
import org.openebr.platform.boundary.Refusal;

/** A trace the rules refuse. */
public class GenealogyRefused extends DomainException {

    private static final long serialVersionUID = 1L;

    /** Why. */
    public enum Reason implements Refusal.Reason {
        /** No lot has this id. */
        @Declared(category = Category.NOT_FOUND, kind = "lot-not-found")
        LOT_NOT_FOUND,
        /** The direction is neither forward nor backward. */
        @Declared(category = Category.MALFORMED, kind = "genealogy-direction")
        DIRECTION
    }

    public GenealogyRefused(Reason reason, String message) {
        super(reason, message);
    }

    public Reason reason() {
        return (Reason) refusal();
    }
}
