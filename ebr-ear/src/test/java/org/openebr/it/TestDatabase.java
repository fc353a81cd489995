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
