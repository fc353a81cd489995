package org.openebr.api;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.util.Set;
import java.util.TreeSet;

/**
 * Every HTTP error raised by JAX-RS itself (no such route, method not allowed, unsupported media
 * type, ...) or by a resource becomes a problem document that says what to do differently.
 */
@Provider
public class WebApplicationExceptionMapper extends ProblemMapper<WebApplicationException> {

    @Override
    public Response toResponse(WebApplicationException exception) {
        Response original = exception.getResponse();
        if (original.hasEntity() && original.getEntity() instanceof Problem) {
            return original;
        }
        Response.StatusType status = original.getStatusInfo();
        if (status.getStatusCode() == 403) {
            return forbidden();
        }
        if (status.getFamily() == Response.Status.Family.SERVER_ERROR) {
            return serverError(exception);
        }
        if (status.getStatusCode() == 404) {
            java.util.Optional<UnconvertibleParameter> parameter = UnconvertibleParameter.of(exception);
            if (parameter.isPresent()) {
                Response.Status answer = parameter.get().inPath() ? Response.Status.NOT_FOUND : Response.Status.BAD_REQUEST;
                return Problem.of(answer, kind(answer.getStatusCode()), parameter.get().detail(), path()).toResponse();
            }
        }
        Problem problem = Problem.of(status, kind(status.getStatusCode()), detail(exception, original), path());
        Response.ResponseBuilder response = Response.status(status).type(Problem.MEDIA).entity(problem);
        if (status.getStatusCode() == 405) {
            response.allow(original.getAllowedMethods());
        }
        return response.build();
    }

    private String detail(WebApplicationException exception, Response original) {
        return switch (original.getStatus()) {
            case 404 -> "There is no resource at " + path() + ". See the API document at /openapi.";
            case 405 -> "Method " + method() + " is not allowed on " + path()
                    + "; allowed: " + String.join(", ", new TreeSet<>(allowed(original))) + ".";
            case 406 -> "The resource cannot produce a representation the Accept header asks for;"
                    + " it answers application/json.";
            case 413 -> "The request body is larger than " + RequestBodyLimit.MAX_BYTES + " bytes.";
            case 415 -> ownMessage(exception)
                    ? exception.getMessage()
                    : "Content type " + contentType() + " is not supported here; send application/json.";
            default -> ownMessage(exception)
                    ? exception.getMessage()
                    : "The request was not understood: check the path, the parameters and the body against the API document.";
        };
    }

    private static Set<String> allowed(Response response) {
        return response.getAllowedMethods() == null ? Set.of() : response.getAllowedMethods();
    }

    /** Messages written by OpenEBR code are meant for the caller; the runtime's own are not. */
    private static boolean ownMessage(WebApplicationException exception) {
        String message = exception.getMessage();
        return message != null && !message.startsWith("RESTEASY") && !message.startsWith("HTTP ");
    }

    static String kind(int status) {
        return switch (status) {
            case 400 -> "bad-request";
            case 401 -> "unauthenticated";
            case 403 -> "forbidden";
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 406 -> "not-acceptable";
            case 409 -> "conflict";
            case 413 -> "body-too-large";
            case 415 -> "unsupported-media-type";
            case 422 -> "unprocessable";
            default -> "http-" + status;
        };
    }
}
