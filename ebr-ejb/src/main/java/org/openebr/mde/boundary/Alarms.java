package org.openebr.mde.boundary;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.openebr.mde.control.MdeStore;
import org.openebr.mde.entity.EquipmentAlarm;
import org.openebr.mde.entity.EquipmentTag;
import org.openebr.platform.control.ChangeContext;

/**
 * The equipment's alarm log as people read it (A11D-8-1): each alarm with when it was raised and cleared,
 * the batch that held the unit and the deviation it raised, and its acknowledgement, which needs a comment
 * and is itself a new line of the log (nothing in the log is ever changed).
 */
@Stateless
@RolesAllowed({"OPERATOR", "SUPERVISOR", "ADMIN", "QA_REVIEWER", "QA_RELEASER", "INSPECTOR"})
public class Alarms {

    /** An alarm with its history. */
    public record AlarmFacts(long id, String equipmentId, String tag, String batchId, String stepId, String deviationId,
                             Instant raisedAt, String detail, Instant clearedAt, boolean active, String acknowledgedBy,
                             Instant acknowledgedAt, String comment) {
    }

    @PersistenceContext(unitName = "ebr")
    EntityManager em;

    @Inject
    MdeStore store;

    @Inject
    ChangeContext change;

    @Inject
    Clock clock;

    @Resource
    SessionContext session;

    /** The newest alarms, all or of one batch. */
    public List<AlarmFacts> alarms(String batchId, int limit) {
        List<EquipmentAlarm> raised = (batchId == null || batchId.isBlank()
                ? em.createQuery("SELECT a FROM EquipmentAlarm a WHERE a.kind = :k ORDER BY a.id DESC", EquipmentAlarm.class)
                : em.createQuery("SELECT a FROM EquipmentAlarm a WHERE a.kind = :k AND a.batchId = :b ORDER BY a.id DESC",
                        EquipmentAlarm.class).setParameter("b", batchId.strip()))
                .setParameter("k", EquipmentAlarm.Kind.RAISED).setMaxResults(Math.max(1, Math.min(limit, 500)))
                .getResultList();
        if (raised.isEmpty()) {
            return List.of();
        }
        List<Long> ids = raised.stream().map(EquipmentAlarm::id).toList();
        Map<Long, List<EquipmentAlarm>> after = em.createQuery("SELECT a FROM EquipmentAlarm a WHERE a.raisedRef IN :ids",
                EquipmentAlarm.class).setParameter("ids", ids).getResultList().stream()
                .collect(Collectors.groupingBy(EquipmentAlarm::raisedRef));
        // only the tags of these alarms: the terminal asks every few seconds
        Map<UUID, EquipmentTag> tags = em.createQuery("SELECT t FROM EquipmentTag t WHERE t.id IN :ids", EquipmentTag.class)
                .setParameter("ids", raised.stream().map(EquipmentAlarm::tagId).distinct().toList()).getResultList()
                .stream().collect(Collectors.toMap(EquipmentTag::id, Function.identity()));
        return raised.stream().map(r -> facts(r, after.getOrDefault(r.id(), List.of()), tags.get(r.tagId()))).toList();
    }

    /** A person acknowledges an alarm with a comment (what was seen, what was done). */
    @RolesAllowed({"OPERATOR", "SUPERVISOR"})
    public AlarmFacts acknowledge(long alarmId, String comment) {
        // no row lock: the log is append-only (no UPDATE right); one acknowledgement per alarm is a unique index
        EquipmentAlarm raised = em.find(EquipmentAlarm.class, alarmId);
        if (raised == null || raised.kind() != EquipmentAlarm.Kind.RAISED) {
            throw new MdeRefused(MdeRefused.Reason.ALARM_NOT_FOUND, "There is no equipment alarm " + alarmId + ".");
        }
        if (comment == null || comment.isBlank()) {
            throw new MdeRefused(MdeRefused.Reason.COMMENT_REQUIRED, "Acknowledging an alarm needs a comment: what you"
                    + " saw and what was done.", "comment", "is required");
        }
        String text = comment.strip();
        if (text.length() > 1000) {
            throw new MdeRefused(MdeRefused.Reason.COMMENT_REQUIRED, "The comment is longer than 1000 characters.",
                    "comment", "at most 1000 characters");
        }
        boolean done = !em.createQuery("SELECT a.id FROM EquipmentAlarm a WHERE a.raisedRef = :r AND a.kind = :k")
                .setParameter("r", alarmId).setParameter("k", EquipmentAlarm.Kind.ACKNOWLEDGED).getResultList().isEmpty();
        if (done) {
            throw new MdeRefused(MdeRefused.Reason.ALARM_ACKNOWLEDGED, "Alarm " + alarmId + " is acknowledged already.");
        }
        String by = session.getCallerPrincipal().getName();
        Instant now = clock.instant();
        change.describeIfUnset("Acknowledge equipment alarm " + alarmId);
        em.persist(new EquipmentAlarm(raised.tagId(), raised.unitId(), raised.batchId(), EquipmentAlarm.Kind.ACKNOWLEDGED,
                alarmId, now, now, "acknowledged by " + by, null, by, text));
        em.flush();
        return alarms(raised.batchId(), 500).stream().filter(a -> a.id() == alarmId).findFirst()
                .orElseGet(() -> alarms(null, 500).stream().filter(a -> a.id() == alarmId).findFirst().orElseThrow());
    }

    private AlarmFacts facts(EquipmentAlarm r, List<EquipmentAlarm> later, EquipmentTag tag) {
        EquipmentAlarm cleared = later.stream().filter(a -> a.kind() == EquipmentAlarm.Kind.CLEARED).findFirst().orElse(null);
        EquipmentAlarm ack = later.stream().filter(a -> a.kind() == EquipmentAlarm.Kind.ACKNOWLEDGED).findFirst()
                .orElse(null);
        String equipmentId = store.unitById(r.unitId()).map(MdeStore.Unit::equipmentId).orElse("?");
        return new AlarmFacts(r.id(), equipmentId, tag == null ? "?" : tag.tag(), r.batchId(), r.stepId(), r.deviationId(),
                r.at(),
                r.detail(), cleared == null ? null : cleared.at(), cleared == null, ack == null ? null : ack.byUser(),
                ack == null ? null : ack.at(), ack == null ? null : ack.comment());
    }
}
