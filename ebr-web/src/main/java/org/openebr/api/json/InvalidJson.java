package org.openebr.api.json;

/**
 * A request body refused by the strict JSON rules, with a message for the caller in plain words;
 * the API answers it with 400.
 *
 * @see org.openebr.api.InvalidJsonMapper
 */
public final class InvalidJson extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String property;
    private final String problem;

    private InvalidJson(String detail, String property, String problem) {
        super(detail);
        this.property = property;
        this.problem = problem;
    }

    /** The body as a whole cannot be read (encoding, syntax, duplicates, trailing data). */
    static InvalidJson body(String detail) {
        return new InvalidJson(detail, null, null);
    }

    /** A problem of one value, with a detail worded for the case. */
    static InvalidJson of(String detail, String property, String problem) {
        return new InvalidJson(detail, property, problem);
    }

    /**
     * One value of the body is not what the resource takes.
     *
     * @param property the path of the value, e.g. {@code unitProcedures[0].name}; empty for the body itself
     */
    static InvalidJson at(String property, String problem) {
        String detail = property.isEmpty()
                ? "The request body does not match this resource: " + problem + "."
                : "The request body does not match this resource: property '" + property + "': " + problem + ".";
        return new InvalidJson(detail, property.isEmpty() ? "body" : property, problem);
    }

    /** The path of the value at fault ({@code body} for the document itself), or null when the body as a whole is. */
    public String property() {
        return property;
    }

    /** What is wrong with that value, without its path; null when the body as a whole is at fault. */
    public String problem() {
        return problem;
    }
}
