package org.openebr.ui.identity;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.openebr.identity.boundary.SecurityLog;

/**
 * The alert banner in every page's header: administrators see open security alerts (lockouts) at
 * once, wherever they are, not only when they open the Users screen.
 */
@Named("securityAlerts")
@RequestScoped
public class SecurityAlertsView {

    @Inject
    SecurityLog securityLog;

    @Inject
    ExternalContext external;

    private Integer open;

    /** Open alerts for an administrator; 0 for everyone else. */
    public int open() {
        if (open == null) {
            open = external.isUserInRole("ADMIN") ? securityLog.openAlerts().size() : 0;
        }
        return open;
    }
}
