package org.openebr.it;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/** JDBC connections to the integration-test database as its two roles. */
final class TestDatabase {

    private TestDatabase() {
    }

    static Connection asRuntimeRole() throws SQLException {
        return connect(System.getProperty("ebr.test.db.user"), System.getProperty("ebr.test.db.password"));
    }

    static Connection asOwner() throws SQLException {
        return connect(System.getProperty("ebr.test.db.owner.user"), System.getProperty("ebr.test.db.owner.password"));
    }

    /**
     * The owner role connected to the cluster's maintenance database {@code postgres}, from where it
     * can change settings of the test database (e.g. refuse connections to it for a moment).
     */
    static Connection asOwnerOfCluster() throws SQLException {
        String url = System.getProperty("ebr.test.db.url");
        Connection connection = DriverManager.getConnection(url.substring(0, url.lastIndexOf('/') + 1) + "postgres",
                System.getProperty("ebr.test.db.owner.user"), System.getProperty("ebr.test.db.owner.password"));
        connection.setAutoCommit(true);
        return connection;
    }

    /** The name of the integration-test database. */
    static String name() {
        String url = System.getProperty("ebr.test.db.url");
        return url.substring(url.lastIndexOf('/') + 1);
    }

    static String runtimeRole() {
        return System.getProperty("ebr.test.db.user");
    }

    static String ownerRole() {
        return System.getProperty("ebr.test.db.owner.user");
    }

    private static Connection connect(String user, String password) throws SQLException {
        Connection connection = DriverManager.getConnection(
                System.getProperty("ebr.test.db.url") + "?currentSchema=ebr", user, password);
        connection.setAutoCommit(true);
        return connection;
    }
}
