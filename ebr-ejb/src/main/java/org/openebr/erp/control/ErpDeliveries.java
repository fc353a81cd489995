package org.openebr.erp.control;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.openebr.erp.entity.ErpDelivery;
import org.openebr.erp.entity.ErpMessage;

/** The relay's transactions: which messages are due, and what an attempt came to (each in its own transaction). */
@Stateless
@PermitAll
public class ErpDeliveries {

    /** The relay's name in the delivery log. */
    public static final String RELAY = "relay";

    @Inject
    ErpStore store;

    @Inject
    ErpSettings settings;

    @Inject
    Clock clock;

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public List<ErpMessage> due(int limit) {
        return store.due(clock.instant(), limit);
    }

    /** Records an attempt: delivered, or failed with the next try after the backoff, or parked after the last one. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void attempted(UUID messageId, ErpPush.Outcome outcome) {
        ErpMessage m = store.messageLocked(messageId).orElseThrow();
        if (m.state() != ErpMessage.State.PENDING) {
            return; // an administrator acted meanwhile, or a parallel pass delivered it
        }
        Instant now = clock.instant();
        if (outcome.delivered()) {
            m.delivered(now);
            store.persist(new ErpDelivery(messageId, m.attempts(), now, "DELIVERED", outcome.status(), null, RELAY));
            return;
        }
        int failures = m.attempts() + 1;
        boolean park = failures >= settings.maxAttempts();
        m.failed(outcome.detail(), now.plus(settings.backoffAfter(failures)), park);
        store.persist(new ErpDelivery(messageId, m.attempts(), now, park ? "PARKED" : "FAILED", outcome.status(),
                outcome.detail(), RELAY));
    }
}
