package org.openebr.ui.security;

import jakarta.inject.Inject;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.openebr.identity.boundary.SecurityLog;

/**
 * Every screen the container refuses for the caller's roles (HTTP 403, shown as the forbidden page)
 * is a security event, as refused API calls are (21 CFR 11.10(g)).
 */
@WebFilter(urlPatterns = "/forbidden.xhtml", dispatcherTypes = DispatcherType.ERROR)
public class ForbiddenLog extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Inject
    transient SecurityLog securityLog;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        Object status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        if (Integer.valueOf(HttpServletResponse.SC_FORBIDDEN).equals(status)) {
            securityLog.accessDenied(request.getRemoteUser(), request.getMethod() + " " + uri);
        }
        chain.doFilter(request, response);
    }
}
