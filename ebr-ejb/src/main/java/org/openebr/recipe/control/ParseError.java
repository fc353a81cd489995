package org.openebr.recipe.control;

import org.openebr.platform.boundary.DomainException;
import org.openebr.platform.boundary.Refusal;

/** A calculation formula that is not in the formula language; names the column where it went wrong. */
public class ParseError extends DomainException {

    private static final long serialVersionUID = 2L;

    private static final Refusal REFUSAL = Refusal.of(Refusal.Category.INVALID, "formula-invalid");

    private final int position;

    ParseError(String detail, int position) {
        super(REFUSAL, detail + " at position " + position);
        this.position = position;
    }

    /** 1-based column of the offending character in the formula text. */
    public int position() {
        return position;
    }
}
