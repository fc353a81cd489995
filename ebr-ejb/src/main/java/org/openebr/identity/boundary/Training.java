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
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.openebr.identity.entity.TrainingRecord;
import org.openebr.identity.entity.UserAccount;
import org.openebr.platform.control.ChangeContext;
import org.openebr.platform.control.SiteSettings;

/**
 * Training and qualification records (21 CFR 11.10(i)). Batch execution asks
 * {@link #isQualified} before it lets a user perform an operation.
 */
@Stateless
public class Training {

    /**
     * What a qualification code looks like, here and where a master recipe requires one (the recipe
     * validator refuses any other, so that a requirement can always be met by a training record).
     */
    public static final Pattern QUALIFICATION = Pattern.compile("[A-Z0-9][A-Z0-9_.-]{1,99}");

    /** One training record as shown; voided records stay visible with who voided them and why. */
    public record TrainingEntry(UUID id, String userName, String qualification, String description, LocalDate validFrom,
                               LocalDate validUntil, Instant recordedAt, String recordedBy, Instant voidedAt,
                               String voidedBy, String voidReason) {
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
    SecurityLog log;

    @Inject
    AccountQueries queries;

    @Inject
    ChangeContext change;

    @RolesAllowed({"ADMIN", "SUPERVISOR"})
    public TrainingEntry record(String userName, String qualification, String description, LocalDate validFrom,
                               LocalDate validUntil) {
        String actor = session.getCallerPrincipal().getName();
        change.record("Record training", null).actingAs(actingRole());
        UserAccount account = queries.existing(userName);
        if (account.technical()) {
            throw refused(userName, "Technical accounts have no training records.");
        }
        if (account.userName().equalsIgnoreCase(actor)) {
            throw refused(userName, "Nobody records their own training: another supervisor or an administrator must.");
        }
        if (qualification == null || !QUALIFICATION.matcher(qualification).matches()) {
            throw refused(userName, "A qualification is a code of 2 to 100 capital letters, digits, '.', '_' or '-', e.g. OP-ASEPTIC-FILLING.");
        }
        if (validFrom == null || (validUntil != null && validUntil.isBefore(validFrom))) {
            throw refused(userName, "The record needs a valid-from date, and valid-until must not be before it.");
        }
        TrainingRecord record = new TrainingRecord(account.id(), qualification, description == null ? "" : description.strip(),
                validFrom, validUntil, actor, clock.instant());
        em.persist(record);
        log.record(SecurityEventType.TRAINING_RECORDED, actor, account.userName(),
                "qualification " + qualification + " valid " + validFrom + " to " + (validUntil == null ? "open end" : validUntil), null);
        return view(record, account.userName());
    }

    @RolesAllowed({"ADMIN", "SUPERVISOR"})
    public TrainingEntry voidRecord(String userName, UUID id, String reason) {
        String actor = session.getCallerPrincipal().getName();
        change.record("Void training record", reason).actingAs(actingRole());
        TrainingRecord record = em.find(TrainingRecord.class, id);
        UserAccount account = record == null ? null : em.find(UserAccount.class, record.accountId());
        if (account == null || !account.userName().equalsIgnoreCase(userName == null ? "" : userName)) {
            throw new IdentityRefused(IdentityRefused.Reason.UNKNOWN_ACCOUNT,
                    "There is no training record " + id + " of " + userName + ".");
        }
        if (reason == null || reason.isBlank()) {
            throw refused(account.userName(), "A reason is required to void a training record.");
        }
        if (record.voidedAt() != null) {
            throw refused(account.userName(), "Training record " + id + " is already void.");
        }
        record.voidRecord(actor, reason, clock.instant());
        log.record(SecurityEventType.TRAINING_VOIDED, actor, account.userName(),
                "training record for " + record.qualification() + " voided", reason);
        return view(record, account.userName());
    }

    @RolesAllowed({"ADMIN", "SUPERVISOR", "QA_REVIEWER", "QA_RELEASER", "INSPECTOR"})
    public List<TrainingEntry> recordsOf(String userName) {
        UserAccount account = queries.existing(userName);
        return em.createQuery("select t from TrainingRecord t where t.accountId = :id order by t.qualification, t.validFrom",
                        TrainingRecord.class)
                .setParameter("id", account.id()).getResultStream()
                .map(record -> view(record, account.userName())).toList();
    }

    /** Whether the user holds a current, not voided record for the qualification on the site's date of {@code at}. */
    @PermitAll
    public boolean isQualified(String userName, String qualification, Instant at) {
        LocalDate day = at.atZone(site.zone()).toLocalDate();
        return queries.byUserName(userName)
                .map(account -> em.createQuery("select t from TrainingRecord t where t.accountId = :id", TrainingRecord.class)
                        .setParameter("id", account.id()).getResultStream()
                        .anyMatch(record -> record.qualifies(qualification, day)))
                .orElse(false);
    }

    /** Supervisors record their team's training; an administrator who is not a supervisor acts as ADMIN. */
    private String actingRole() {
        return session.isCallerInRole("SUPERVISOR") ? "SUPERVISOR" : "ADMIN";
    }

    private IdentityRefused refused(String subject, String message) {
        log.recordSeparately(SecurityEventType.ADMINISTRATION_REFUSED, session.getCallerPrincipal().getName(), subject,
                "training record refused: " + message, null);
        return new IdentityRefused(IdentityRefused.Reason.TRAINING_STATE, message);
    }

    private static TrainingEntry view(TrainingRecord r, String userName) {
        return new TrainingEntry(r.id(), userName, r.qualification(), r.description(), r.validFrom(), r.validUntil(),
                r.recordedAt(), r.recordedBy(), r.voidedAt(), r.voidedBy(), r.voidReason());
    }
}
