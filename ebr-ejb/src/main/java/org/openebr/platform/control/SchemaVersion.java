package org.openebr.platform.control;

/**
 * The database schema version this build of OpenEBR was written for: the version of the newest
 * Flyway migration in {@code db/migration}. A unit test keeps the two in step, and the health check
 * reports DOWN while the database is at any other version.
 */
public final class SchemaVersion {

    public static final String EXPECTED = "21";

    private SchemaVersion() {
    }
}
