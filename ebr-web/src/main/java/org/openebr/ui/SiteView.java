package org.openebr.ui;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.openebr.platform.control.SiteSettings;

/**
 * What every page shows in its frame: the signed-in user, the site time zone and the server's time
 * in it. Times are always shown with their zone (TIME-2).
 */
@Named("site")
@RequestScoped
public class SiteView {

    static final DateTimeFormatter DISPLAY = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss zzz", Locale.ENGLISH);

    @Inject
    SiteSettings settings;

    @Inject
    Clock clock;

    @Inject
    ExternalContext external;

    /** The one instant of this page: the clock's text and the instant it ticks on from agree. */
    private Instant renderedAt;

    public String zone() {
        return settings.zone().getId();
    }

    public String now() {
        return format(renderedAt(), settings.zone());
    }

    /**
     * The server's instant when the page was rendered, in milliseconds since the epoch: the header clock
     * ticks on from it (clock.js), so it shows server time even where the client's clock is wrong.
     */
    public long nowEpochMillis() {
        return renderedAt().toEpochMilli();
    }

    private Instant renderedAt() {
        if (renderedAt == null) {
            renderedAt = clock.instant();
        }
        return renderedAt;
    }

    public String user() {
        return external.getRemoteUser();
    }

    public boolean signedIn() {
        return external.getRemoteUser() != null;
    }

    /** A stored instant as the site sees it, zone named; empty for none. */
    public String display(Instant instant) {
        return instant == null ? "" : format(instant, settings.zone());
    }

    static String format(Instant instant, ZoneId zone) {
        return DISPLAY.format(instant.atZone(zone)) + " (" + zone.getId() + ")";
    }
}
