package org.openebr.identity.boundary;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.openebr.identity.entity.SecurityAlertAcknowledgement;
import org.openebr.identity.entity.SecurityEvent;
import org.openebr.platform.control.ChangeContext;
import org.openebr.platform.control.RequestOrigin;

/**
 * The security event log: writes events (within the caller's transaction, or in a transaction of
 * their own for refusals that roll the caller's back), searches them, and handles alerts.
 */
@Stateless
public class SecurityLog {

    /** One event as shown to administrators, QA and inspectors. */
    public record Event(long id, Instant occurredAt, String type, String actor, String subject, String detail,
                        String reason, String channel, String clientAddress, boolean alert, boolean acknowledged) {
    }

    /** Search criteria; null means "any". {@code user} matches actor or subject. */
    public record Filter(String user, String type, Instant from, Instant to, int maxResults) {
    }

    /** The kinds of event, for filters. */
    @PermitAll
    public List<String> eventTypes() {
        return java.util.Arrays.stream(SecurityEventType.values()).map(Enum::name).toList();
    }

    static final int MAX_RESULTS = 1000;

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    RequestOrigin origin;

    @Inject
    ChangeContext change;

    @PermitAll
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void record(SecurityEventType type, String actor, String subject, String detail, String reason) {
        String channel = "SYSTEM";
        String address = null;
        try {
            channel = origin.channel();
            address = origin.clientAddress();
        } catch (ContextNotActiveException noRequest) {
            // e.g. a session that expires on a server thread: no request, no client
        }
        change.describeIfUnset("Security event " + type);
        em.persist(new SecurityEvent(type, actor, subject, detail, reason, channel, address, clock.instant()));
    }

    /** For refusals: the event must stay even though the refused work is rolled back. */
    @PermitAll
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void recordSeparately(SecurityEventType type, String actor, String subject, String detail, String reason) {
        record(type, actor, subject, detail, reason);
    }

    /** Someone tried what their roles do not allow (API 403, UI forbidden page). */
    @PermitAll
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void accessDenied(String user, String what) {
        record(SecurityEventType.ACCESS_DENIED, user, null, "refused: " + what, null);
    }

    @RolesAllowed({"ADMIN", "QA_REVIEWER", "QA_RELEASER", "INSPECTOR"})
    public List<Event> search(Filter filter) {
        SecurityEventType type = null;
        if (filter.type() != null) {
            try {
                type = SecurityEventType.valueOf(filter.type());
            } catch (IllegalArgumentException e) {
                throw new IdentityRefused(IdentityRefused.Reason.INVALID,
                        "Unknown event type '" + filter.type() + "'; one of " + eventTypes() + ".");
            }
        }
        StringBuilder jpql = new StringBuilder("select e from SecurityEvent e where 1 = 1");
        if (filter.user() != null) {
            jpql.append(" and (lower(e.actor) = :user or lower(e.subject) = :user)");
        }
        if (filter.type() != null) {
            jpql.append(" and e.type = :type");
        }
        if (filter.from() != null) {
            jpql.append(" and e.occurredAt >= :from");
        }
        if (filter.to() != null) {
            jpql.append(" and e.occurredAt < :to");
        }
        jpql.append(" order by e.occurredAt desc, e.id desc");
        TypedQuery<SecurityEvent> query = em.createQuery(jpql.toString(), SecurityEvent.class);
        if (filter.user() != null) {
            query.setParameter("user", filter.user().toLowerCase(java.util.Locale.ROOT));
        }
        if (filter.type() != null) {
            query.setParameter("type", type);
        }
        if (filter.from() != null) {
            query.setParameter("from", filter.from());
        }
        if (filter.to() != null) {
            query.setParameter("to", filter.to());
        }
        int max = filter.maxResults() <= 0 ? MAX_RESULTS : Math.min(filter.maxResults(), MAX_RESULTS);
        return toEvents(query.setMaxResults(max).getResultList());
    }

    /** How many events of one type a period holds; alerts are those that show to administrators. */
    public record TypeCount(String type, boolean alert, long count) {
    }

