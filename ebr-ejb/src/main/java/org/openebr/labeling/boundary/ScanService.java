package org.openebr.labeling.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.LocalDate;
import org.openebr.labeling.control.ScanResolution;
import org.openebr.platform.control.SiteSettings;

/**
 * The one scan service: what a scanner typed (a GS1 element string with group separators or the
 * {@code ]d2} prefix, the human-readable form, a plain id) resolved to the container, lot or
 * equipment unit it names, or refused saying what was scanned. It asks every {@link ScanTarget}
 * the components register and knows none of them. A scan is a read: nothing is recorded.
 */
@Stateless
@RolesAllowed({"WAREHOUSE", "OPERATOR", "SUPERVISOR", "QA_REVIEWER", "QA_RELEASER", "MAINTENANCE", "INSPECTOR"})
public class ScanService {

    @Inject
    @Any
    Instance<ScanTarget> targets;

    @Inject
    Clock clock;

    @Inject
    SiteSettings site;

    /** @throws ScanRefused saying what was scanned, when it names nothing OpenEBR knows */
    public Scanned resolve(String typed) {
        // The century of a two-digit GS1 year is decided by the site's today, as the label was printed there.
        LocalDate today = LocalDate.now(clock.withZone(site.zone()));
        return new ScanResolution(today, targets.stream().toList()).resolve(typed);
    }
}
