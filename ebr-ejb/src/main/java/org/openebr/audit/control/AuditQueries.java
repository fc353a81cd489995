package org.openebr.audit.control;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.openebr.audit.boundary.AuditAction;
import org.openebr.audit.boundary.AuditEntry;
import org.openebr.audit.boundary.AuditFilter;
import org.openebr.audit.boundary.AuditTrail;
import org.openebr.audit.boundary.AuditPage;
import org.openebr.audit.boundary.AuditSort;
import org.openebr.audit.boundary.FieldChange;
import org.openebr.audit.boundary.RecordVersion;

/**
 * Reads the audit trail straight from the revision and audit tables (read-only SQL): one entry per
 * record per revision, with the fields that changed and their old and new values. Generic over
 * every audited table, so a new record type appears in the trail without code here.
 */
public final class AuditQueries {

    private static final List<String> NOT_FIELDS = List.of("rev", "revtype");

    private final Connection connection;
    private final Collection<AuditedTables.AuditedTable> tables;

    public AuditQueries(Connection connection, Collection<AuditedTables.AuditedTable> tables) throws SQLException {
        this.connection = connection;
        this.tables = tables;
        try (Statement settings = connection.createStatement()) {
            // values are shown as text; timestamps in UTC, as everywhere in the trail
            settings.execute("SET LOCAL TimeZone = 'UTC'");
            settings.execute("SET LOCAL DateStyle = 'ISO, YMD'");
        }
    }

