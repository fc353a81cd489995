package org.openebr.signature.control;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.time.Instant;
import org.openebr.signature.entity.SignatureNonce;
import org.openebr.signature.entity.SignatureNonceUse;

/**
 * Uses up a signing nonce in a transaction of its own, before anything else of the signing is
 * done: a request that then fails (wrong password, not allowed, already signed) cannot be sent
 * again with the same nonce.
 */
@Stateless
@PermitAll
public class NonceLedger {

    @PersistenceContext(unitName = "ebr")
    EntityManager em;

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
            return false;
        }
    }
}
