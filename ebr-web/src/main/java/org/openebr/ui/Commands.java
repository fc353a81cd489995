package org.openebr.ui;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.openebr.identity.boundary.SecurityLog;

/**
 * The one way a screen gives a command to a boundary and shows how it ended: a rule's refusal in
 * its own words, a refusal by role as a message and a security event (21 CFR 11.10(g)), a failure of
 * the server as "nothing was saved". Each screen words its own messages, see {@link Command}.
 */
@ApplicationScoped
public class Commands {

    @Inject
    SecurityLog securityLog;

    /**
     * A command of a screen, to be worded and then run.
     *
     * @param attempted what the user tried, as the security log records it when their roles do not
     *                  allow it, e.g. {@code "create a recipe (recipes screen)"}
     */
    public Command attempt(String attempted) {
        return new Command(securityLog, attempted);
    }
}
