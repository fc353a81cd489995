package org.openebr.audit.control;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads revisions and their audit rows in canonical form, and reads and appends chain links, over
 * plain JDBC: the same code runs inside the server and in the offline verifier
 * ({@code bin/ebr verify-audit}), which has nothing but a database connection.
 *
 * <p>The audited tables are found in the database catalog (every {@code *_aud} table of schema
 * {@code ebr}), not in the application's mapping, so a table added behind the application's back
 * is covered too.
 */
public final class AuditChainStore {

    /** Serialises chain writers across every server of a cluster; the value is arbitrary but fixed. */
    static final long CHAIN_LOCK = 0x0EB0_A0D1_7C4A_1000L;

    private final Connection connection;
    private final Map<String, List<String>> auditTables;
    private final List<String> revisionColumns;

    /** A link of the chain as stored. */
    public record Link(long position, long revisionId, byte[] contentHash, byte[] chainHash, Instant chainedAt) {
    }

    /**
     * Opens the store on a connection inside a transaction, and fixes the session settings the
     * canonical text form depends on (for this transaction only).
     */
    public AuditChainStore(Connection connection) throws SQLException {
        this.connection = connection;
        try (Statement settings = connection.createStatement()) {
            settings.execute("SET LOCAL TimeZone = 'UTC'");
            settings.execute("SET LOCAL DateStyle = 'ISO, YMD'");
            settings.execute("SET LOCAL IntervalStyle = 'iso_8601'");
            settings.execute("SET LOCAL bytea_output = 'hex'");
            settings.execute("SET LOCAL extra_float_digits = 1");
        }
        this.auditTables = auditTables(connection);
        this.revisionColumns = columns(connection, "audit_revision");
    }

    public List<String> auditTableNames() {
        return List.copyOf(auditTables.keySet());
    }

