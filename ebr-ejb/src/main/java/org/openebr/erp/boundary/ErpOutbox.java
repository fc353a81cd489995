package org.openebr.erp.boundary;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.Optional;
import java.util.UUID;
import org.openebr.batch.boundary.BatchHappened;
import org.openebr.batch.boundary.Batches;
import org.openebr.batch.boundary.EntryFacts;
import org.openebr.erp.control.ErpDocuments;
import org.openebr.erp.control.ErpFigures;
import org.openebr.erp.control.ErpStore;
import org.openebr.erp.entity.ErpMessage;
import org.openebr.erp.entity.ErpOrder;

/**
 * The transactional outbox: what happens to a batch the ERP ordered becomes a confirmation in the same
 * transaction as the change itself, so none is lost and none is sent for a change that was rolled back.
 * Batches planned in OpenEBR without an ERP order send nothing (the ERP does not know them).
 */
@Stateless
@PermitAll
public class ErpOutbox {

    @Inject
    ErpStore store;

    @Inject
    Batches batches;

    @Inject
    org.openebr.batch.boundary.OperationEvents operationEvents;

    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void on(@Observes BatchHappened happened) {
        Optional<ErpOrder> ordered = store.orderOfBatch(happened.batchId());
        if (ordered.isEmpty()) {
            return;
        }
        ErpOrder order = ordered.get();
        int seq = store.nextSeq(order.batchId());
        UUID id = UUID.randomUUID();
        ErpDocuments.Kind kind = switch (happened.kind()) {
            case STARTED -> ErpDocuments.Kind.BATCH_STARTED;
            case CONSUMED -> ErpDocuments.Kind.MATERIAL_CONSUMED;
            case COMPLETED -> ErpDocuments.Kind.PRODUCTION_REPORTED;
            case ABORTED -> ErpDocuments.Kind.BATCH_ABORTED;
            case DECIDED -> switch (happened.status()) {
                case "RELEASED" -> ErpDocuments.Kind.BATCH_RELEASED;
                case "REJECTED" -> ErpDocuments.Kind.BATCH_REJECTED;
                default -> null;
            };
        };
        if (kind == null) {
            return; // REVIEWED: nothing for the ERP until the decision
        }
        ErpDocuments.Header h = new ErpDocuments.Header(id, kind, order.orderNumber(), order.batchId(), seq,
                order.material(), happened.at(), happened.by());
        String body = switch (kind) {
            case BATCH_STARTED -> ErpDocuments.started(h);
            case MATERIAL_CONSUMED -> consumed(h, happened.consumption());
            case PRODUCTION_REPORTED -> ErpDocuments.production(h, ErpFigures.of(batches.batch(happened.batchId()),
                    operationEvents.operations(happened.batchId())));
            case BATCH_RELEASED, BATCH_REJECTED -> ErpDocuments.decision(h, happened.status(),
                    ErpFigures.of(batches.batch(happened.batchId()), operationEvents.operations(happened.batchId())));
            case BATCH_ABORTED -> ErpDocuments.aborted(h, batches.batch(happened.batchId()).statusReason());
        };
        store.persist(new ErpMessage(id, order.batchId(), seq, kind.name(), body, happened.at()));
        store.flush();
    }

    private String consumed(ErpDocuments.Header h, BatchHappened.Consumption c) {
        if (!"CORRECTION".equals(c.entryKind())) {
            return ErpDocuments.consumed(h, c, null, null, null);
        }
        // a corrected charge: the ERP reverses the entry it replaces and books the new one
        EntryFacts replaced = batches.record(h.batchId()).entries().stream()
                .filter(e -> e.stepId().equals(c.stepId()) && e.seq() < c.seq() && e.containerId() != null)
                .reduce((a, b) -> b).orElse(null);
        return replaced == null ? ErpDocuments.consumed(h, c, null, null, null)
                : ErpDocuments.consumed(h, c, replaced.value() == null ? BigDecimal.ZERO : replaced.value(),
                replaced.lotId(), replaced.seq());
    }

}
