package org.openebr.api;

import jakarta.annotation.Priority;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import java.util.Map;

/**
 * Input refused before any resource sees it, each with a 4xx problem naming where: a NUL character
 * in the path or a query parameter (PostgreSQL stores no U+0000 in text; for the body see
 * {@link BodyTextGuard}), and a Content-Type header that is not a media type at all.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION - 100)
public class RequestTextGuard implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext request) {
        String path;
        MultivaluedMap<String, String> query;
        try {
            path = request.getUriInfo().getPath(true);
            query = request.getUriInfo().getQueryParameters(true);
        } catch (IllegalArgumentException badEscape) {
            throw refused("The path or the query is not valid percent-encoding (RFC 3986).");
        }
        if (NulCharacters.in(path)) {
            throw refused("The path contains a NUL character (%00), which no OpenEBR name or id contains.");
        }
        for (Map.Entry<String, List<String>> parameter : query.entrySet()) {
            if (NulCharacters.in(parameter.getKey()) || parameter.getValue().stream().anyMatch(NulCharacters::in)) {
                throw refused("Query parameter '" + printable(parameter.getKey()) + "' contains a NUL character (%00),"
                        + " which no value the API takes contains.");
            }
        }
        checkContentType(request.getHeaders());
    }

    /**
     * A Content-Type that cannot be parsed would otherwise fail inside the runtime (an HTML error page
     * or a 500); an empty one is no media type either.
     */
    private static void checkContentType(MultivaluedMap<String, String> headers) {
        List<String> values = headers.get(HttpHeaders.CONTENT_TYPE);
        if (values == null || values.isEmpty()) {
            return;
        }
        String value = values.get(0);
        if (value == null || value.isBlank()) {
            throw unsupported("The Content-Type header is empty; send application/json.");
        }
        try {
            MediaType.valueOf(value.strip());
        } catch (IllegalArgumentException notAMediaType) {
            throw unsupported("The Content-Type header '" + printable(value) + "' is not a media type; send application/json.");
        }
    }

    static BadRequestException refused(String detail) {
        return new BadRequestException(detail);
    }

    private static NotSupportedException unsupported(String detail) {
        return new NotSupportedException(detail, Response.status(Response.Status.UNSUPPORTED_MEDIA_TYPE).build());
    }

    /** Header and parameter text echoed in a detail: control characters shown as '?', at most 100 characters. */
    static String printable(String text) {
        String shown = text.codePoints()
                .map(c -> Character.isISOControl(c) ? '?' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return shown.length() > 100 ? shown.substring(0, 100) + "..." : shown;
    }
}
