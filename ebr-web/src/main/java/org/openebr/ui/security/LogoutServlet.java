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

/** Signs out: the session is invalidated on the server, not only forgotten by the browser. */
@WebServlet("/logout")
public class LogoutServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    transient Authentication authentication;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        HttpSession session = request.getSession(false);
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
