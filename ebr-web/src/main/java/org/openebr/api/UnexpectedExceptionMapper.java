package org.openebr.api;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import org.openebr.platform.boundary.DomainException;

/**
 * The last line: whatever else escapes a resource is a 500 problem, never a stack trace. Except a
 * business rule that fired while the transaction committed (e.g. the audit trail refusing a change
 * without a reason): it arrives wrapped in rollback exceptions and is answered as the rule says.
 */
@Provider
public class UnexpectedExceptionMapper extends ProblemMapper<Throwable> {

    @Override
    public Response toResponse(Throwable exception) {
        for (Throwable cause = exception.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            if (cause instanceof DomainException rule) {
                return ruleBroken(rule);
            }
        }
        return serverError(exception);
    }
}
