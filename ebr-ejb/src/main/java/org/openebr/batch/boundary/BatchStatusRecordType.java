package org.openebr.batch.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.openebr.batch.control.BatchStore;
import org.openebr.batch.entity.Batch;
import org.openebr.batch.entity.BatchEvent;
import org.openebr.signature.boundary.Meaning;
import org.openebr.signature.boundary.SignableRecordType;
import org.openebr.signature.boundary.SignaturePolicy;

/**
 * A signed change of a batch's status (hold, resume, abort): the supervisor signs the event with
 * its reason in the same transaction that makes it, so the change and its signature exist together
 * or not at all. Record id {@code <batchId>:<event number>}.
 */
@ApplicationScoped
public class BatchStatusRecordType implements SignableRecordType {

    @Inject
    BatchStore store;

    @Override
    public String recordType() {
        return Batches.STATUS_RECORD_TYPE;
    }

    private Optional<Map.Entry<Batch, BatchEvent>> find(String recordId) {
        return NumberedRecordId.parse(recordId).flatMap(id -> store.batch(id.batchId())
                .flatMap(b -> store.event(b.id(), id.number()).map(e -> Map.entry(b, e))));
    }

    @Override
    public Optional<Object> content(String recordId) {
        return find(recordId).map(found -> {
            BatchEvent e = found.getValue();
            Map<String, Object> content = new LinkedHashMap<>();
            content.put("batchId", found.getKey().batchId());
            content.put("event", e.seq());
            if (e.fromStatus() != null) {
                content.put("from", e.fromStatus().name());
            }
            content.put("to", e.toStatus().name());
            content.put("reason", e.reason());
            content.put("recordedBy", e.recordedBy());
            content.put("recordedAt", e.recordedAt());
            return content;
        });
    }

    @Override
    public SignaturePolicy policy() {
        return SignaturePolicy.builder().allow(Meaning.PERFORMED, Set.of("SUPERVISOR")).build();
    }

    @Override
    public Set<String> signatureReaders() {
        return Set.of("OPERATOR", "SUPERVISOR");
    }

    @Override
    public Optional<String> refusal(String recordId, String userName) {
        Optional<Map.Entry<Batch, BatchEvent>> found = find(recordId);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        BatchEvent e = found.get().getValue();
        if (!e.signed()) {
            return Optional.of("Status change " + e.seq() + " of batch " + found.get().getKey().batchId()
                    + " is not one that is signed.");
        }
        if (!e.recordedBy().equalsIgnoreCase(userName)) {
            return Optional.of("Only " + e.recordedBy() + ", who made the change, signs it.");
        }
        return Optional.empty();
    }
}
