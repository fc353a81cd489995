package org.openebr.api;

import jakarta.ws.rs.core.Response;
import org.openebr.platform.boundary.Refusal;

/**
 * The one place where a business rule's refusal becomes an HTTP status: the domain says what kind
 * of "no" it is ({@link Refusal.Category}), the API decides how HTTP says it.
 */
final class RefusalStatus {

    /** Jakarta REST 3.1 has no constant for 422 (RFC 9110 §15.5.21). */
    static final Response.StatusType UNPROCESSABLE_CONTENT = new Response.StatusType() {
        @Override
        public int getStatusCode() {
            return 422;
        }

        @Override
        public Response.Status.Family getFamily() {
            return Response.Status.Family.CLIENT_ERROR;
        }

        @Override
        public String getReasonPhrase() {
            return "Unprocessable Content";
        }
    };

    private RefusalStatus() {
    }

    static Response.StatusType of(Refusal.Category category) {
        return switch (category) {
            case MALFORMED -> Response.Status.BAD_REQUEST;
            case INVALID -> UNPROCESSABLE_CONTENT;
            case NOT_AUTHENTICATED -> Response.Status.UNAUTHORIZED;
            case NOT_PERMITTED -> Response.Status.FORBIDDEN;
            case NOT_FOUND -> Response.Status.NOT_FOUND;
            case CONFLICT -> Response.Status.CONFLICT;
            case UNAVAILABLE -> Response.Status.SERVICE_UNAVAILABLE;
        };
    }
}
