package org.openebr.audit.control;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.Locale;

/**
 * How exports write an instant: the UTC value as stored, and the same instant as the site's wall
 * clock with its zone named (TIME-2), so a reader can compare with local paper records.
 */
final class ExportTimes {

    /**
     * Always at least milliseconds (one width for every row, easy to sort and compare), more
     * digits only when the instant has them, so nothing stored is ever rounded away.
     */
    private static final DateTimeFormatter UTC = new DateTimeFormatterBuilder()
            .appendPattern("uuuu-MM-dd'T'HH:mm:ss")
            .appendFraction(ChronoField.NANO_OF_SECOND, 3, 9, true)
            .appendLiteral('Z')
            .toFormatter(Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    /** The abbreviation (CET or CEST) settles the hour repeated when summer time ends. */
    private static final DateTimeFormatter SITE = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss zzz", Locale.ENGLISH);

    private ExportTimes() {
    }

    /** E.g. {@code 2026-11-25T08:12:03.123Z}; null for null. */
    static String utc(Instant instant) {
        return instant == null ? null : UTC.format(instant);
    }

    /**
     * E.g. {@code 2026-11-25 09:12:03 CET (Europe/Berlin)}; null when the instant or the zone is
     * missing. The zone id follows the abbreviation because abbreviations are ambiguous (CST).
     */
    static String site(Instant instant, String zoneId) {
        if (instant == null || zoneId == null) {
            return null;
        }
        ZoneId zone = ZoneId.of(zoneId);
        return SITE.format(instant.atZone(zone)) + " (" + zone.getId() + ")";
    }
}
