package org.openebr.recipe.control;

import org.openebr.platform.boundary.DomainException;

/**
 * A valid formula that has no value for the given inputs: division by zero, a missing input, a
 * non-integer number of decimals. Refused rather than giving a made-up number.
 */
public class EvaluationError extends DomainException {

    private static final long serialVersionUID = 1L;

    EvaluationError(String message) {
        super(message);
    }

    @Override
    public int status() {
        return 422;
    }

    @Override
    public String kind() {
        return "formula-not-evaluable";
    }
}