    /** The events of a period in numbers, per type (every type, also those with none). */
    @RolesAllowed({"ADMIN", "QA_REVIEWER", "QA_RELEASER", "INSPECTOR"})
    public List<TypeCount> countsByType(Instant from, Instant to) {
        java.util.Map<SecurityEventType, Long> counts = new java.util.EnumMap<>(SecurityEventType.class);
        for (Object[] row : em.createQuery("select e.type, count(e) from SecurityEvent e where e.occurredAt >= :from"
                + " and e.occurredAt < :to group by e.type", Object[].class).setParameter("from", from)
                .setParameter("to", to).getResultList()) {
            counts.put((SecurityEventType) row[0], (Long) row[1]);
        }
        List<TypeCount> result = new ArrayList<>();
        for (SecurityEventType type : SecurityEventType.values()) {
            result.add(new TypeCount(type.name(), type.alert(), counts.getOrDefault(type, 0L)));
        }
        return result;
    }

    /** Failed sign-ins of a period per account tried (the user name as typed), most first. */
    public record SubjectCount(String subject, long count) {
    }

    @RolesAllowed({"ADMIN", "QA_REVIEWER", "QA_RELEASER", "INSPECTOR"})
    public List<SubjectCount> failedSignIns(Instant from, Instant to) {
        return em.createQuery("select coalesce(e.subject, '(none)'), count(e) from SecurityEvent e where e.type = :t"
                        + " and e.occurredAt >= :from and e.occurredAt < :to group by e.subject"
                        + " order by count(e) desc, e.subject", Object[].class)
                .setParameter("t", SecurityEventType.LOGIN_FAILED).setParameter("from", from).setParameter("to", to)
                .getResultList().stream().map(r -> new SubjectCount((String) r[0], (Long) r[1])).toList();
    }

    /** The alerts of a period, oldest first, each with whether it was acknowledged. */
    @RolesAllowed({"ADMIN", "QA_REVIEWER", "QA_RELEASER", "INSPECTOR"})
    public List<Event> alerts(Instant from, Instant to) {
        return toEvents(em.createQuery("select e from SecurityEvent e where e.alert = true and e.occurredAt >= :from"
                        + " and e.occurredAt < :to order by e.occurredAt, e.id", SecurityEvent.class)
                .setParameter("from", from).setParameter("to", to).setMaxResults(MAX_RESULTS).getResultList());
    }

    /** Alerts (e.g. lockouts) no administrator has acknowledged yet, newest first. */
    @RolesAllowed("ADMIN")
    public List<Event> openAlerts() {
        return toEvents(em.createQuery("select e from SecurityEvent e where e.alert = true and not exists"
                        + " (select a from SecurityAlertAcknowledgement a where a.eventId = e.id)"
                        + " order by e.occurredAt desc", SecurityEvent.class)
                .setMaxResults(MAX_RESULTS).getResultList());
    }

    @RolesAllowed("ADMIN")
    public void acknowledge(long eventId, String comment, String by) {
        if (comment == null || comment.isBlank() || comment.length() > 1000) {
            throw new IdentityRefused(IdentityRefused.Reason.INVALID,
                    "Say what was done about the alert (a comment of at most 1000 characters).");
        }
        change.record("Acknowledge security alert", comment).actingAs("ADMIN");
        SecurityEvent event = em.find(SecurityEvent.class, eventId);
        if (event == null || !event.alert()) {
            throw new IdentityRefused(IdentityRefused.Reason.INVALID, "security event " + eventId + " is not an alert");
        }
        if (em.find(SecurityAlertAcknowledgement.class, eventId) != null) {
            throw new IdentityRefused(IdentityRefused.Reason.INVALID, "alert " + eventId + " is already acknowledged");
        }
        em.persist(new SecurityAlertAcknowledgement(eventId, by, comment, clock.instant()));
        record(SecurityEventType.ALERT_ACKNOWLEDGED, by, event.subject(), "alert " + eventId + " acknowledged", comment);
    }

    private List<Event> toEvents(List<SecurityEvent> events) {
        List<Long> acknowledged = events.isEmpty() ? List.of()
                : em.createQuery("select a.eventId from SecurityAlertAcknowledgement a where a.eventId in :ids", Long.class)
                        .setParameter("ids", events.stream().map(SecurityEvent::id).toList()).getResultList();
        List<Event> result = new ArrayList<>(events.size());
        for (SecurityEvent e : events) {
            result.add(new Event(e.id(), e.occurredAt(), e.type().name(), e.actor(), e.subject(), e.detail(), e.reason(),
                    e.channel(), e.clientAddress(), e.alert(), acknowledged.contains(e.id())));
        }
        return result;
    }
}
