package org.openebr.platform.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class HealthReportTest {

    private static final Instant NOW = Instant.parse("2026-11-24T08:00:00Z");

    @Test
    void up_only_when_schema_is_at_the_expected_version() {
        HealthReport report = HealthReport.of("7", "7", NOW);
        assertThat(report.up()).isTrue();
        assertThat(report.schemaVersion()).isEqualTo("7");
        assertThat(report.databaseReachable()).isTrue();
    }

    @Test
    void down_when_the_schema_is_behind_or_ahead() {
        assertThat(HealthReport.of("6", "7", NOW).up()).isFalse();
        assertThat(HealthReport.of("8", "7", NOW).detail()).contains("version 8").contains("expects version 7");
    }

    @Test
    void down_when_nothing_was_migrated() {
        HealthReport report = HealthReport.of(null, "7", NOW);
        assertThat(report.up()).isFalse();
        assertThat(report.detail()).contains("not migrated");
    }

    @Test
    void down_when_the_database_is_unreachable() {
        HealthReport report = HealthReport.databaseUnreachable("7", "SQLSTATE 08001", NOW);
        assertThat(report.up()).isFalse();
        assertThat(report.databaseReachable()).isFalse();
        assertThat(report.detail()).contains("08001");
    }

    @Test
    void down_after_a_failed_migration_even_if_an_older_version_succeeded() {
        HealthReport report = HealthReport.failedMigration("7", "7", "8", NOW);
        assertThat(report.up()).isFalse();
        assertThat(report.detail()).contains("8");
    }
}
