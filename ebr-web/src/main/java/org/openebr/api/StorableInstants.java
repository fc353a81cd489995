package org.openebr.api;

import jakarta.ws.rs.BadRequestException;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * Instants as the API takes them in query parameters: ISO-8601, and within the years 1 to 9999.
 * PostgreSQL's timestamptz holds 4713 BC to 294276 AD and Java's Instant far more; a date beyond
 * what the database stores would fail there as a server error, and no batch record has a date
 * outside four-digit years, so the API refuses it by name.
 */
public final class StorableInstants {

    /** The earliest instant the API accepts: 0001-01-01T00:00:00Z. */
    public static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    /** The latest instant the API accepts: 9999-12-31T23:59:59.999999999Z. */
    public static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999999Z");

    private StorableInstants() {
    }

    /** The parameter's instant, null when absent or blank; 400 naming the parameter when it is not one. */
    public static Instant parameter(String name, String value) {
        try {
            return parse(name, value);
        } catch (IllegalArgumentException invalid) {
            throw new BadRequestException(invalid.getMessage());
        }
    }

    /** As {@link #parameter}, the refusal an IllegalArgumentException whose message names the parameter. */
    static Instant parse(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        Instant instant;
        try {
            instant = Instant.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + name + "' must be an ISO-8601 instant such as 2026-11-24T08:00:00Z.");
        }
        if (!storable(instant)) {
            throw new IllegalArgumentException("'" + name + "' must lie between 0001-01-01T00:00:00Z and"
                    + " 9999-12-31T23:59:59Z (years 1 to 9999).");
        }
        return instant;
    }

    public static boolean storable(Instant instant) {
        return !instant.isBefore(EARLIEST) && !instant.isAfter(LATEST);
    }
}
