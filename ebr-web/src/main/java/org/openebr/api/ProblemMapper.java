package org.openebr.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.openebr.identity.boundary.SecurityLog;
import org.openebr.platform.boundary.DomainException;

/**
 * Base of the exception mappers: what a problem document needs to know about the request it
 * answers (path, method, content type), and the way to answer a server failure.
 */
abstract class ProblemMapper<E extends Throwable> implements ExceptionMapper<E> {

    @Context
    UriInfo uriInfo;

    @Context
    Request request;

    @Context
    HttpHeaders headers;

    @Context
    SecurityContext security;

    @Inject
    ServerErrors serverErrors;

    @Inject
    SecurityLog securityLog;

    String path() {
        return uriInfo.getRequestUri().getRawPath();
    }

    String method() {
        return request.getMethod();
    }

    /** As sent, not parsed: an unparseable header must not fail the answer to it. */
    String contentType() {
        String sent = headers.getHeaderString(HttpHeaders.CONTENT_TYPE);
        return sent == null || sent.isBlank() ? "none" : RequestTextGuard.printable(sent.strip());
    }

    /** 403: the role does not allow it. Recorded as a security event (who tried what). */
    Response forbidden() {
        String user = security.getUserPrincipal() == null ? null : security.getUserPrincipal().getName();
        securityLog.accessDenied(user, method() + " " + path());
        return Problem.of(Response.Status.FORBIDDEN, "forbidden",
                "Your roles do not allow " + method() + " " + path() + ". The attempt has been recorded.", path()).toResponse();
    }

    /** A business rule's refusal: its own words, the status of its category (also when it arrives wrapped, see UnexpectedExceptionMapper). */
    Response ruleBroken(DomainException exception) {
        Problem problem = Problem.of(RefusalStatus.of(exception.category()), exception.kind(), exception.getMessage(), path());
        if (!exception.violations().isEmpty()) {
            problem = problem.withViolations(exception.violations().stream()
                    .map(v -> new Problem.Violation(v.field(), v.message())).toList());
        }
        return problem.toResponse();
    }

    Response serverError(Throwable cause) {
        return serverErrors.problemFor(cause, path()).toResponse();
    }
}
