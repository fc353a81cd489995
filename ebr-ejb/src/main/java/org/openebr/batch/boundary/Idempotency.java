package org.openebr.batch.boundary;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.function.Supplier;
import jakarta.inject.Inject;
import org.openebr.batch.entity.IdempotentCall;

/**
 * Idempotent batch calls: a terminal that lost the answer to an entry sends it again with the same
 * {@code Idempotency-Key} and gets the same answer once more, without a second effect. The effect and
 * the answer are stored in one transaction; calls with one key are served one after the other (an
 * advisory lock on user and key), so two copies sent at once have one effect too. The same key with
 * another body is refused.
 */
@Stateless
@RolesAllowed({"OPERATOR", "SUPERVISOR", "QA_REVIEWER", "QA_RELEASER", "ERP_INTERFACE"})
public class Idempotency {

    /** An answer: its HTTP status and JSON body, and whether it is a replay of an earlier one. */
    public record Answer(int status, String body, boolean replayed) {
    }

    static final int KEY = 200;

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Resource
    SessionContext session;

    /**
     * @param requestHash a hash of the request (method, path and body)
     * @param effect      makes the effect and returns the JSON body of the answer; runs in this transaction
     */
    public Answer once(String key, String requestHash, int status, Supplier<String> effect) {
        return once(key, requestHash, () -> new Effect(status, effect.get()));
    }

    /** The effect's answer: its HTTP status and JSON body (for calls whose status depends on what they did). */
    public record Effect(int status, String body) {
    }

    /** As {@link #once(String, String, int, Supplier)}, the status chosen by the effect. */
    public Answer once(String key, String requestHash, Supplier<Effect> effect) {
        if (key.isBlank() || key.length() > KEY) {
            throw new BatchRefused(BatchRefused.Reason.INCOMPLETE, "An Idempotency-Key is 1 to " + KEY + " characters.",
                    "Idempotency-Key", "1 to " + KEY + " characters");
        }
        String user = session.getCallerPrincipal().getName();
        em.createNativeQuery("SELECT 1 FROM pg_advisory_xact_lock(hashtext(?1))").setParameter(1, "idem:" + user + ":" + key)
                .getSingleResult();
        IdempotentCall earlier = em.find(IdempotentCall.class, new IdempotentCall.Key(user, key));
        if (earlier != null) {
            if (!earlier.requestHash().equals(requestHash)) {
                throw new BatchRefused(BatchRefused.Reason.KEY_REUSED, "Idempotency-Key " + key + " was sent before with"
                        + " another request; a key stands for one request. Nothing was done.");
            }
            return new Answer(earlier.status(), earlier.body(), true);
        }
        Effect done = effect.get();
        em.persist(new IdempotentCall(user, key, requestHash, done.status(), done.body(), clock.instant()));
        em.flush();
        return new Answer(done.status(), done.body(), false);
    }
}
