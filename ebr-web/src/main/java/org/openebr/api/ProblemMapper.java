package org.openebr.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;

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

    @Inject
    ServerErrors serverErrors;

    String path() {
        return uriInfo.getRequestUri().getRawPath();
    }

    String method() {
        return request.getMethod();
    }

    String contentType() {
        return headers.getMediaType() == null ? "none" : headers.getMediaType().toString();
    }

    Response serverError(Throwable cause) {
        return serverErrors.problemFor(cause, path()).toResponse();
    }
}
