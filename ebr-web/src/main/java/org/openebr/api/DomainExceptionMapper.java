package org.openebr.api;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import org.openebr.identity.boundary.IdentityRefused;
import org.openebr.platform.boundary.DomainException;

/** A business rule said no: the problem document carries the rule's own words and status. */
@Provider
public class DomainExceptionMapper extends ProblemMapper<DomainException> {

    @Override
    public Response toResponse(DomainException exception) {
        Response.StatusType status = Response.Status.fromStatusCode(exception.status());
        if (status == null) {
            status = new Response.StatusType() {
                public int getStatusCode() { return exception.status(); }
                public Response.Status.Family getFamily() { return Response.Status.Family.familyOf(exception.status()); }
                public String getReasonPhrase() { return exception.status() == 422 ? "Unprocessable Content" : "Error"; }
            };
        }
        Problem problem = Problem.of(status, exception.kind(), exception.getMessage(), path());
        if (exception instanceof IdentityRefused refused && !refused.details().isEmpty()) {
            List<Problem.Violation> violations = refused.details().stream()
                    .map(detail -> new Problem.Violation("newPassword", detail)).toList();
            problem = problem.withViolations(violations);
        }
        return problem.toResponse();
    }
}
