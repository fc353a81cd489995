package org.openebr.recipe.control;

import org.openebr.platform.boundary.DomainException;
import org.openebr.platform.boundary.Refusal;

/**
 * A valid formula that has no value for the given inputs: division by zero, a missing input, a
 * non-integer number of decimals. Refused rather than giving a made-up number.
 */
public class EvaluationError extends DomainException {

    private static final long serialVersionUID = 2L;

    private static final Refusal REFUSAL = Refusal.of(Refusal.Category.INVALID, "formula-not-evaluable");

    EvaluationError(String message) {
        super(REFUSAL, message);
    }
}
