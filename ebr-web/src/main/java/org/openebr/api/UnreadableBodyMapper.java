package org.openebr.api;

import jakarta.json.bind.JsonbException;
import jakarta.json.stream.JsonParsingException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

/**
 * A body that cannot be read as the resource's input: malformed JSON, a value of the wrong type,
 * an unknown field. The JSON-B provider reports all of these as a {@link ProcessingException}.
 */
@Provider
public class UnreadableBodyMapper extends ProblemMapper<ProcessingException> {

    private static final int MAX_DETAIL = 300;

    @Override
    public Response toResponse(ProcessingException exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof RequestBodyLimit.BodyTooLarge tooLarge) {
                return Problem.of(Response.Status.REQUEST_ENTITY_TOO_LARGE, "body-too-large",
                        tooLarge.getMessage() + ".", path()).toResponse();
            }
        }
        String reason = reason(exception);
        if (reason == null) {
            return serverError(exception);
        }
        return Problem.of(Response.Status.BAD_REQUEST, "unreadable-body",
                "The request body is not valid JSON for this resource: " + reason, path()).toResponse();
    }

    /**
     * What the JSON layer said: the outermost message names the property ("Unable to deserialize
     * property 'quantity' ..."), the innermost the position of a syntax error; both are kept.
     */
    static String reason(Throwable exception) {
        String outer = null;
        String inner = null;
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof JsonParsingException || cause instanceof JsonbException) {
                if (outer == null) {
                    outer = cause.getMessage();
                }
                inner = cause.getMessage();
            }
        }
        if (outer == null) {
            return null;
        }
        String reason = outer.contains(inner) ? outer : outer + " (" + inner + ")";
        reason = reason.replaceAll("\\s+", " ").strip();
        return reason.length() > MAX_DETAIL ? reason.substring(0, MAX_DETAIL) + "..." : reason;
    }
}
