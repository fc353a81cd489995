package org.openebr.mde.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.openebr.mde.entity.ConnectionEvent;
import org.openebr.mde.entity.EquipmentTag;
import org.openebr.mde.entity.OpcUaConnection;

/** Connections, tags and the connection log in the database. */
@ApplicationScoped
public class MdeStore {

    @PersistenceContext(unitName = "ebr")
    EntityManager em;

    /** An equipment unit as machine data needs it: its id and its equipment id. */
    public record Unit(UUID id, String equipmentId) {
    }

    public void persist(Object entity) {
        em.persist(entity);
    }

    public void flush() {
        em.flush();
    }

    public List<OpcUaConnection> connections() {
        return em.createQuery("SELECT c FROM OpcUaConnection c ORDER BY c.name", OpcUaConnection.class).getResultList();
    }

    public Optional<OpcUaConnection> connection(UUID id) {
        return Optional.ofNullable(em.find(OpcUaConnection.class, id));
    }

    public Optional<OpcUaConnection> connectionLocked(UUID id) {
        return Optional.ofNullable(em.find(OpcUaConnection.class, id, LockModeType.PESSIMISTIC_WRITE));
    }

    public boolean connectionNamed(String name) {
        return !em.createQuery("SELECT c.id FROM OpcUaConnection c WHERE lower(c.name) = lower(:n)")
                .setParameter("n", name).getResultList().isEmpty();
    }

    public List<EquipmentTag> tags() {
        return em.createQuery("SELECT t FROM EquipmentTag t ORDER BY t.tag", EquipmentTag.class).getResultList();
    }

    public List<EquipmentTag> tagsOf(UUID connectionId) {
        return em.createQuery("SELECT t FROM EquipmentTag t WHERE t.connectionId = :c ORDER BY t.tag", EquipmentTag.class)
                .setParameter("c", connectionId).getResultList();
    }

    /** The units that have a tag of this name (a recipe names tags by name). */
    public List<EquipmentTag> tagsNamed(String tag) {
        return em.createQuery("SELECT t FROM EquipmentTag t WHERE lower(t.tag) = lower(:t)", EquipmentTag.class)
                .setParameter("t", tag).getResultList();
    }

    public boolean tagDefined(UUID unitId, String tag) {
        return !em.createQuery("SELECT t.id FROM EquipmentTag t WHERE t.unitId = :u AND lower(t.tag) = lower(:t)")
                .setParameter("u", unitId).setParameter("t", tag).getResultList().isEmpty();
    }

    public List<ConnectionEvent> events(UUID connectionId, int limit) {
        return em.createQuery("SELECT e FROM ConnectionEvent e WHERE e.connectionId = :c ORDER BY e.id DESC",
                ConnectionEvent.class).setParameter("c", connectionId).setMaxResults(limit).getResultList();
    }

    /** The equipment unit with this equipment id (the equipment master's table, read only). */
    public Optional<Unit> unit(String equipmentId) {
        List<?> rows = em.createNativeQuery("SELECT id, equipment_id FROM equipment_unit WHERE lower(equipment_id) ="
                + " lower(?1)").setParameter(1, equipmentId).getResultList();
        return rows.stream().map(r -> (Object[]) r).findFirst().map(r -> new Unit((UUID) r[0], (String) r[1]));
    }

    public Optional<Unit> unitById(UUID id) {
        List<?> rows = em.createNativeQuery("SELECT id, equipment_id FROM equipment_unit WHERE id = ?1")
                .setParameter(1, id).getResultList();
        return rows.stream().map(r -> (Object[]) r).findFirst().map(r -> new Unit((UUID) r[0], (String) r[1]));
    }

    /** The units a batch uses or occupies (its equipment log). */
    @SuppressWarnings("unchecked")
    public List<UUID> unitsOfBatch(String batchId) {
        return (List<UUID>) em.createNativeQuery("SELECT DISTINCT unit_id FROM equipment_log_entry WHERE batch = ?1"
                + " AND kind IN ('USE', 'OCCUPIED')").setParameter(1, batchId).getResultList();
    }

    /** The stored values of a tag in a time window: Good ones summarised, the others counted, a loss named. */
    public record Window(long good, long notGood, double mean, double min, double max, double sd, Instant first,
                         Instant last, Instant lastSource, Instant lastServer, Instant lostAt) {
    }

    public Window window(UUID tagId, UUID connectionId, Instant from, Instant to) {
        Object[] r = (Object[]) em.createNativeQuery("SELECT count(*) FILTER (WHERE status_code < 1073741824 AND value IS"
                + " NOT NULL), count(*) FILTER (WHERE status_code >= 1073741824), avg(value) FILTER (WHERE status_code <"
                + " 1073741824), min(value) FILTER (WHERE status_code < 1073741824), max(value) FILTER (WHERE status_code <"
                + " 1073741824), coalesce(stddev_samp(value) FILTER (WHERE status_code < 1073741824), 0), min(received_at),"
                + " max(received_at), max(source_time), max(server_time) FROM process_value WHERE tag_id = ?1 AND"
                + " received_at >= ?2 AND received_at <= ?3").setParameter(1, tagId).setParameter(2, from)
                .setParameter(3, to).getSingleResult();
        Instant lost = lostSince(connectionId, from).filter(at -> !at.isAfter(to)).orElse(null);
        long good = ((Number) r[0]).longValue();
        return new Window(good, ((Number) r[1]).longValue(), good == 0 ? 0 : ((Number) r[2]).doubleValue(),
                good == 0 ? 0 : ((Number) r[3]).doubleValue(), good == 0 ? 0 : ((Number) r[4]).doubleValue(),
                good == 0 ? 0 : ((Number) r[5]).doubleValue(), r[6] == null ? null : toInstant(r[6]),
                r[7] == null ? null : toInstant(r[7]), r[8] == null ? null : toInstant(r[8]),
                r[9] == null ? null : toInstant(r[9]), lost);
    }

    /** Whether the batch uses a unit of the same equipment class as this one, other than this one. */
    public boolean batchUsesAnotherOfItsClass(String batchId, UUID unitId) {
        Number count = (Number) em.createNativeQuery("SELECT count(*) FROM equipment_log_entry l JOIN equipment_unit u ON"
                + " u.id = l.unit_id WHERE l.batch = ?1 AND l.kind IN ('USE', 'OCCUPIED') AND u.id <> ?2 AND"
                + " u.equipment_class_id = (SELECT equipment_class_id FROM equipment_unit WHERE id = ?2)")
                .setParameter(1, batchId).setParameter(2, unitId).getSingleResult();
        return count.longValue() > 0;
    }

    /** Whether the connection was lost (or never up) at any time since the instant: its log. */
    public Optional<Instant> lostSince(UUID connectionId, Instant since) {
        List<?> rows = em.createNativeQuery("SELECT max(at) FROM opcua_connection_event WHERE connection_id = ?1 AND"
                + " kind = 'LOST' AND at >= ?2").setParameter(1, connectionId).setParameter(2, since).getResultList();
        return rows.isEmpty() || rows.get(0) == null ? Optional.empty() : Optional.of(toInstant(rows.get(0)));
    }

    private static Instant toInstant(Object value) {
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof java.sql.Timestamp t) {
            return t.toInstant();
        }
        if (value instanceof java.time.OffsetDateTime o) {
            return o.toInstant();
        }
        throw new IllegalStateException("unexpected time type " + value.getClass());
    }
}
