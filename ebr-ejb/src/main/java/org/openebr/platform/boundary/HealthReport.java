package org.openebr.platform.boundary;

import java.time.Instant;
import java.util.Objects;

/**
 * Result of one health check. The system is UP only when the database answers and its schema is
 * at exactly the version this build expects; anything else is DOWN, with the reason stated.
 *
 * @param status          UP or DOWN
 * @param databaseReachable whether a query on the runtime connection succeeded
 * @param schemaVersion   the version the database is at, or {@code null} when unknown
 * @param expectedSchemaVersion the version this build needs
 * @param detail          why the system is DOWN, or a short confirmation when UP
 * @param checkedAt       server time of the check (UTC)
 */
public record HealthReport(Status status, boolean databaseReachable, String schemaVersion,
                           String expectedSchemaVersion, String detail, Instant checkedAt) {

    public enum Status { UP, DOWN }

    public HealthReport {
        Objects.requireNonNull(status);
        Objects.requireNonNull(expectedSchemaVersion);
        Objects.requireNonNull(checkedAt);
    }

    static HealthReport databaseUnreachable(String expected, String reason, Instant at) {
        return new HealthReport(Status.DOWN, false, null, expected, "database unreachable: " + reason, at);
    }

    static HealthReport of(String actual, String expected, Instant at) {
        if (actual == null) {
            return new HealthReport(Status.DOWN, true, null, expected,
                    "schema not migrated: no successful migration recorded", at);
        }
        if (!actual.equals(expected)) {
            return new HealthReport(Status.DOWN, true, actual, expected,
                    "schema at version " + actual + ", this build expects version " + expected, at);
        }
        return new HealthReport(Status.UP, true, actual, expected, "database reachable, schema at expected version", at);
    }

    static HealthReport failedMigration(String actual, String expected, String failedVersion, Instant at) {
        return new HealthReport(Status.DOWN, true, actual, expected,
                "migration to version " + failedVersion + " failed and must be repaired", at);
    }

    public boolean up() {
        return status == Status.UP;
    }
}
