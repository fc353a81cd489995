package org.openebr.platform.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.DateTimeException;
import java.time.ZoneId;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Settings of the site this installation serves. Times are stored in UTC and shown in the site's
 * time zone, always with the zone named (TIME-2).
 */
@ApplicationScoped
public class SiteSettings {

    private ZoneId zone;

    protected SiteSettings() {
    }

    @Inject
    public SiteSettings(@ConfigProperty(name = "ebr.site.timezone", defaultValue = "UTC") String timeZone) {
        this.zone = parseZone(timeZone);
    }

    public ZoneId zone() {
        return zone;
    }

    private static final java.time.format.DateTimeFormatter RECORDED =
            java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss xxx");

    /**
     * A time as the records print it (signature manifestations, batch reports): date, time, UTC offset and
     * the zone's name, e.g. {@code 2026-12-04 11:00:00 +01:00 Europe/Berlin}.
     */
    public static String recorded(java.time.Instant at, ZoneId zone) {
        return RECORDED.format(at.atZone(zone)) + " " + zone.getId();
    }

    static ZoneId parseZone(String timeZone) {
        try {
            return ZoneId.of(timeZone.strip());
        } catch (DateTimeException e) {
            throw new IllegalStateException("EBR_SITE_TIMEZONE '" + timeZone
                    + "' is not a time zone id such as Europe/Berlin or UTC", e);
        }
    }
}
