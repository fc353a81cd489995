package org.openebr.api;

import jakarta.json.bind.Jsonb;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;

/**
 * A Content-Type header that is empty or not a media type at all is refused with a 415 problem
 * before the request reaches JAX-RS: RESTEasy fails to parse such a request before any of its
 * filters or mappers run and lets the container answer with its HTML error page.
 */
@WebFilter("/api/*")
public class ContentTypeGuard extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final Jsonb JSON = JsonbConfiguration.create();

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String detail = refusal(request.getHeader("Content-Type"));
        if (detail == null) {
            chain.doFilter(request, response);
            return;
        }
        Problem problem = Problem.of(Response.Status.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type", detail,
                request.getRequestURI());
        response.setStatus(problem.status());
        response.setContentType(Problem.MEDIA_TYPE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(JSON.toJson(problem));
    }

    /** Why the header is refused, or null when it is absent or a media type. */
    static String refusal(String contentType) {
        if (contentType == null) {
            return null;
        }
        if (contentType.isBlank()) {
            return "The Content-Type header is empty; send application/json.";
        }
        try {
            MediaType.valueOf(contentType.strip());
            return null;
        } catch (IllegalArgumentException notAMediaType) {
            return "The Content-Type header '" + RequestTextGuard.printable(contentType.strip())
                    + "' is not a media type; send application/json.";
        }
    }
}
