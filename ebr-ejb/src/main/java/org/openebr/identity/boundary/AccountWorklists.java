package org.openebr.identity.boundary;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.openebr.identity.control.IdentitySettings;
import org.openebr.identity.entity.AccountStatus;
import org.openebr.identity.entity.SecurityEvent;
import org.openebr.identity.entity.TrainingRecord;
import org.openebr.identity.entity.UserAccount;
import org.openebr.platform.boundary.Excerpt;
import org.openebr.platform.control.SiteSettings;

/**
 * What accounts, alerts and qualifications ask of people now, for their home pages: an
 * administrator's open alerts, locked accounts and unused one-time passwords; the qualifications
 * that expire soon or have expired; and each person's own qualifications and password expiry.
 * Read-only queries, each limited to the first few entries with the total count.
 */
@Stateless
public class AccountWorklists {

    /**
     * An account that waits for an administrator.
     *
     * @param since   when it came to need it (locked at; one-time password issued at)
     * @param until   when it stops working by itself (a one-time password's expiry), or null
     * @param overdue it already has (the one-time password expired: a new one must be issued)
     */
    public record AccountTask(String userName, String fullName, Instant since, Instant until, boolean overdue) {
    }

    /** A security alert no administrator has acknowledged yet. */
    public record AlertTask(long eventId, Instant occurredAt, String type, String actor, String subject, String detail) {
    }

    /** A qualification that expires within the horizon, or has expired, and was not renewed. */
    public record QualificationTask(String userName, String fullName, String qualification, String description,
                                    LocalDate validUntil, boolean expired) {
    }

    /** One of the caller's own qualifications (the newest record of each), with its state on the site's date. */
    public record MyQualification(String qualification, String description, LocalDate validFrom, LocalDate validUntil,
                                  QualificationState state) {
    }

    /** Where a qualification stands on a day. */
    public enum QualificationState { CURRENT, EXPIRING, EXPIRED, NOT_YET_VALID }

    /** One security event, briefly. */
    public record EventLine(long id, Instant occurredAt, String type, String actor, String subject, boolean alert) {
    }

    @PersistenceContext
    EntityManager em;

    @Resource
    SessionContext session;

    @Inject
    Clock clock;

    @Inject
    SiteSettings site;

    @Inject
    IdentitySettings settings;

    /** Security alerts (e.g. lockouts) not yet acknowledged, the newest first. */
    @RolesAllowed("ADMIN")
    public Excerpt<AlertTask> openAlerts(int limit) {
        String open = " from SecurityEvent e where e.alert = true and not exists"
                + " (select a from SecurityAlertAcknowledgement a where a.eventId = e.id)";
        long total = em.createQuery("select count(e)" + open, Long.class).getSingleResult();
        List<AlertTask> first = em.createQuery("select e" + open + " order by e.occurredAt desc, e.id desc",
                        SecurityEvent.class)
                .setMaxResults(Excerpt.limit(limit)).getResultStream()
                .map(e -> new AlertTask(e.id(), e.occurredAt(), e.type().name(), e.actor(), e.subject(), e.detail()))
                .toList();
        return new Excerpt<>(first, total);
    }

    /** Locked accounts, the most recently locked first: only an administrator unlocks them. */
    @RolesAllowed("ADMIN")
    public Excerpt<AccountTask> locked(int limit) {
        String locked = " from UserAccount a where a.status = :status";
        long total = em.createQuery("select count(a)" + locked, Long.class)
                .setParameter("status", AccountStatus.LOCKED).getSingleResult();
        List<AccountTask> first = em.createQuery("select a" + locked + " order by a.lockedAt desc, a.userNameKey",
                        UserAccount.class)
                .setParameter("status", AccountStatus.LOCKED).setMaxResults(Excerpt.limit(limit)).getResultStream()
                .map(a -> new AccountTask(a.userName(), a.fullName(), a.lockedAt(), null, false)).toList();
        return new Excerpt<>(first, total);
    }

    /**
     * Active accounts whose one-time password has not been replaced by the person's own yet, the
     * oldest first; an expired one signs in nowhere, and the administrator must issue a new one.
     */
    @RolesAllowed("ADMIN")
    public Excerpt<AccountTask> unusedOneTimePasswords(int limit) {
        String pending = " from UserAccount a where a.status = :status and a.passwordChangeRequired = true";
        long total = em.createQuery("select count(a)" + pending, Long.class)
                .setParameter("status", AccountStatus.ACTIVE).getSingleResult();
        Duration validity = settings.oneTimePasswordValidity();
        Instant now = clock.instant();
        List<AccountTask> first = em.createQuery("select a" + pending + " order by a.passwordSetAt, a.userNameKey",
                        UserAccount.class)
                .setParameter("status", AccountStatus.ACTIVE).setMaxResults(Excerpt.limit(limit)).getResultStream()
                .map(a -> new AccountTask(a.userName(), a.fullName(), a.passwordSetAt(),
                        a.passwordSetAt() == null ? null : a.passwordSetAt().plus(validity),
                        a.oneTimePasswordExpired(validity, now)))
                .toList();
        return new Excerpt<>(first, total);
    }

