package org.openebr.periodic.boundary;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.openebr.audit.boundary.AuditIntegrity;
import org.openebr.audit.boundary.AuditTrail;
import org.openebr.audit.boundary.AuditVerification;
import org.openebr.erp.boundary.ErpMessages;
import org.openebr.identity.boundary.AccessReview;
import org.openebr.identity.boundary.SecurityLog;
import org.openebr.signature.boundary.Signatures;

/**
 * The periodic review pack (EU GMP Annex 11 section 11): for a period, what the system owner and QA review to
 * confirm the system is still in its validated state - the changes (the audit trail in numbers per record type,
 * role and account changes), the incidents (security alerts, acknowledged or not), the integrity checks (the audit
 * trail verified now, its failures and checkpoints in the period), the access reviews recorded and their
 * signatures, the failed sign-ins per account, and the interface messages parked now. Every figure is counted from
 * the records themselves when the pack is made; the pack says when and by whom.
 */
@Stateless
@RolesAllowed({"QA_REVIEWER", "QA_RELEASER", "INSPECTOR"})
public class PeriodicReviews {

    /** The longest period one pack covers: a year and a month. */
    public static final Duration LONGEST = Duration.ofDays(400);

    public record Changes(long total, List<AuditTrail.ChangeCount> byRecordType,
                          List<SecurityLog.TypeCount> accountAndRoleEvents) {
    }

    public record Incidents(long alerts, long unacknowledged, List<SecurityLog.Event> securityAlerts) {
    }

    public record Integrity(AuditVerification verifiedNow, long failures, long checkpointsOnRequest,
                            long checkpointFailures) {
    }

    public record AccessReviewFacts(String id, Instant recordedAt, String recordedBy,
                                    List<Signatures.Manifestation> signatures) {
    }

    public record FailedSignIns(long total, List<SecurityLog.SubjectCount> byAccount, long lockouts) {
    }

    /** @param parked the parked messages, oldest first, at most one page (200) of them */
    public record Interfaces(long parkedErpMessages, List<ErpMessages.MessageFacts> parked) {
    }

    public record Pack(Instant from, Instant to, Instant generatedAt, String generatedBy, Changes changes,
                       Incidents incidents, Integrity integrity, List<AccessReviewFacts> accessReviews,
                       FailedSignIns failedSignIns, Interfaces interfaces) {
    }

    private static final List<String> ACCOUNT_EVENTS = List.of("ACCOUNT_CREATED", "ACCOUNT_DEACTIVATED",
            "ACCOUNT_UNLOCKED", "ROLE_GRANTED", "ROLE_REVOKED", "PASSWORD_RESET", "API_TOKEN_ISSUED",
            "API_TOKEN_REVOKED", "SIGNING_CREDENTIAL_ISSUED", "SIGNING_CREDENTIAL_REVOKED", "TRAINING_RECORDED",
            "TRAINING_VOIDED");

    @Inject
    AuditTrail trail;

    @Inject
    AuditIntegrity integrity;

    @Inject
    SecurityLog security;

    @Inject
    AccessReview accessReview;

    @Inject
    Signatures signatures;

    @Inject
    ErpMessages erp;

    @Inject
    Clock clock;

    @Resource
    SessionContext session;

    public Pack pack(Instant from, Instant to) {
        if (from == null || to == null) {
            throw new PeriodicReviewRefused("A periodic review needs its period: from and to (to exclusive).");
        }
        if (!from.isBefore(to)) {
            throw new PeriodicReviewRefused("'from' must be before 'to'.");
        }
        if (Duration.between(from, to).compareTo(LONGEST) > 0) {
            throw new PeriodicReviewRefused("One pack covers at most " + LONGEST.toDays()
                    + " days; review a longer time in several periods.");
        }
        List<AuditTrail.ChangeCount> changes = trail.changesByRecordType(from, to);
        long total = changes.stream().mapToLong(c -> c.created() + c.changed() + c.deleted()).sum();
        List<SecurityLog.TypeCount> events = security.countsByType(from, to);
        List<SecurityLog.Event> alerts = security.alerts(from, to);
        AuditVerification now = integrity.verify();
        List<SecurityLog.SubjectCount> failed = security.failedSignIns(from, to);
        List<ErpMessages.MessageFacts> parked = erp.parked(1000);
        return new Pack(from, to, clock.instant(), session.getCallerPrincipal().getName(),
                new Changes(total, changes, events.stream().filter(e -> ACCOUNT_EVENTS.contains(e.type())).toList()),
                new Incidents(alerts.size(), alerts.stream().filter(a -> !a.acknowledged()).count(), alerts),
                new Integrity(now, count(events, "AUDIT_INTEGRITY_FAILURE"), count(events, "AUDIT_CHECKPOINT_WRITTEN"),
                        count(events, "AUDIT_CHECKPOINT_FAILED")),
                accessReview.recordedBetween(from, to).stream().map(r -> new AccessReviewFacts(r.id().toString(),
                        r.recordedAt(), r.recordedBy(), signatures.ofRecord("ACCESS_REVIEW", r.id().toString())))
                        .toList(),
                new FailedSignIns(failed.stream().mapToLong(SecurityLog.SubjectCount::count).sum(), failed,
                        count(events, "ACCOUNT_LOCKED")),
                new Interfaces(erp.parkedCount(), parked));
    }

    private static long count(List<SecurityLog.TypeCount> events, String type) {
        return events.stream().filter(e -> e.type().equals(type)).mapToLong(SecurityLog.TypeCount::count).sum();
    }
}
