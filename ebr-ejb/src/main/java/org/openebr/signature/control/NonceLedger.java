package org.openebr.signature.control;

import org.openebr.platform.boundary.SchemaGate;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Schedule;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import org.openebr.platform.control.Constraints;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Logger;
import org.openebr.signature.entity.SignatureNonce;
import org.openebr.signature.entity.SignatureNonceUse;

/**
 * Uses up a signing nonce in a transaction of its own, before anything else of the signing is
 * done: a request that then fails (wrong password, not allowed, already signed) cannot be sent
 * again with the same nonce. Every hour it purges the nonces that expired unused more than a day
 * ago (technical tokens, not GMP records: every dialog opened issues one); a used nonce stays with
 * the record of its use.
 */
@Stateless
@PermitAll
public class NonceLedger {

    static final Duration KEEP_EXPIRED = Duration.ofDays(1);

    private static final Logger LOG = Logger.getLogger(NonceLedger.class.getName());

    @PersistenceContext(unitName = "ebr")
    EntityManager em;

    @Inject
    SchemaGate schemaGate;

    @Inject
    Clock clock;

    @Schedule(hour = "*", minute = "23", persistent = false)
    void purgeHourly() {
        if (schemaGate.refusal().isPresent()) {
            return;
        }
        // an hour more than the database's own rule, so that clocks a little apart never fail the purge
        int purged = purgeUnusedExpiredBefore(clock.instant().minus(KEEP_EXPIRED).minus(Duration.ofHours(1)));
        if (purged > 0) {
            LOG.info(() -> "Purged " + purged + " signing nonce(s) that expired unused");
        }
    }

    /** Deletes the nonces that expired unused before the cutoff (the database allows no other); how many. */
    public int purgeUnusedExpiredBefore(Instant cutoff) {
        return em.createQuery("delete from SignatureNonce n where n.expiresAt < :cutoff"
                        + " and not exists (select u from SignatureNonceUse u where u.nonce = n.nonce)")
                .setParameter("cutoff", cutoff).executeUpdate();
    }

    /** True when the nonce has been used (for a signing that succeeded or not). */
    public boolean used(String nonce) {
        return em.find(SignatureNonceUse.class, nonce) != null;
    }

    /** True when the nonce was the caller's, unexpired and unused, and is used up now. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean consume(String nonce, String userName, Instant now) {
        SignatureNonce issued = nonce == null ? null : em.find(SignatureNonce.class, nonce);
        if (issued == null || !issued.userName().equalsIgnoreCase(userName) || issued.expiresAt().isBefore(now)
                || em.find(SignatureNonceUse.class, nonce) != null) {
            return false;
        }
        em.persist(new SignatureNonceUse(nonce, now));
        try {
            em.flush();
            return true;
        } catch (PersistenceException usedMeanwhile) {
            // used, or purged, by another request at the same moment
            if (!Constraints.violated(usedMeanwhile, "signature_nonce_use_pkey", "signature_nonce_use_nonce_fkey")) {
                throw usedMeanwhile;
            }
            return false;
        }
    }
}
