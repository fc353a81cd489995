package org.openebr.identity.boundary;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.UUID;
import org.openebr.identity.control.IdentitySettings;
import org.openebr.identity.entity.AccessReviewRecord;
import org.openebr.platform.control.ChangeContext;

/**
 * The periodic access review (Annex 11 draft 11.5): every account with its roles, last sign-in,
 * and whether it is dormant (no sign-in for the configured number of days) or locked.
 */
@Stateless
@RolesAllowed({"ADMIN", "INSPECTOR", "QA_REVIEWER", "QA_RELEASER"})
public class AccessReview {

    /** One line of the report. */
    public record Line(String userName, String fullName, String status, SortedSet<String> roles, boolean technical,
                       boolean demo, Instant lastLoginAt, boolean dormant, boolean locked, Instant createdAt) {
    }

    /** The report: when it was made, what dormant means, and one line per account. */
    public record Report(Instant generatedAt, int dormantDays, List<Line> lines) {
        public long dormantCount() {
            return lines.stream().filter(Line::dormant).count();
        }

        public long lockedCount() {
            return lines.stream().filter(Line::locked).count();
        }
    }

    @Inject
    Accounts accounts;

    @Inject
    IdentitySettings settings;

    @Inject
    Clock clock;

    @PersistenceContext
    EntityManager em;

    @Resource
    SessionContext session;

    @Inject
    ChangeContext change;

    /** A recorded review: its id, when and by whom, and the report as recorded (JSON). */
    public record RecordedReview(UUID id, Instant recordedAt, String recordedBy, String reportJson) {
    }

    /** Keeps the report as it is now, to be signed (meaning REVIEWED) as the record of this review. */
    @RolesAllowed("ADMIN")
    public RecordedReview recordForSignature() {
        change.record("Record access review for signature", null).actingAs("ADMIN");
        String json;
        try (Jsonb jsonb = JsonbBuilder.create()) {
            json = jsonb.toJson(report());
        } catch (Exception e) {
            throw new IllegalStateException("the access review cannot be written as JSON", e);
        }
        AccessReviewRecord record = new AccessReviewRecord(json, session.getCallerPrincipal().getName(), clock.instant());
        em.persist(record);
        return view(record);
    }

    public Optional<RecordedReview> recorded(UUID id) {
        return Optional.ofNullable(id == null ? null : em.find(AccessReviewRecord.class, id)).map(AccessReview::view);
    }

    /** The reviews recorded in a period, oldest first, without their reports. */
    @RolesAllowed({"ADMIN", "INSPECTOR", "QA_REVIEWER", "QA_RELEASER"})
    public List<RecordedReview> recordedBetween(Instant from, Instant to) {
        return em.createQuery("SELECT r FROM AccessReviewRecord r WHERE r.recordedAt >= :from AND r.recordedAt < :to"
                        + " ORDER BY r.recordedAt", AccessReviewRecord.class).setParameter("from", from)
                .setParameter("to", to).getResultList().stream()
                .map(r -> new RecordedReview(r.id(), r.recordedAt(), r.recordedBy(), null)).toList();
    }

    private static RecordedReview view(AccessReviewRecord r) {
        return new RecordedReview(r.id(), r.recordedAt(), r.recordedBy(), r.report());
    }

    public Report report() {
        Instant now = clock.instant();
        Instant dormantBefore = now.minus(Duration.ofDays(settings.dormantDays()));
        List<Line> lines = accounts.list().stream().map(a -> new Line(a.userName(), a.fullName(), a.status(), new TreeSet<>(a.roles()),
                a.technical(), a.demo(), a.lastLoginAt(),
                "ACTIVE".equals(a.status()) && (a.lastLoginAt() == null ? a.createdAt().isBefore(dormantBefore)
                        : a.lastLoginAt().isBefore(dormantBefore)),
                "LOCKED".equals(a.status()), a.createdAt())).toList();
        return new Report(now, settings.dormantDays(), lines);
    }
}
