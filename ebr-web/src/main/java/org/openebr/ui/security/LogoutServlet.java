package org.openebr.ui.security;

import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.openebr.identity.boundary.Authentication;

/**
 * Signs out: the session is invalidated on the server, not only forgotten by the browser. Only the
 * sign-out form of OpenEBR's own pages can do it: it carries the session's {@link SignOutToken}.
 */
@WebServlet("/logout")
public class LogoutServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    transient Authentication authentication;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        if (session != null && !SignOutToken.matches(session, request.getParameter(SignOutToken.PARAMETER))) {
            // Not from our sign-out form (e.g. a form on another site): nothing happens.
            response.sendRedirect(request.getContextPath() + "/");
            return;
        }
        if (session != null) {
            Object user = session.getAttribute(EbrAuthenticationMechanism.SESSION_USER);
            if (user instanceof String userName) {
                authentication.loggedOut(userName, false);
            }
            session.setAttribute(SessionEvents.LOGGED_OUT, Boolean.TRUE);
            session.invalidate();
        }
        request.logout();
        response.sendRedirect(request.getContextPath() + "/login.xhtml?signedOut=true");
    }

    /** A link on another site must not sign anyone out: GET only leads back to the application. */
    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        response.sendRedirect(request.getContextPath() + "/");
    }
}
