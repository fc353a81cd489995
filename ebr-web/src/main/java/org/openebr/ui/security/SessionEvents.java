package org.openebr.ui.security;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebListener;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;
import org.openebr.identity.boundary.Authentication;

/** A signed-in session that ends without a sign-out ended by inactivity: that is a security event too. */
@WebListener
public class SessionEvents implements HttpSessionListener {

    static final String LOGGED_OUT = "org.openebr.loggedOut";

    @Inject
    Authentication authentication;

    private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger(SessionEvents.class.getName());

    @Override
    public void sessionDestroyed(HttpSessionEvent event) {
        Object user = event.getSession().getAttribute(EbrAuthenticationMechanism.SESSION_USER);
        if (user instanceof String userName && event.getSession().getAttribute(LOGGED_OUT) == null) {
            try {
                authentication.loggedOut(userName, true);
            } catch (RuntimeException stopping) {
                // Sessions still open when the application is undeployed end after its services
                // stopped: the end cannot be recorded any more, so the server log says so.
                LOG.warning(() -> "Session of " + userName + " ended while the application stopped; not in the security log: "
                        + stopping);
            }
        }
    }
}
