package org.openebr.api;

import jakarta.annotation.Priority;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import java.util.Map;

/**
 * Input refused before any resource sees it with a 400 problem naming where: a NUL character
 * in the path or a query parameter (PostgreSQL stores no U+0000 in text; for the body see
 * {@link BodyTextGuard}; for an unparseable Content-Type see {@link ContentTypeGuard}).
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
    }

    static BadRequestException refused(String detail) {
        return new BadRequestException(detail);
    }

    /** Header and parameter text echoed in a detail: control characters shown as '?', at most 100 characters. */
    static String printable(String text) {
        String shown = text.codePoints()
                .map(c -> Character.isISOControl(c) ? '?' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return shown.length() > 100 ? shown.substring(0, 100) + "..." : shown;
    }
}
