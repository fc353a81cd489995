package org.openebr.api;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

/** The last line: whatever else escapes a resource is a 500 problem, never a stack trace. */
@Provider
public class UnexpectedExceptionMapper extends ProblemMapper<Throwable> {

    @Override
    public Response toResponse(Throwable exception) {
        return serverError(exception);
    }
}
