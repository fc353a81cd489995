package org.openebr.ui.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Bounds the request bodies of the screens, as the server's listener no longer does (it would
 * refuse an API body with an empty 400 instead of the API's 413 problem; see configure-server.cli).
 * A screen's form or upload is at most {@value #MAX_BYTES} bytes and is always sent with its
 * length by a browser: a body without a declared length (chunked, or HTTP/2 without
 * content-length; an HTTP/1.x request with neither has no body) is refused (411), because the container parses form parameters itself, past any
 * wrapper that could count them. The API bounds its own bodies
 * ({@code org.openebr.api.RequestBodyLimit}) and is not touched here.
 */
@WebFilter("/*")
public class RequestSizeLimit extends HttpFilter {

    private static final long serialVersionUID = 1L;
    static final long MAX_BYTES = 10L * 1024 * 1024;
    private static final java.util.Set<String> WITH_BODY = java.util.Set.of("POST", "PUT", "PATCH");

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (EbrAuthenticationMechanism.applicationPath(request).startsWith("/api/")) {
            chain.doFilter(request, response);
            return;
        }
        long length = request.getContentLengthLong();
        if (length > MAX_BYTES) {
            response.sendError(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
            return;
        }
        // no Content-Length and no Transfer-Encoding on HTTP/1.1 is a request without a body (RFC 9112 6.3)
        if (length < 0 && (request.getHeader("Transfer-Encoding") != null
                || WITH_BODY.contains(request.getMethod()) && !"HTTP/1.1".equals(request.getProtocol())
                        && !"HTTP/1.0".equals(request.getProtocol()))) {
            response.sendError(HttpServletResponse.SC_LENGTH_REQUIRED);
            return;
        }
        chain.doFilter(request, response);
    }
}
