package org.openebr.ui;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.openebr.platform.boundary.HealthReport;
import org.openebr.platform.boundary.SystemHealth;
import org.openebr.platform.control.SiteSettings;

/** The system status page: the same health check the API's /health endpoint answers. */
@Named("status")
@RequestScoped
public class StatusView {

    @Inject
    SystemHealth systemHealth;

    @Inject
    SiteSettings site;

    private HealthReport report;

    public HealthReport report() {
        if (report == null) {
            report = systemHealth.check();
        }
        return report;
    }

    public String checkedAt() {
        return SiteView.format(report().checkedAt(), site.zone());
    }
}
