package org.openebr.validation;

/** The inputs of the traceability matrix are inconsistent or unreadable; the build must stop. */
public class TraceabilityException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public TraceabilityException(String message) {
        super(message);
    }

    public TraceabilityException(String message, Throwable cause) {
        super(message, cause);
    }
}