    /** How many entries match. */
    public long count(AuditFilter filter) throws SQLException {
        List<Object> parameters = new ArrayList<>();
        String from = from(filter, parameters);
        try (PreparedStatement count = prepare("SELECT count(*) " + from, parameters)) {
            try (ResultSet rows = count.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    /** How many entries match, per record type and action (created, changed, deleted), record types in order. */
    public java.util.SortedMap<String, long[]> countsByRecordType(AuditFilter filter) throws SQLException {
        List<Object> parameters = new ArrayList<>();
        String from = from(filter, parameters);
        java.util.SortedMap<String, long[]> counts = new java.util.TreeMap<>();
        try (PreparedStatement count = prepare("SELECT c.entity_type, c.revtype, count(*) " + from
                + " GROUP BY c.entity_type, c.revtype", parameters)) {
            try (ResultSet rows = count.executeQuery()) {
                while (rows.next()) {
                    counts.computeIfAbsent(rows.getString(1), t -> new long[3])[rows.getInt(2)] += rows.getLong(3);
                }
            }
        }
        return counts;
    }

    /** How many entries match and the latest revision among them. */
    public AuditTrail.TrailHead head(AuditFilter filter) throws SQLException {
        List<Object> parameters = new ArrayList<>();
        String from = from(filter, parameters);
        try (PreparedStatement count = prepare("SELECT count(*), coalesce(max(c.rev), 0) " + from, parameters)) {
            try (ResultSet rows = count.executeQuery()) {
                rows.next();
                return new AuditTrail.TrailHead(rows.getLong(1), rows.getLong(2));
            }
        }
    }

    public AuditPage search(AuditFilter filter, int page, int size, AuditSort sort) throws SQLException {
        long total = count(filter);
        List<Object> parameters = new ArrayList<>();
        String from = from(filter, parameters);
        List<Object> pageParameters = new ArrayList<>(parameters);
        pageParameters.add(size);
        pageParameters.add((long) page * size);
        List<AuditEntry> entries = new ArrayList<>();
        try (PreparedStatement select = prepare("SELECT c.rev, c.entity_type, c.record_id, c.revtype, r.recorded_at,"
                + " r.site_zone, r.user_name, r.full_name, r.acting_role, r.command, r.reason, r.client_address,"
                + " r.correlation_id " + from + orderBy(sort) + " LIMIT ? OFFSET ?", pageParameters)) {
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    String entityType = rows.getString(2);
                    String recordId = rows.getString(3);
                    long revision = rows.getLong(1);
                    AuditAction action = action(rows.getInt(4));
                    entries.add(new AuditEntry(revision, rows.getTimestamp(5).toInstant(), rows.getString(6),
                            rows.getString(7), rows.getString(8), rows.getString(9), rows.getString(10),
                            rows.getString(11), rows.getString(12), rows.getString(13), entityType, recordId, action,
                            changes(table(entityType), recordId, revision)));
                }
            }
        }
        return new AuditPage(entries, page, size, total);
    }

    /** Every version of one record, oldest first. */
    public List<RecordVersion> history(AuditedTables.AuditedTable table, String recordId) throws SQLException {
        List<RecordVersion> versions = new ArrayList<>();
        if (!table.acceptsId(recordId)) {
            return versions;
        }
        try (PreparedStatement select = connection.prepareStatement("SELECT r.recorded_at, r.site_zone, r.user_name,"
                + " r.full_name, r.acting_role, r.command, r.reason, a.* FROM ebr." + quote(table.auditTable()) + " a"
                + " JOIN ebr.audit_revision r ON r.id = a.rev WHERE a." + quote(table.idColumn()) + " = CAST(? AS "
                + table.idType() + ") ORDER BY a.rev")) {
            select.setString(1, recordId);
            try (ResultSet rows = select.executeQuery()) {
                ResultSetMetaData meta = rows.getMetaData();
                while (rows.next()) {
                    Map<String, String> values = new LinkedHashMap<>();
                    long revision = 0;
                    int revtype = 0;
                    for (int i = 8; i <= meta.getColumnCount(); i++) {
                        String column = meta.getColumnName(i);
                        if (column.equals("rev")) {
                            revision = rows.getLong(i);
                        } else if (column.equals("revtype")) {
                            revtype = rows.getInt(i);
                        } else {
                            values.put(column, text(rows, i));
                        }
                    }
                    versions.add(new RecordVersion(revision, rows.getTimestamp(1).toInstant(), rows.getString(2),
                            rows.getString(3), rows.getString(4), rows.getString(5), rows.getString(6), rows.getString(7),
                            action(revtype), values));
                }
            }
        }
        return versions;
    }

    private List<FieldChange> changes(AuditedTables.AuditedTable table, String recordId, long revision) throws SQLException {
        if (table == null) {
            return List.of();
        }
        List<Map<String, String>> versions = new ArrayList<>(2);
        try (PreparedStatement select = connection.prepareStatement("SELECT * FROM ebr." + quote(table.auditTable())
                + " WHERE " + quote(table.idColumn()) + " = CAST(? AS " + table.idType() + ") AND rev <= ?"
                + " ORDER BY rev DESC LIMIT 2")) {
            select.setString(1, recordId);
            select.setLong(2, revision);
            try (ResultSet rows = select.executeQuery()) {
                ResultSetMetaData meta = rows.getMetaData();
                while (rows.next()) {
                    Map<String, String> values = new LinkedHashMap<>();
                    for (int i = 1; i <= meta.getColumnCount(); i++) {
                        if (!NOT_FIELDS.contains(meta.getColumnName(i))) {
                            values.put(meta.getColumnName(i), text(rows, i));
                        }
                    }
                    versions.add(values);
                }
            }
        }
        if (versions.isEmpty()) {
            return List.of();
        }
        Map<String, String> now = versions.get(0);
        Map<String, String> before = versions.size() > 1 ? versions.get(1) : null;
        List<FieldChange> changes = new ArrayList<>();
        for (Map.Entry<String, String> field : now.entrySet()) {
            String old = before == null ? null : before.get(field.getKey());
            if (before == null || !Objects.equals(old, field.getValue())) {
                changes.add(new FieldChange(field.getKey(), old, field.getValue()));
            }
        }
        return changes;
    }

    private String from(AuditFilter filter, List<Object> parameters) {
        StringBuilder union = new StringBuilder();
        for (AuditedTables.AuditedTable table : tables) {
            if (filter.entityType() != null && !table.entityType().equals(filter.entityType())) {
                continue;
            }
            if (filter.recordId() != null && !table.acceptsId(filter.recordId())) {
                continue;
            }
            if (filter.batch() != null && table.batchColumn() == null) {
                continue;
            }
            if (union.length() > 0) {
                union.append(" UNION ALL ");
            }
            union.append("SELECT rev, '").append(table.entityType()).append("' AS entity_type, ")
                    .append(quote(table.idColumn())).append("::text AS record_id, revtype FROM ebr.")
                    .append(quote(table.auditTable()));
            if (filter.recordId() != null) {
                // typed, so that the primary key (id, rev) is used
                union.append(" WHERE ").append(quote(table.idColumn())).append(" = CAST(? AS ").append(table.idType()).append(")");
                parameters.add(filter.recordId());
            }
            if (filter.batch() != null) {
                union.append(filter.recordId() != null ? " AND " : " WHERE ").append(quote(table.batchColumn()))
                        .append(table.batchColumn().equals("batch_ref")
                                ? " = (SELECT b.id FROM ebr.batch b WHERE b.batch_id = ?)" : " = ?");
                parameters.add(filter.batch());
            }
        }
        if (union.length() == 0) {
            union.append("SELECT NULL::bigint AS rev, NULL::text AS entity_type, NULL::text AS record_id,"
                    + " NULL::smallint AS revtype WHERE false");
        }
        StringBuilder from = new StringBuilder("FROM (").append(union).append(") c JOIN ebr.audit_revision r ON r.id = c.rev WHERE true");
        if (filter.userName() != null) {
            from.append(" AND lower(r.user_name) = lower(?)");
            parameters.add(filter.userName());
        }
        if (filter.action() != null) {
            from.append(" AND c.revtype = ?");
            parameters.add((short) filter.action().ordinal());
        }
        if (filter.from() != null) {
            from.append(" AND r.recorded_at >= ?");
            parameters.add(Timestamp.from(filter.from()));
        }
        if (filter.to() != null) {
            from.append(" AND r.recorded_at < ?");
            parameters.add(Timestamp.from(filter.to()));
        }
        if (filter.text() != null) {
            from.append(" AND (r.user_name ILIKE ? OR r.full_name ILIKE ? OR r.acting_role ILIKE ? OR r.command ILIKE ?"
                    + " OR r.reason ILIKE ? OR r.client_address ILIKE ? OR r.correlation_id ILIKE ? OR c.record_id ILIKE ?"
                    + " OR c.entity_type ILIKE ?)");
            String like = "%" + filter.text().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
            for (int i = 0; i < 9; i++) {
                parameters.add(like);
            }
        }
        return from.toString();
    }

    private static String orderBy(AuditSort sort) {
        String direction = sort.ascending() ? " ASC" : " DESC";
        String first = switch (sort.field()) {
            case TIME -> "r.recorded_at" + direction + ", c.rev" + direction;
            case USER -> "lower(r.user_name) COLLATE \"C\"" + direction + ", c.rev DESC";
            case RECORD_TYPE -> "c.entity_type" + direction + ", c.rev DESC";
            case ACTION -> "c.revtype" + direction + ", c.rev DESC";
        };
        return " ORDER BY " + first + ", c.entity_type, c.record_id";
    }

    private PreparedStatement prepare(String sql, List<Object> parameters) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        for (int i = 0; i < parameters.size(); i++) {
            statement.setObject(i + 1, parameters.get(i));
        }
        return statement;
    }

    private AuditedTables.AuditedTable table(String entityType) {
        return tables.stream().filter(t -> t.entityType().equals(entityType)).findFirst().orElse(null);
    }

    private static String text(ResultSet rows, int column) throws SQLException {
        Object value = rows.getObject(column);
        if (value == null) {
            return null;
        }
        if (value instanceof Timestamp timestamp) {
            return timestamp.toInstant().toString();
        }
        if (value instanceof Boolean bool) {
            return bool.toString();
        }
        return rows.getString(column);
    }

    private static AuditAction action(int revtype) {
        return switch (revtype) {
            case 0 -> AuditAction.CREATED;
            case 1 -> AuditAction.CHANGED;
            default -> AuditAction.DELETED;
        };
    }

    private static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }
}
