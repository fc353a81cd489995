package org.openebr.api;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;

/**
 * Recognises a failure that is the database being unreachable, not a fault of the server's code:
 * no connection to be had, or the connection ended under the request (the database shut down or
 * restarted). The API answers those with 503 and "try again", as {@code /health} reports DOWN.
 */
public final class DatabaseOutage {

    /**
     * SQLSTATEs of a lost or refused connection: class 08 (connection exception), 57P01-57P03
     * (administrator or crash shutdown, cannot connect now), 53300 (too many connections).
     */
    private static final Set<String> UNAVAILABLE = Set.of("57P01", "57P02", "57P03", "53300");

    private DatabaseOutage() {
    }

    public static boolean causes(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLTransientConnectionException || cause instanceof SQLNonTransientConnectionException
                    || cause instanceof ConnectException) {
                return true;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || UNAVAILABLE.contains(sql.getSQLState()))) {
                return true;
            }
            // the connection pool (IronJacamar) could not get a connection: a SQLException around its ResourceException
            if (cause instanceof SQLException && cause.getCause() instanceof jakarta.resource.ResourceException) {
                return true;
            }
        }
        return false;
    }
}
