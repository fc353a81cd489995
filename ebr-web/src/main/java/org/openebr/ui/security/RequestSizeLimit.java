package org.openebr.ui.security;

import io.undertow.servlet.handlers.ServletRequestContext;
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
 * A screen's form or upload is at most {@value #MAX_BYTES} bytes. The container parses form
 * parameters itself, past any wrapper that could count them, so: a larger declared length is refused
 * (413), a chunked body (no declared length; browsers always declare it) is refused (411), and an
 * HTTP/2 body without content-length is cut off by the container at the bound. The API bounds its own bodies
 * ({@code org.openebr.api.RequestBodyLimit}) and is not touched here.
 */
@WebFilter("/*")
public class RequestSizeLimit extends HttpFilter {

    private static final long serialVersionUID = 1L;
    static final long MAX_BYTES = 10L * 1024 * 1024;

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
        if (length < 0 && request.getHeader("Transfer-Encoding") != null) {
            response.sendError(HttpServletResponse.SC_LENGTH_REQUIRED);
            return;
        }
        if (length < 0) {
            // HTTP/2 may send a body without content-length: the container stops reading it at the bound
            ServletRequestContext.requireCurrent().getExchange().setMaxEntitySize(MAX_BYTES);
        }
        chain.doFilter(request, response);
    }
}
