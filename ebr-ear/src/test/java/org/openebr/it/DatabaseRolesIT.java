package org.openebr.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The two database roles as the migrations leave them: the owner owns the schema; the runtime
 * role the application connects as reads and writes data but never changes the schema, and deletes
 * nothing a new table holds (its one DELETE, on expired signing nonces, is tested in SignatureIT). Plain JDBC against the migrated test database; no server needed.
 */
class DatabaseRolesIT {

    private static final String INSUFFICIENT_PRIVILEGE = "42501";

    @Test
    void the_owner_role_owns_the_schema() throws SQLException {
        try (Connection app = TestDatabase.asRuntimeRole(); Statement sql = app.createStatement();
             ResultSet rows = sql.executeQuery("select nspowner::regrole::text from pg_namespace where nspname = 'ebr'")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(1)).isEqualTo(TestDatabase.ownerRole());
        }
    }

    @Test
    void the_runtime_role_cannot_change_the_schema() throws SQLException {
        try (Connection app = TestDatabase.asRuntimeRole(); Statement sql = app.createStatement()) {
            assertThatThrownBy(() -> sql.execute("create table ebr." + Tamper.unique("sneaky") + " (id int)"))
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo(INSUFFICIENT_PRIVILEGE));
            assertThatThrownBy(() -> sql.execute("alter table flyway_schema_history add column sneaky int"))
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo(INSUFFICIENT_PRIVILEGE));
            assertThatThrownBy(() -> sql.execute("drop table flyway_schema_history"))
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo(INSUFFICIENT_PRIVILEGE));
        }
    }

    @Test
    void the_runtime_role_can_read_but_not_rewrite_the_migration_history() throws SQLException {
        try (Connection app = TestDatabase.asRuntimeRole(); Statement sql = app.createStatement()) {
            try (ResultSet rows = sql.executeQuery("select count(*) from flyway_schema_history where success")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getInt(1)).isPositive();
            }
            assertThatThrownBy(() -> sql.executeUpdate("update flyway_schema_history set success = true"))
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo(INSUFFICIENT_PRIVILEGE));
            assertThatThrownBy(() -> sql.executeUpdate("delete from flyway_schema_history"))
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo(INSUFFICIENT_PRIVILEGE));
        }
    }

    @Test
    @Tag("P11-10c-1")
    @Tag("negative")
    void every_new_table_gives_the_runtime_role_insert_select_update_but_never_delete() throws SQLException {
        String table = "ebr." + Tamper.unique("it_probe");
        try (Tamper created = Tamper.change("create table " + table + " (id bigint primary key, value text not null)",
                "drop table " + table)) {
            try (Connection app = TestDatabase.asRuntimeRole(); Statement sql = app.createStatement()) {
                assertThat(sql.executeUpdate("insert into " + table + " values (1, 'first')")).isEqualTo(1);
                assertThat(sql.executeUpdate("update " + table + " set value = 'second' where id = 1")).isEqualTo(1);
                try (ResultSet rows = sql.executeQuery("select value from " + table)) {
                    assertThat(rows.next()).isTrue();
                    assertThat(rows.getString(1)).isEqualTo("second");
                }
                assertThatThrownBy(() -> sql.executeUpdate("delete from " + table))
                        .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo(INSUFFICIENT_PRIVILEGE));
                assertThatThrownBy(() -> sql.executeUpdate("truncate " + table))
                        .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo(INSUFFICIENT_PRIVILEGE));
            }
        }
    }
}
