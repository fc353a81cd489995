package org.openebr.ui.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Until a one-time or expired password is changed, the change page is the only screen. (Screens
 * with role constraints are redirected earlier, by {@link EbrAuthenticationMechanism}.)
 */
@WebFilter("/app/*")
public class PasswordChangeGate extends HttpFilter {

    private static final long serialVersionUID = 1L;
    static final String CHANGE_PAGE = "/app/change-password.xhtml";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = EbrAuthenticationMechanism.applicationPath(request);
        if (request.isUserInRole(EbrAuthenticationMechanism.PASSWORD_CHANGE_REQUIRED) && !path.equals(CHANGE_PAGE)) {
            response.sendRedirect(request.getContextPath() + CHANGE_PAGE);
            return;
        }
        chain.doFilter(request, response);
    }
}
