package org.openebr.audit.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Column;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Id;
import jakarta.persistence.PersistenceUnit;
import jakarta.persistence.Table;
import jakarta.persistence.metamodel.EntityType;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.hibernate.envers.Audited;

/**
 * Every entity of the persistence unit, and for the audited ones their audit table: the record
 * types the audit trail viewer offers. Entities that are deliberately not audited are listed in
 * {@link #NOT_AUDITED} with the reason; any other unaudited entity fails the start-up self-check
 * (the audit trail cannot be switched off for a record type by forgetting an annotation).
 */
@ApplicationScoped
public class AuditedTables {

    /** Entities outside the audit trail, and why. */
    public static final Map<String, String> NOT_AUDITED = Map.of(
            "AuditRevision", "the revision itself: the audit trail's own header row, append-only",
            "PasswordHistoryEntry", "holds only password hashes, which must not spread; append-only itself",
            "SignatureNonce", "a technical one-time value, no GMP content; issued and expired, never changed",
            "SignatureNonceUse", "the one use of a nonce; append-only itself, the signature it served is audited",
            "IdempotentCall", "a replay cache of answers to repeated API calls; append-only, the effect it answers for is audited",
            "BatchNumber", "the counter of issued batch numbers; every batch carries its number and its creation is audited",
            "ConnectionEvent", "a line of an OPC UA connection's log (connected, lost, refused, trusted); append-only itself,"
                    + " and the configuration and trust decisions it follows are audited",
            "EquipmentAlarm", "a line of the equipment's alarm log (raised, cleared, acknowledged with a comment);"
                    + " append-only itself, and the deviation an alarm raises is audited",
            "ErpMessage", "a confirmation in the outbox to the ERP: its content never changes (trigger), only its delivery"
                    + " state; every attempt and retry is an append-only ErpDelivery, and the change that caused it is audited",
            "ErpDelivery", "one delivery attempt of an outbox message; append-only itself, no GMP content");

    /**
     * One audited record type.
     *
     * @param idType      the SQL type of its id ({@code uuid} or {@code bigint}), so lookups use the primary key
     * @param batchColumn the column naming the batch a record belongs to: {@code batch_ref} (the batch's uuid)
     *                    or {@code batch_id} (its number); null for records of no batch
     */
    public record AuditedTable(String entityType, String table, String auditTable, String idColumn, String idType,
                               String batchColumn) {

        /** Whether the text can be an id of this table at all (a malformed id matches nothing). */
        public boolean acceptsId(String id) {
            try {
                if (idType.equals("uuid")) {
                    java.util.UUID.fromString(id);
                } else {
                    Long.parseLong(id);
                }
                return true;
            } catch (IllegalArgumentException notAnId) {
                return false;
            }
        }
    }

    @PersistenceUnit(unitName = "ebr")
    EntityManagerFactory emf;

    private Map<String, AuditedTable> audited;
    private List<String> unaudited;

    public synchronized Map<String, AuditedTable> audited() {
        if (audited == null) {
            scan();
        }
        return audited;
    }

    /** Entities neither audited nor exempted on purpose: must be empty. */
    public synchronized List<String> unexpectedlyUnaudited() {
        if (unaudited == null) {
            scan();
        }
        return unaudited;
    }

    public Optional<AuditedTable> byEntityType(String entityType) {
        return Optional.ofNullable(audited().get(entityType));
    }

    private void scan() {
        Map<String, AuditedTable> found = new TreeMap<>();
        List<String> missing = new ArrayList<>();
        for (EntityType<?> entity : emf.getMetamodel().getEntities()) {
            Class<?> type = entity.getJavaType();
            String name = type.getSimpleName();
            if (!type.isAnnotationPresent(Audited.class)) {
                if (!NOT_AUDITED.containsKey(name)) {
                    missing.add(name);
                }
                continue;
            }
            Table table = type.getAnnotation(Table.class);
            String tableName = table == null || table.name().isEmpty() ? name.toLowerCase() : table.name();
            Field id = idField(type);
            found.put(name, new AuditedTable(name, tableName, tableName + "_aud", idColumn(id), idType(type, id),
                    batchColumn(type)));
        }
        audited = found;
        unaudited = List.copyOf(missing);
    }

    private static Field idField(Class<?> type) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                if (field.isAnnotationPresent(Id.class)) {
                    return field;
                }
            }
        }
        throw new IllegalStateException(type.getName() + " has no @Id field");
    }

    private static String batchColumn(Class<?> type) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                Column column = field.getAnnotation(Column.class);
                if (column != null && (column.name().equals("batch_ref") && field.getType() == java.util.UUID.class
                        || column.name().equals("batch_id") && field.getType() == String.class)) {
                    return column.name();
                }
            }
        }
        return null;
    }

    private static String idColumn(Field id) {
        Column column = id.getAnnotation(Column.class);
        return column == null || column.name().isEmpty() ? id.getName().toLowerCase() : column.name();
    }

    private static String idType(Class<?> type, Field id) {
        Class<?> javaType = id.getType();
        if (javaType == java.util.UUID.class) {
            return "uuid";
        }
        if (javaType == Long.class || javaType == long.class) {
            return "bigint";
        }
        throw new IllegalStateException(type.getName() + ": ids of type " + javaType.getName()
                + " are not supported by the audit trail queries");
    }
}
