package org.openebr.equipment.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.openebr.equipment.boundary.EquipmentRefused;
import org.openebr.equipment.entity.EquipmentClass;
import org.openebr.equipment.entity.EquipmentUnit;
import org.openebr.equipment.entity.LogEntry;
import org.openebr.equipment.entity.LogKind;

/**
 * Finds classes, units and logbook entries. Ids and class names are found whatever their case: a
 * scanner or a recipe may spell them otherwise, and the database keeps them unique that way.
 */
@ApplicationScoped
public class EquipmentStore {

    @PersistenceContext
    EntityManager em;

    public Optional<EquipmentClass> equipmentClass(String name) {
        if (name == null) {
            return Optional.empty();
        }
        return em.createQuery("select c from EquipmentClass c where lower(c.name) = lower(:name)", EquipmentClass.class)
                .setParameter("name", name.strip()).getResultStream().findFirst();
    }

    public List<EquipmentClass> classes() {
        return em.createQuery("select c from EquipmentClass c order by lower(c.name)", EquipmentClass.class).getResultList();
    }

    public Optional<EquipmentUnit> unit(String equipmentId) {
        if (equipmentId == null) {
            return Optional.empty();
        }
        return em.createQuery("select u from EquipmentUnit u where lower(u.equipmentId) = lower(:id)", EquipmentUnit.class)
                .setParameter("id", equipmentId.strip()).getResultStream().findFirst();
    }

    public EquipmentUnit existing(String equipmentId) {
        return unit(equipmentId).orElseThrow(() -> unknown(equipmentId));
    }

    /**
     * The unit, locked until the transaction ends: two events on one unit at the same moment (two
     * batches taking one vessel) are recorded one after the other, each seeing the other's result.
     */
    public EquipmentUnit locked(String equipmentId) {
        EquipmentUnit unit = existing(equipmentId);
        em.lock(unit, LockModeType.PESSIMISTIC_WRITE);
        em.refresh(unit);
        return unit;
    }

    public EquipmentUnit unitById(UUID id) {
        return em.find(EquipmentUnit.class, id);
    }

    public List<EquipmentUnit> units() {
        return em.createQuery("select u from EquipmentUnit u join fetch u.equipmentClass order by u.equipmentId",
                EquipmentUnit.class).getResultList();
    }

    public Optional<LogEntry> entry(long id) {
        return Optional.ofNullable(em.find(LogEntry.class, id));
    }

    /** The unit's logbook, in the order recorded. */
    public List<LogEntry> logbook(UUID unitId) {
        return em.createQuery("select e from LogEntry e where e.unitId = :unit order by e.id", LogEntry.class)
                .setParameter("unit", unitId).getResultList();
    }

    /** The newest entry of a kind, if any. */
    public Optional<LogEntry> newest(UUID unitId, LogKind kind) {
        return em.createQuery("select e from LogEntry e where e.unitId = :unit and e.kind = :kind order by e.id desc",
                        LogEntry.class)
                .setParameter("unit", unitId).setParameter("kind", kind).setMaxResults(1).getResultStream().findFirst();
    }

    /** Whether a cleaning has been verified. */
    public boolean verified(long cleaningEntry) {
        return !em.createQuery("select e.id from LogEntry e where e.kind = :kind and e.cleaningEntry = :cleaning", Long.class)
                .setParameter("kind", LogKind.CLEANING_VERIFIED).setParameter("cleaning", cleaningEntry)
                .setMaxResults(1).getResultList().isEmpty();
    }

    /**
     * Every batch that used or took the unit after its newest passed calibration (all of them when
     * it never passed one), in the order of their first use: the batches a failed calibration puts
     * in question (21 CFR 211.68, 211.192).
     */
    public List<String> batchesSinceLastGoodCalibration(UUID unitId) {
        Long lastPass = em.createQuery("select max(e.id) from LogEntry e where e.unitId = :unit and e.kind = :kind"
                        + " and e.calibrationResult = 'PASS'", Long.class)
                .setParameter("unit", unitId).setParameter("kind", LogKind.CALIBRATION).getSingleResult();
        return em.createQuery("select e.batch from LogEntry e where e.unitId = :unit and e.batch is not null"
                        + " and e.kind in :kinds and e.id > :since group by e.batch order by min(e.id)", String.class)
                .setParameter("unit", unitId).setParameter("kinds", List.of(LogKind.USE, LogKind.OCCUPIED))
                .setParameter("since", lastPass == null ? 0L : lastPass).getResultList();
    }

    public void persist(Object entity) {
        em.persist(entity);
    }

    public void flush() {
        em.flush();
    }

    public static EquipmentRefused unknown(String equipmentId) {
        return new EquipmentRefused(EquipmentRefused.Reason.UNKNOWN_UNIT, "There is no equipment unit '" + equipmentId
                + "'. Check the barcode or the equipment id.");
    }
}
