package org.openebr.it;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * A change made to the test database behind the application, as its owner (or a superuser who can
 * switch a trigger off) could, and its undoing. The change runs at once in one transaction of its
 * own; {@link #close()} undoes it in another, so that a test proving that tampering is found leaves
 * the database as the application left it for the audit verification of the tests after it:
 * <pre>{@code
 * try (Tamper moved = Tamper.withTriggerOff("electronic_signature", "electronic_signature_append_only",
 *         "update ... set record_id = 'b' ...", "update ... set record_id = 'a' ...")) {
 *     // the verifier finds it
 * }
 * // intact again
 * }</pre>
 * Whatever a tampering creates beside the data (a table to keep deleted rows in) gets a name of its
 * own ({@link #unique}), so that no two tests, nor a test and a run that failed before, share it.
 */
final class Tamper implements AutoCloseable {

    /** Work on the owner's connection, inside the transaction {@link Tamper} opens for it. */
    @FunctionalInterface
    interface Step {
        void on(Connection owner) throws SQLException;
    }

    private final Step undo;
    private boolean undone;

    private Tamper(Step undo) {
        this.undo = undo;
    }

    /** Runs {@code change} now; {@link #close()} runs {@code undo}. */
    static Tamper change(Step change, Step undo) throws SQLException {
        run(change);
        return new Tamper(undo);
    }

    /** One SQL statement now, another to undo it. */
    static Tamper change(String change, String undo) throws SQLException {
        return change(sql(change), sql(undo));
    }

    /** As {@link #change(String, String)}, with the table's protecting trigger off for each of the two moments. */
    static Tamper withTriggerOff(String table, String trigger, String change, String undo) throws SQLException {
        return change(triggerOff(table, trigger, change), triggerOff(table, trigger, undo));
    }

    /**
     * Deletes rows, as a superuser could, after keeping them in a table of a unique name; undone by
     * putting them back exactly as they were.
     */
    static Tamper deleting(String table, String trigger, String where) throws SQLException {
        String kept = unique("it_kept_rows");
        return change(owner -> {
            sql("create table " + kept + " as select * from " + table + " where " + where).on(owner);
            triggerOff(table, trigger, "delete from " + table + " where " + where).on(owner);
        }, sql("insert into " + table + " select * from " + kept, "drop table " + kept));
    }

    /** Set-up that stays (e.g. nonces made old enough to be purged): statements run as the owner in one transaction. */
    static void setUp(String... statements) throws SQLException {
        run(sql(statements));
    }

    /** Statements, one after the other. */
    static Step sql(String... statements) {
        return owner -> {
            try (Statement sql = owner.createStatement()) {
                for (String statement : statements) {
                    sql.execute(statement);
                }
            }
        };
    }

    /** Statements with the table's trigger off for just that moment (the transaction commits with it on again). */
    static Step triggerOff(String table, String trigger, String... statements) {
        return owner -> {
            sql("alter table " + table + " disable trigger " + trigger).on(owner);
            sql(statements).on(owner);
            sql("alter table " + table + " enable trigger " + trigger).on(owner);
        };
    }

    /** A name no other test uses, e.g. for a table or a record id: {@code prefix_<random>}. */
    static String unique(String prefix) {
        return prefix + "_" + UUID.randomUUID().toString().replace("-", "");
    }

    /** A SQL string literal. */
    static String text(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    /** Undoes the change (once). */
    @Override
    public void close() throws SQLException {
        if (!undone) {
            undone = true;
            run(undo);
        }
    }

    private static void run(Step step) throws SQLException {
        try (Connection owner = TestDatabase.asOwner()) {
            owner.setAutoCommit(false);
            try {
                step.on(owner);
                owner.commit();
            } catch (SQLException | RuntimeException failed) {
                owner.rollback();
                throw failed;
            }
        }
    }
}
