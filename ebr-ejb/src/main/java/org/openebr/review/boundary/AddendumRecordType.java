package org.openebr.review.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.openebr.batch.boundary.NumberedRecordId;
import org.openebr.review.control.ReviewStore;
import org.openebr.review.entity.BatchAddendum;
import org.openebr.signature.boundary.Meaning;
import org.openebr.signature.boundary.SignableRecordType;
import org.openebr.signature.boundary.SignaturePolicy;

/**
 * The signature of an addendum to a decided batch: PERFORMED by the QA person who added it, inside the
 * call that adds it. Record id {@code <batchId>:<seq>}.
 */
@ApplicationScoped
public class AddendumRecordType implements SignableRecordType {

    @Inject
    ReviewStore store;

    @Override
    public String recordType() {
        return Addenda.RECORD_TYPE;
    }

    private Optional<BatchAddendum> find(String recordId) {
        return NumberedRecordId.parse(recordId).flatMap(id -> store.addendum(id.batchId(), id.number()));
    }

    @Override
    public Optional<Object> content(String recordId) {
        return find(recordId).map(a -> {
            Map<String, Object> content = new LinkedHashMap<>();
            content.put("batchId", a.batchId());
            content.put("addendum", a.seq());
            content.put("subject", a.subject());
            content.put("text", a.text());
            content.put("recordedBy", a.recordedBy());
            content.put("recordedAt", a.recordedAt());
            return content;
        });
    }

    @Override
    public SignaturePolicy policy() {
        return SignaturePolicy.builder().allow(Meaning.PERFORMED, Set.of("QA_REVIEWER", "QA_RELEASER")).build();
    }

    @Override
    public Set<String> signatureReaders() {
        return Set.of("OPERATOR", "SUPERVISOR");
    }

    @Override
    public Optional<String> refusal(String recordId, String userName) {
        return find(recordId).filter(a -> !a.recordedBy().equalsIgnoreCase(userName))
                .map(a -> "Only " + a.recordedBy() + ", who added addendum " + a.seq() + ", signs it.");
    }
}
