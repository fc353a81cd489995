package org.openebr.platform.boundary;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.openebr.platform.control.SchemaVersion;

/**
 * Checks that the runtime database connection works and that the schema is at the version this
 * build expects. Reads Flyway's history table only; needs no transaction.
 */
@Stateless
@PermitAll
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SystemHealth {

    private static final Logger LOG = Logger.getLogger(SystemHealth.class.getName());
    private static final int QUERY_TIMEOUT_SECONDS = 5;

    @Resource(lookup = "java:jboss/datasources/EbrDS")
    DataSource dataSource;

    @Inject
    Clock clock;

    public HealthReport check() {
        String expected = SchemaVersion.EXPECTED;
        try (Connection connection = dataSource.getConnection()) {
            String failed = singleValue(connection,
                    "select version from flyway_schema_history where not success order by installed_rank desc limit 1");
            String applied = singleValue(connection,
                    "select version from flyway_schema_history where success and version is not null"
                            + " order by installed_rank desc limit 1");
            if (failed != null) {
                return HealthReport.failedMigration(applied, expected, failed, clock.instant());
            }
            return HealthReport.of(applied, expected, clock.instant());
        } catch (SQLException e) {
            // The cause goes to the server log only: the health endpoint is public.
            LOG.log(Level.WARNING, "Health check: database not usable", e);
            return HealthReport.databaseUnreachable(expected, "SQLSTATE " + e.getSQLState(), clock.instant());
        }
    }

    private static String singleValue(Connection connection, String sql) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setQueryTimeout(QUERY_TIMEOUT_SECONDS);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? rows.getString(1) : null;
            }
        }
    }
}
