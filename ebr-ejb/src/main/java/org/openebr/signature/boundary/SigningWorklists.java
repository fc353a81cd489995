package org.openebr.signature.boundary;

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
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.openebr.identity.boundary.AccountQueries;
import org.openebr.identity.boundary.Role;
import org.openebr.identity.entity.AccountStatus;
import org.openebr.identity.entity.UserAccount;
import org.openebr.platform.boundary.Excerpt;
import org.openebr.signature.control.AccessReviewRecordType;
import org.openebr.signature.control.SignedDocument;
import org.openebr.signature.entity.SigningCredential;

/**
 * Who is not ready to sign yet, for the home pages: an administrator's pending identity
 * verifications (people in a role that signs who have no verified identity or no valid signing
 * credential), each person's own readiness (statement signed, credential issued), and whether the
 * periodic access review is due. Read-only queries.
 */
@Stateless
public class SigningWorklists {

    /**
     * The roles whose holders sign: every GMP role (recipes now; batch steps, reviews and release
     * as they come) and ADMIN (the access review). Inspectors read only; technical accounts never sign.
     */
    public static final Set<Role> SIGNING_ROLES = EnumSet.complementOf(EnumSet.of(Role.INSPECTOR, Role.ERP_INTERFACE));

    /** What keeps a person from signing until an administrator acts. */
    public enum Gap {
        /** no identity verification is recorded for the person */
        NO_IDENTITY_VERIFICATION,
        /** the identity was verified, but the credential was revoked or its certificate has expired */
        NO_VALID_CREDENTIAL
    }

    /**
     * A person who holds a role that signs and cannot sign yet.
     *
     * @param since when the account was created
     */
    public record PendingVerification(String userName, String fullName, List<String> roles, Instant since, Gap gap) {
    }

    /**
     * The caller's readiness to sign.
     *
     * @param signs             the caller holds a role that signs (otherwise the rest does not matter)
     * @param statementSigned   the current accountability statement carries their signature
     * @param credentialValid   they hold a signing credential that is not revoked and whose certificate is valid now
     * @param credentialExpires when that certificate expires, or null
     */
    public record Readiness(boolean signs, boolean statementSigned, boolean credentialValid, Instant credentialExpires) {
    }

    /**
     * The periodic access review (EU GMP Annex 11 draft §11.5).
     *
     * @param lastSignedAt when the last recorded review was signed, or null for never
     * @param dueAt        when the next one is due (never signed: now)
     */
    public record AccessReviewState(Instant lastSignedAt, String lastSignedBy, int periodDays, Instant dueAt,
                                    boolean due) {
    }

    @PersistenceContext
    EntityManager em;

    @Resource
    SessionContext session;

    @Inject
    Clock clock;

    @Inject
    AccountQueries accounts;

    @Inject
    AccountabilityStatement statement;

    @Inject
    @ConfigProperty(name = "ebr.access.review.days", defaultValue = "90")
    int accessReviewDays;

    /**
     * Active personal accounts in a role that signs without a verified identity or a valid signing
     * credential, the longest waiting first. The caller is left out: nobody verifies their own
     * identity (their own home page tells them another administrator must).
     */
    @RolesAllowed("ADMIN")
    public Excerpt<PendingVerification> pendingIdentityVerifications(int limit) {
        String caller = session.getCallerPrincipal().getName();
        Map<UUID, Set<String>> roles = accounts.activeRolesByAccount();
        Set<UUID> verified = new HashSet<>(em.createQuery("select distinct v.accountId from IdentityVerification v",
                UUID.class).getResultList());
        Instant now = clock.instant();
        Set<UUID> credentialed = em.createQuery("select c from SigningCredential c where c.revokedAt is null",
                        SigningCredential.class).getResultStream()
                .filter(c -> valid(c, now)).map(SigningCredential::accountId).collect(Collectors.toSet());
        List<PendingVerification> pending = accounts.all().stream()
                .filter(a -> a.status() == AccountStatus.ACTIVE && !a.technical() && !a.userName().equalsIgnoreCase(caller))
                .filter(a -> signs(roles.getOrDefault(a.id(), Set.of())))
                .filter(a -> !credentialed.contains(a.id()))
                .sorted(Comparator.comparing(UserAccount::createdAt).thenComparing(UserAccount::userName))
                .map(a -> new PendingVerification(a.userName(), a.fullName(), List.copyOf(roles.get(a.id())),
                        a.createdAt(), verified.contains(a.id()) ? Gap.NO_VALID_CREDENTIAL : Gap.NO_IDENTITY_VERIFICATION))
                .toList();
        return Excerpt.of(pending, limit);
    }

    /** Whether the caller can sign, and if not, what is missing. */
    @PermitAll
    public Readiness myReadiness() {
        String caller = session.getCallerPrincipal().getName();
        Optional<UserAccount> me = accounts.byUserName(caller);
        if (me.isEmpty() || me.get().technical()) {
            return new Readiness(false, false, false, null);
        }
        UUID id = me.get().id();
        boolean signs = signs(new HashSet<>(accounts.activeRoles(id)));
        String current = statement.content(caller).map(SignedDocument::recordSha256).orElse("");
        boolean signed = em.createQuery("select count(s) from ElectronicSignature s where s.recordType = :type"
                        + " and s.signerAccountId = :id and s.recordSha256 = :version", Long.class)
                .setParameter("type", AccountabilityStatement.RECORD_TYPE).setParameter("id", id)
                .setParameter("version", current).getSingleResult() > 0;
        Instant now = clock.instant();
        Optional<Instant> expires = em.createQuery("select c from SigningCredential c where c.accountId = :id"
                        + " and c.revokedAt is null", SigningCredential.class)
                .setParameter("id", id).getResultStream().filter(c -> valid(c, now))
                .map(SigningWorklists::notAfter).max(Comparator.naturalOrder());
        return new Readiness(signs, signed, expires.isPresent(), expires.orElse(null));
    }

    /** When the access review was last signed and whether the next one is due (EBR_ACCESS_REVIEW_DAYS, default 90). */
    @RolesAllowed({"ADMIN", "QA_REVIEWER", "QA_RELEASER", "INSPECTOR"})
    public AccessReviewState accessReview() {
        int period = Math.max(1, accessReviewDays);
        Instant now = clock.instant();
        List<Object[]> last = em.createQuery("select s.signedAt, s.signerFullName, s.signerUserName"
                        + " from ElectronicSignature s where s.recordType = :type and s.meaning = :meaning"
                        + " order by s.signedAt desc", Object[].class)
                .setParameter("type", AccessReviewRecordType.RECORD_TYPE).setParameter("meaning", Meaning.REVIEWED)
                .setMaxResults(1).getResultList();
        if (last.isEmpty()) {
            return new AccessReviewState(null, null, period, now, true);
        }
        Instant signedAt = (Instant) last.get(0)[0];
        Instant dueAt = signedAt.plus(Duration.ofDays(period));
        return new AccessReviewState(signedAt, last.get(0)[1] + " (" + last.get(0)[2] + ")", period, dueAt,
                !dueAt.isAfter(now));
    }

    static boolean signs(Set<String> roles) {
        return roles.stream().anyMatch(role -> Arrays.stream(Role.values())
                .anyMatch(r -> r.name().equals(role) && SIGNING_ROLES.contains(r)));
    }

    private static boolean valid(SigningCredential credential, Instant now) {
        try {
            return notAfter(credential).isAfter(now);
        } catch (IllegalStateException unreadable) {
            return false;
        }
    }

    private static Instant notAfter(SigningCredential credential) {
        return Signatures.certificateOf(credential).getNotAfter().toInstant();
    }
}