    /**
     * Qualifications of active people that expire within {@code days} from the site's today, or
     * have expired, and that no later record renews; the soonest expiry first. Voided records count
     * for nothing.
     */
    @RolesAllowed({"ADMIN", "SUPERVISOR", "QA_REVIEWER", "QA_RELEASER", "INSPECTOR"})
    public Excerpt<QualificationTask> qualificationsDue(int days, int limit) {
        String due = " from TrainingRecord t, UserAccount a where a.id = t.accountId and a.status <> :deactivated"
                + " and a.technical = false and t.voidedAt is null and t.validUntil is not null"
                + " and t.validUntil <= :horizon and not exists (select r from TrainingRecord r"
                + " where r.accountId = t.accountId and r.qualification = t.qualification and r.voidedAt is null"
                + " and (r.validUntil is null or r.validUntil > t.validUntil))";
        LocalDate today = today();
        LocalDate horizon = today.plusDays(Math.max(0, days));
        long total = em.createQuery("select count(t)" + due, Long.class)
                .setParameter("deactivated", AccountStatus.DEACTIVATED).setParameter("horizon", horizon)
                .getSingleResult();
        List<QualificationTask> first = em.createQuery("select t, a" + due + " order by t.validUntil, a.userNameKey",
                        Object[].class)
                .setParameter("deactivated", AccountStatus.DEACTIVATED).setParameter("horizon", horizon)
                .setMaxResults(Excerpt.limit(limit)).getResultStream()
                .map(row -> {
                    TrainingRecord t = (TrainingRecord) row[0];
                    UserAccount a = (UserAccount) row[1];
                    return new QualificationTask(a.userName(), a.fullName(), t.qualification(), t.description(),
                            t.validUntil(), t.validUntil().isBefore(today));
                })
                .toList();
        return new Excerpt<>(first, total);
    }

    /**
     * The caller's own qualifications: for each qualification the record valid longest (voided
     * ones left out), with whether it is current, expires within {@code days}, or has expired.
     */
    @PermitAll
    public List<MyQualification> myQualifications(int days) {
        Optional<UserAccount> me = self();
        if (me.isEmpty()) {
            return List.of();
        }
        LocalDate today = today();
        List<TrainingRecord> records = em.createQuery("select t from TrainingRecord t where t.accountId = :id"
                        + " and t.voidedAt is null order by t.qualification, t.validFrom", TrainingRecord.class)
                .setParameter("id", me.get().id()).getResultList();
        return records.stream()
                .collect(java.util.stream.Collectors.groupingBy(TrainingRecord::qualification, java.util.TreeMap::new,
                        java.util.stream.Collectors.maxBy(AccountWorklists::byValidity)))
                .values().stream().flatMap(Optional::stream)
                .map(t -> new MyQualification(t.qualification(), t.description(), t.validFrom(), t.validUntil(),
                        state(t.validFrom(), t.validUntil(), today, days)))
                .toList();
    }

    /**
     * When the caller's password expires (EBR_PASSWORD_MAX_AGE_DAYS), if it expires at all; a
     * one-time password is not the person's own and is left out (its change is forced anyway).
     */
    @PermitAll
    public Optional<Instant> myPasswordExpiry() {
        int maxAge = settings.passwordMaxAgeDays();
        return self().filter(a -> maxAge > 0 && !a.technical() && !a.passwordChangeRequired() && a.passwordSetAt() != null)
                .map(a -> a.passwordSetAt().plus(Duration.ofDays(maxAge)));
    }

    /** Security events of the last {@code days} days, the newest first. */
    @RolesAllowed({"ADMIN", "QA_REVIEWER", "QA_RELEASER", "INSPECTOR"})
    public Excerpt<EventLine> recentSecurityEvents(int days, int limit) {
        Instant from = clock.instant().minus(Duration.ofDays(Math.max(1, days)));
        long total = em.createQuery("select count(e) from SecurityEvent e where e.occurredAt >= :from", Long.class)
                .setParameter("from", from).getSingleResult();
        List<EventLine> first = em.createQuery("select e from SecurityEvent e where e.occurredAt >= :from"
                        + " order by e.occurredAt desc, e.id desc", SecurityEvent.class)
                .setParameter("from", from).setMaxResults(Excerpt.limit(limit)).getResultStream()
                .map(e -> new EventLine(e.id(), e.occurredAt(), e.type().name(), e.actor(), e.subject(), e.alert()))
                .toList();
        return new Excerpt<>(first, total);
    }

    /** A qualification's state on {@code today}: expiring means it ends within {@code days}. */
    static QualificationState state(LocalDate validFrom, LocalDate validUntil, LocalDate today, int days) {
        if (today.isBefore(validFrom)) {
            return QualificationState.NOT_YET_VALID;
        }
        if (validUntil == null) {
            return QualificationState.CURRENT;
        }
        if (validUntil.isBefore(today)) {
            return QualificationState.EXPIRED;
        }
        return validUntil.isAfter(today.plusDays(Math.max(0, days))) ? QualificationState.CURRENT
                : QualificationState.EXPIRING;
    }

    /** Open-ended records are valid longest; otherwise the later end, then the later start. */
    private static int byValidity(TrainingRecord a, TrainingRecord b) {
        LocalDate endA = a.validUntil() == null ? LocalDate.MAX : a.validUntil();
        LocalDate endB = b.validUntil() == null ? LocalDate.MAX : b.validUntil();
        int byEnd = endA.compareTo(endB);
        return byEnd != 0 ? byEnd : a.validFrom().compareTo(b.validFrom());
    }

    private LocalDate today() {
        return clock.instant().atZone(site.zone()).toLocalDate();
    }

    private Optional<UserAccount> self() {
        return em.createQuery("select a from UserAccount a where a.userNameKey = :key", UserAccount.class)
                .setParameter("key", UserAccount.key(session.getCallerPrincipal().getName()))
                .getResultStream().findFirst();
    }
}
