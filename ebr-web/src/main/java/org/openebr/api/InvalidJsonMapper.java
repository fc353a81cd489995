package org.openebr.api;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import org.openebr.api.json.InvalidJson;

/**
 * A body refused by the strict JSON rules ({@link StrictJsonReader}): 400 with the reader's words,
 * and the property at fault as a violation when one is.
 */
@Provider
public class InvalidJsonMapper extends ProblemMapper<InvalidJson> {

    @Override
    public Response toResponse(InvalidJson exception) {
        Problem problem = Problem.of(Response.Status.BAD_REQUEST, "unreadable-body", exception.getMessage(), path());
        if (exception.property() != null) {
            problem = problem.withViolations(List.of(new Problem.Violation(exception.property(), exception.problem())));
        }
        return problem.toResponse();
    }
}
