package org.openebr.platform.boundary;

import jakarta.ejb.ApplicationException;
import java.util.List;

/**
 * Root of every business rule violation. Unchecked, rolls the transaction back, and carries what
 * the caller needs for a clear answer: the HTTP status it maps to and a stable problem kind. Each
 * component has its own subclasses ({@code UserNameTaken}, {@code StepOutOfSequence}, ...).
 */
@ApplicationException(rollback = true, inherited = true)
public abstract class DomainException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    protected DomainException(String message) {
        super(message);
    }

    /** The HTTP status of the problem document: 404, 409, 422, ... */
    public abstract int status();

    /** A short, stable, URL-safe name of the kind of problem, e.g. {@code user-name-taken}. */
    public abstract String kind();

    /** Each particular thing wrong with the input, where and what, e.g. every problem of an imported recipe. */
    public List<Violation> violations() {
        return List.of();
    }

    /**
     * One thing wrong with a request's input.
     *
     * @param field where: a field name or a JSON path into the request body
     */
    public record Violation(String field, String message) {
    }
}