    /** Waits until no other chain writer works (released at the end of this transaction). */
    public void lockChain() throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
            lock.setLong(1, CHAIN_LOCK);
            lock.execute();
        }
    }

    /** Like {@link #lockChain()}, but gives up at once when another chain writer works. */
    public boolean tryLockChain() throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("SELECT pg_try_advisory_xact_lock(?)")) {
            lock.setLong(1, CHAIN_LOCK);
            try (ResultSet locked = lock.executeQuery()) {
                locked.next();
                return locked.getBoolean(1);
            }
        }
    }

    /** The canonical bytes of each of the given revisions that exists. */
    public Map<Long, byte[]> canonical(List<Long> revisionIds) throws SQLException {
        Map<Long, CanonicalRevision.Row> revisions = new HashMap<>();
        Array ids = connection.createArrayOf("bigint", revisionIds.toArray());
        try (PreparedStatement select = connection.prepareStatement("SELECT id, " + textColumns(revisionColumns)
                + " FROM ebr.audit_revision WHERE id = ANY(?)")) {
            select.setArray(1, ids);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    revisions.put(rows.getLong(1), row("audit_revision", revisionColumns, rows));
                }
            }
        }
        Map<Long, List<CanonicalRevision.Row>> auditRows = new HashMap<>();
        for (Map.Entry<String, List<String>> table : auditTables.entrySet()) {
            try (PreparedStatement select = connection.prepareStatement("SELECT rev, " + textColumns(table.getValue())
                    + " FROM ebr." + quote(table.getKey()) + " WHERE rev = ANY(?)")) {
                select.setArray(1, ids);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        auditRows.computeIfAbsent(rows.getLong(1), rev -> new ArrayList<>())
                                .add(row(table.getKey(), table.getValue(), rows));
                    }
                }
            }
        }
        Map<Long, byte[]> result = new LinkedHashMap<>();
        for (Long id : revisionIds) {
            CanonicalRevision.Row revision = revisions.get(id);
            if (revision != null) {
                result.put(id, CanonicalRevision.encode(revision, auditRows.getOrDefault(id, List.of())));
            }
        }
        return result;
    }

    public Link lastLink() throws SQLException {
        List<Link> last = links("SELECT position, revision_id, content_hash, chain_hash, chained_at FROM ebr.audit_chain_link"
                + " ORDER BY position DESC LIMIT 1", -1, 0);
        return last.isEmpty() ? null : last.get(0);
    }

    /** Links from {@code fromPosition} on, in order, at most {@code limit}. */
    public List<Link> links(long fromPosition, int limit) throws SQLException {
        return links("SELECT position, revision_id, content_hash, chain_hash, chained_at FROM ebr.audit_chain_link"
                + " WHERE position >= ? ORDER BY position LIMIT ?", fromPosition, limit);
    }

    private List<Link> links(String sql, long from, int limit) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            if (from >= 0) {
                select.setLong(1, from);
                select.setInt(2, limit);
            }
            List<Link> links = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    links.add(new Link(rows.getLong(1), rows.getLong(2), rows.getBytes(3), rows.getBytes(4),
                            rows.getTimestamp(5).toInstant()));
                }
            }
            return links;
        }
    }

    /**
     * Committed revisions not yet in the chain, oldest number first; only those recorded since
     * {@code since} when given (a revision is recorded moments before it commits), all otherwise.
     */
    public List<Long> unchained(Instant since, int limit) throws SQLException {
        String sql = "SELECT r.id FROM ebr.audit_revision r WHERE "
                + (since == null ? "" : "r.recorded_at >= ? AND ")
                + "NOT EXISTS (SELECT 1 FROM ebr.audit_chain_link l WHERE l.revision_id = r.id) ORDER BY r.id LIMIT ?";
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            int i = 1;
            if (since != null) {
                select.setTimestamp(i++, Timestamp.from(since));
            }
            select.setInt(i, limit);
            List<Long> ids = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getLong(1));
                }
            }
            return ids;
        }
    }

    /**
     * Records whose current row is not what their audit trail says it is: changed, inserted or
     * deleted outside the application (Envers writes the row and its audit row in one transaction,
     * so the newest audit row of every record equals the record). One problem per table, with an
     * example id. Columns that are deliberately not audited are not compared.
     */
    public List<String> recordsDifferingFromTheirTrail() throws SQLException {
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, List<String>> audit : auditTables.entrySet()) {
            String table = audit.getKey().substring(0, audit.getKey().length() - "_aud".length());
            List<String> liveColumns = columns(connection, table);
            if (liveColumns.isEmpty()) {
                continue;
            }
            String id = idColumn(audit.getKey());
            List<String> compared = audit.getValue().stream()
                    .filter(c -> !c.equals("rev") && !c.equals("revtype") && !c.equals(id) && liveColumns.contains(c)).toList();
            String live = compared.stream().map(c -> "t." + quote(c)).collect(java.util.stream.Collectors.joining(", "));
            String trail = compared.stream().map(c -> "a." + quote(c)).collect(java.util.stream.Collectors.joining(", "));
            String sql = "SELECT count(*), min(coalesce(t." + quote(id) + ", a." + quote(id) + ")::text) FROM ebr." + quote(table)
                    + " t FULL JOIN (SELECT DISTINCT ON (" + quote(id) + ") * FROM ebr." + quote(audit.getKey()) + " ORDER BY "
                    + quote(id) + ", rev DESC) a ON a." + quote(id) + " = t." + quote(id)
                    + " WHERE a." + quote(id) + " IS NULL OR t." + quote(id) + " IS NULL AND a.revtype <> 2"
                    + " OR t." + quote(id) + " IS NOT NULL AND a.revtype = 2"
                    + (compared.isEmpty() ? "" : " OR t." + quote(id) + " IS NOT NULL AND a." + quote(id) + " IS NOT NULL"
                            + " AND ROW(" + live + ") IS DISTINCT FROM ROW(" + trail + ")");
            try (Statement select = connection.createStatement(); ResultSet rows = select.executeQuery(sql)) {
                rows.next();
                if (rows.getLong(1) > 0) {
                    problems.add(rows.getLong(1) + " record(s) of " + table + " differ from their audit trail (changed,"
                            + " added or deleted outside the application), e.g. " + id + " " + rows.getString(2) + ".");
                }
            }
        }
        return problems;
    }

    /** The record id column of an audit table: its primary key without the revision. */
    private String idColumn(String auditTable) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT a.attname FROM pg_index i JOIN pg_attribute a"
                + " ON a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey) WHERE i.indrelid = to_regclass('ebr.' || ?)"
                + " AND i.indisprimary AND a.attname <> 'rev'")) {
            select.setString(1, auditTable);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? rows.getString(1) : "id";
            }
        }
    }

    /** How many committed revisions are not in the chain, and when the oldest of them was recorded. */
    public record Pending(long count, Instant oldest) {
    }

    public Pending pending() throws SQLException {
        try (Statement select = connection.createStatement();
             ResultSet rows = select.executeQuery("SELECT count(*), min(r.recorded_at) FROM ebr.audit_revision r"
                     + " WHERE NOT EXISTS (SELECT 1 FROM ebr.audit_chain_link l WHERE l.revision_id = r.id)")) {
            rows.next();
            Timestamp oldest = rows.getTimestamp(2);
            return new Pending(rows.getLong(1), oldest == null ? null : oldest.toInstant());
        }
    }

    public void append(Link link) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO ebr.audit_chain_link"
                + " (position, revision_id, content_hash, chain_hash, chained_at) VALUES (?, ?, ?, ?, ?)")) {
            insert.setLong(1, link.position());
            insert.setLong(2, link.revisionId());
            insert.setBytes(3, link.contentHash());
            insert.setBytes(4, link.chainHash());
            insert.setTimestamp(5, Timestamp.from(link.chainedAt()));
            insert.executeUpdate();
        }
    }

    private static CanonicalRevision.Row row(String table, List<String> columns, ResultSet rows) throws SQLException {
        Map<String, String> values = new TreeMap<>();
        for (int i = 0; i < columns.size(); i++) {
            values.put(columns.get(i), rows.getString(i + 2));
        }
        return new CanonicalRevision.Row(table, values);
    }

    private static String textColumns(List<String> columns) {
        StringBuilder select = new StringBuilder();
        for (String column : columns) {
            if (select.length() > 0) {
                select.append(", ");
            }
            select.append(quote(column)).append("::text");
        }
        return select.toString();
    }

    private static Map<String, List<String>> auditTables(Connection connection) throws SQLException {
        Map<String, List<String>> tables = new TreeMap<>();
        try (Statement select = connection.createStatement();
             ResultSet rows = select.executeQuery("SELECT table_name FROM information_schema.tables"
                     + " WHERE table_schema = 'ebr' AND table_type = 'BASE TABLE' AND table_name LIKE '%\\_aud'")) {
            while (rows.next()) {
                tables.put(rows.getString(1), null);
            }
        }
        for (String table : tables.keySet()) {
            tables.put(table, columns(connection, table));
        }
        return tables;
    }

    private static List<String> columns(Connection connection, String table) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT column_name FROM information_schema.columns"
                + " WHERE table_schema = 'ebr' AND table_name = ? ORDER BY column_name")) {
            select.setString(1, table);
            List<String> columns = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    columns.add(rows.getString(1));
                }
            }
            columns.sort(String::compareTo);
            return columns;
        }
    }

    private static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }
}
