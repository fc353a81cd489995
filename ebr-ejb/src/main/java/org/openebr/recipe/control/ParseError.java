package org.openebr.recipe.control;

import org.openebr.platform.boundary.DomainException;

/** A calculation formula that is not in the formula language; names the column where it went wrong. */
public class ParseError extends DomainException {

    private static final long serialVersionUID = 1L;

    private final int position;

    ParseError(String detail, int position) {
        super(detail + " at position " + position);
        this.position = position;
    }

    /** 1-based column of the offending character in the formula text. */
    public int position() {
        return position;
    }

    @Override
    public int status() {
        return 422;
    }

    @Override
    public String kind() {
        return "formula-invalid";
    }
}
