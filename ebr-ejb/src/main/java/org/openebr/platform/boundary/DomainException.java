package org.openebr.platform.boundary;

import jakarta.ejb.ApplicationException;
import java.io.Serializable;
import java.util.List;
import java.util.Objects;

/**
 * Root of every business rule violation. Unchecked, rolls the transaction back, and carries what
 * the caller needs for a clear answer: the {@link Refusal} (category and stable problem kind), the
 * message in plain words and, for invalid input, each thing wrong with it. It knows nothing of
 * HTTP: the API maps the category to a status. A component subclasses it once, with an enum of
 * its reasons ({@code RecipeRefused}, {@code SignatureRefused}, ...).
 */
@ApplicationException(rollback = true, inherited = true)
public abstract class DomainException extends RuntimeException {

    private static final long serialVersionUID = 2L;

    private final Refusal refusal;
    private final List<Violation> violations;

    protected DomainException(Refusal refusal, String message) {
        this(refusal, message, List.of());
    }

    protected DomainException(Refusal refusal, String message, List<Violation> violations) {
        super(message);
        this.refusal = Objects.requireNonNull(refusal, "refusal");
        this.violations = List.copyOf(violations);
    }

    protected DomainException(Refusal refusal, String message, Throwable cause) {
        super(message, cause);
        this.refusal = Objects.requireNonNull(refusal, "refusal");
        this.violations = List.of();
    }

    public Refusal refusal() {
        return refusal;
    }

    public final Refusal.Category category() {
        return refusal.category();
    }

    /** A short, stable, URL-safe name of the kind of problem, e.g. {@code user-name-taken}. */
    public final String kind() {
        return refusal.kind();
    }

    /** Each particular thing wrong with the input, where and what, e.g. every problem of an imported recipe. */
    public final List<Violation> violations() {
        return violations;
    }

    /**
     * One thing wrong with a request's input.
     *
     * @param field where: a field name or a JSON path into the request body
     */
    public record Violation(String field, String message) implements Serializable {
    }
}
