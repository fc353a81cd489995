package org.openebr.batch.boundary;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.openebr.batch.control.BatchStore;
import org.openebr.batch.entity.GateRefusal;
import org.openebr.platform.control.ChangeContext;

/**
 * Records a gate's refusal in a transaction of its own: the refused entry is rolled back, the record
 * that it was refused stays (review sees every attempt a gate stopped).
 */
@Stateless
@PermitAll
public class GateLog {

    @Inject
    BatchStore store;

    @Inject
    ChangeContext change;

    @Inject
    Clock clock;

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void refused(UUID batch, String batchId, String stepId, String kind, String message, String user) {
        change.record("Refuse " + user + " on batch " + batchId + ", step " + stepId, kind);
        store.persist(new GateRefusal(batch, stepId, kind, message, user, clock.instant().truncatedTo(ChronoUnit.MICROS)));
    }
}
