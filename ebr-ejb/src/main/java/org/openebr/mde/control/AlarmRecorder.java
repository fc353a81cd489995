package org.openebr.mde.control;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.openebr.mde.boundary.EquipmentAlarmRaised;
import org.openebr.mde.entity.EquipmentAlarm;
import org.openebr.platform.control.ChangeContext;

/**
 * Turns an ALARM tag's value into the alarm log: true after false (or at the first value) is RAISED, false
 * after true is CLEARED; the same state again is nothing new, so a reconnection does not raise an alarm
 * twice. A raised alarm on a unit a batch holds is recorded with the batch, and batch execution raises a
 * deviation for it in the same transaction. Runs as the system (the machine reported it).
 */
@Stateless
@PermitAll
public class AlarmRecorder {

    @PersistenceContext(unitName = "ebr")
    EntityManager em;

    @Inject
    Event<EquipmentAlarmRaised> raised;

    @Inject
    ChangeContext change;

    @Inject
    Clock clock;

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void changed(UUID tagId, String tag, UUID unitId, boolean active, Instant sourceTime) {
        List<EquipmentAlarm> last = em.createQuery("SELECT a FROM EquipmentAlarm a WHERE a.tagId = :t AND a.kind <>"
                + " :ack ORDER BY a.id DESC", EquipmentAlarm.class).setParameter("t", tagId)
                .setParameter("ack", EquipmentAlarm.Kind.ACKNOWLEDGED).setMaxResults(1).getResultList();
        boolean wasActive = !last.isEmpty() && last.get(0).kind() == EquipmentAlarm.Kind.RAISED;
        if (active == wasActive) {
            return;
        }
        Instant now = clock.instant();
        Instant at = sourceTime == null ? now : sourceTime;
        String equipmentId = (String) em.createNativeQuery("SELECT equipment_id FROM equipment_unit WHERE id = ?1")
                .setParameter(1, unitId).getSingleResult();
        if (!active) {
            EquipmentAlarm raisedLine = last.get(0);
            em.persist(new EquipmentAlarm(tagId, unitId, raisedLine.batchId(), EquipmentAlarm.Kind.CLEARED, raisedLine.id(),
                    at, now, tag + " on " + equipmentId + " cleared", null, null, null));
            return;
        }
        List<?> holder = em.createNativeQuery("SELECT status_batch FROM equipment_unit WHERE id = ?1")
                .setParameter(1, unitId).getResultList();
        String batchId = holder.isEmpty() ? null : (String) holder.get(0);
        String detail = tag + " active on " + equipmentId + (batchId == null ? "" : " while batch " + batchId + " holds it");
        String deviationId = null;
        String stepId = null;
        if (batchId != null) {
            change.record("Equipment alarm " + tag + " on " + equipmentId, detail);
            EquipmentAlarmRaised event = new EquipmentAlarmRaised(batchId, equipmentId, tag, at);
            raised.fire(event);
            deviationId = event.deviationId();
            stepId = event.stepId();
            if (stepId != null) {
                detail = detail + ", step " + stepId + " in progress";
            }
        }
        em.persist(new EquipmentAlarm(tagId, unitId, batchId, stepId, at, now, detail, deviationId));
    }
}
