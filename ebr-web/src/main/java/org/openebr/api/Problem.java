package org.openebr.api;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * An RFC 9457 problem document. {@code type} is a stable URI naming the kind of problem,
 * {@code detail} says in plain words what is wrong with this request. Never carries a stack trace.
 *
 * @param violations for invalid input: which field and what is wrong with it (extension member)
 * @param correlationId for server errors: the id under which the server log holds the cause
 */
@JsonbPropertyOrder({"type", "title", "status", "detail", "instance", "violations", "correlationId"})
public record Problem(String type, String title, int status, String detail, String instance,
                      List<Violation> violations, String correlationId) {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final MediaType MEDIA = MediaType.valueOf(MEDIA_TYPE);
    private static final String TYPE_BASE = "https://openebr.org/problems/";

    /** One invalid field of a request. */
    public record Violation(String field, String message) {
    }

    public static Problem of(Response.StatusType status, String kind, String detail, String instance) {
        return new Problem(TYPE_BASE + kind, status.getReasonPhrase(), status.getStatusCode(), detail, instance,
                null, null);
    }

    public Problem withViolations(List<Violation> list) {
        return new Problem(type, title, status, detail, instance, List.copyOf(list), correlationId);
    }

    public Problem withCorrelationId(String id) {
        return new Problem(type, title, status, detail, instance, violations, id);
    }

    public Response toResponse() {
        return Response.status(status).type(MEDIA).entity(this).build();
    }
}
