package org.openebr.signature.boundary;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.security.cert.CertificateEncodingException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.openebr.identity.boundary.AccountQueries;
import org.openebr.identity.boundary.SecurityEventType;
import org.openebr.identity.boundary.SecurityLog;
import org.openebr.identity.entity.AccountStatus;
import org.openebr.identity.entity.UserAccount;
import org.openebr.platform.control.ChangeContext;
import org.openebr.signature.control.SignatureKeys;
import org.openebr.signature.entity.IdentityVerification;
import org.openebr.signature.entity.SigningCredential;
import org.openebr.trust.control.UserSigningCredential;

/**
 * Signing credentials: an administrator records how a person's identity was verified (21 CFR
 * 11.100(b)), and the system issues the person a key pair and a certificate from the internal CA
 * with their immutable user id and printed name. Deactivating the account revokes it.
 */
@Stateless
public class SigningCredentials {

    /**
     * A credential as administrators and inspectors see it; never the key. {@code validFrom} and
     * {@code validUntil} are the certificate's (null when it cannot be read).
     */
    public record CredentialDetails(String userName, String serial, String subject, Instant issuedAt, String issuedBy,
                                    Instant revokedAt, String revokeReason, String verificationMethod,
                                    Instant validFrom, Instant validUntil) {
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
    SecurityLog log;

    @Inject
    ChangeContext change;

    @Inject
    SignatureKeys keys;

    @Inject
    org.openebr.identity.control.IdentitySettings identity;

    @RolesAllowed("ADMIN")
    public CredentialDetails recordIdentityVerification(String userName, String method) {
        String actor = session.getCallerPrincipal().getName();
        change.record("Verify identity and issue signing credential", method).actingAs("ADMIN");
        if (method == null || method.isBlank() || method.length() > 300) {
            throw new SignatureRefused(SignatureRefused.Reason.INCOMPLETE,
                    "Say how the identity was verified (at most 300 characters), e.g. 'passport checked in person'.");
        }
        UserAccount account = accounts.byUserName(userName == null ? "" : userName).orElseThrow(() ->
                new SignatureRefused(SignatureRefused.Reason.NOT_FOUND, "There is no account '" + userName + "'."));
        if (account.userName().equalsIgnoreCase(actor)) {
            throw new SignatureRefused(SignatureRefused.Reason.NOT_ALLOWED,
                    "Nobody verifies their own identity: another administrator must.");
        }
        if (account.technical() || account.status() == AccountStatus.DEACTIVATED) {
            throw new SignatureRefused(SignatureRefused.Reason.NOT_ALLOWED,
                    "Only active personal accounts get signing credentials.");
        }
        if (keys.keys().developmentKeyPassword() && !identity.demoMode()) {
            throw new SignatureRefused(SignatureRefused.Reason.NOT_READY, "The key store is protected by the development"
                    + " password: set EBR_KEY_PASSWORD before issuing signing credentials.");
        }
        Instant now = clock.instant();
        em.persist(new IdentityVerification(account.id(), method.strip(), actor, now));
        log.record(SecurityEventType.IDENTITY_VERIFIED, actor, account.userName(), "identity verified: " + method.strip(), null);
        SigningCredential credential = em.createQuery("select c from SigningCredential c where c.accountId = :id"
                        + " and c.revokedAt is null", SigningCredential.class)
                .setParameter("id", account.id()).getResultStream().findFirst().orElse(null);
        if (credential != null && stale(credential, account, now)) {
            // expired or for another printed name: the new verification renews it
            credential.revoke(actor, "renewed after a new identity verification", now);
            em.flush();
            log.record(SecurityEventType.SIGNING_CREDENTIAL_REVOKED, actor, account.userName(),
                    "signing certificate " + credential.serial() + " replaced", null);
            credential = null;
        }
        if (credential == null) {
            UserSigningCredential issued = keys.store().issueUserCredential(account.id().toString(), account.fullName());
            try {
                credential = new SigningCredential(account.id(), issued.certificate().getSerialNumber().toString(16),
                        issued.certificate().getEncoded(), issued.wrappedPrivateKey(), actor, now);
            } catch (CertificateEncodingException e) {
                throw new IllegalStateException("the new certificate cannot be encoded", e);
            }
            em.persist(credential);
            log.record(SecurityEventType.SIGNING_CREDENTIAL_ISSUED, actor, account.userName(),
                    "signing certificate " + credential.serial() + " issued", null);
        }
        return details(account, credential, method.strip());
    }

    @RolesAllowed({"ADMIN", "INSPECTOR", "QA_REVIEWER", "QA_RELEASER"})
    public List<CredentialDetails> credentialsOf(String userName) {
        return credentialsOf(accounts.existing(userName));
    }

    private List<CredentialDetails> credentialsOf(UserAccount account) {
        String method = em.createQuery("select v.method from IdentityVerification v where v.accountId = :id"
                        + " order by v.verifiedAt desc", String.class)
                .setParameter("id", account.id()).setMaxResults(1).getResultStream().findFirst().orElse(null);
        return em.createQuery("select c from SigningCredential c where c.accountId = :id order by c.issuedAt",
                        SigningCredential.class)
                .setParameter("id", account.id()).getResultStream().map(c -> details(account, c, method)).toList();
    }

    /** The caller's own certificates (My signature): whether they can sign, and until when. */
    @PermitAll
    public List<CredentialDetails> mine() {
        return credentialsOf(accounts.existing(session.getCallerPrincipal().getName()));
    }

    /** The user names that hold an active signing certificate, for the list of users. */
    @RolesAllowed("ADMIN")
    public java.util.Set<String> holders() {
        return java.util.Set.copyOf(em.createQuery("select a.userName from UserAccount a, SigningCredential c"
                + " where c.accountId = a.id and c.revokedAt is null", String.class).getResultList());
    }

    private static boolean stale(SigningCredential credential, UserAccount account, Instant now) {
        try {
            java.security.cert.X509Certificate certificate = Signatures.certificateOf(credential);
            return certificate.getNotAfter().toInstant().isBefore(now.plus(java.time.Duration.ofDays(30)))
                    || !certificate.getSubjectX500Principal().getName().contains("CN=" + account.fullName() + ",");
        } catch (IllegalStateException unreadable) {
            return true;
        }
    }

    private static CredentialDetails details(UserAccount account, SigningCredential c, String method) {
        String subject;
        Instant validFrom = null;
        Instant validUntil = null;
        try {
            java.security.cert.X509Certificate certificate = Signatures.certificateOf(c);
            subject = certificate.getSubjectX500Principal().getName();
            validFrom = certificate.getNotBefore().toInstant();
            validUntil = certificate.getNotAfter().toInstant();
        } catch (IllegalStateException unreadable) {
            subject = "(unreadable)";
        }
        return new CredentialDetails(account.userName(), c.serial(), subject, c.issuedAt(), c.issuedBy(), c.revokedAt(),
                c.revokeReason(), method, validFrom, validUntil);
    }
}
