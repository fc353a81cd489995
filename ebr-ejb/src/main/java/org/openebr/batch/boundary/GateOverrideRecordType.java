package org.openebr.batch.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.openebr.batch.control.BatchStore;
import org.openebr.batch.entity.Batch;
import org.openebr.batch.entity.GateOverride;
import org.openebr.signature.boundary.Meaning;
import org.openebr.signature.boundary.SignableRecordType;
import org.openebr.signature.boundary.SignaturePolicy;

/**
 * A supervisor's override of a gate as a signed record: the supervisor who grants it signs APPROVED in
 * the same transaction (see {@link Overrides}). The signed content is what was granted, not its later
 * use, so using the override does not void the signature. Record id {@code <batchId>:<override number>}.
 */
@ApplicationScoped
public class GateOverrideRecordType implements SignableRecordType {

    @Inject
    BatchStore store;

    @Override
    public String recordType() {
        return Overrides.RECORD_TYPE;
    }

    private Optional<Map.Entry<Batch, GateOverride>> find(String recordId) {
        return NumberedRecordId.parse(recordId).flatMap(id -> store.batch(id.batchId())
                .flatMap(b -> store.override(b.id(), id.number()).map(o -> Map.entry(b, o))));
    }

    @Override
    public Optional<Object> content(String recordId) {
        return find(recordId).map(found -> {
            GateOverride o = found.getValue();
            Map<String, Object> content = new LinkedHashMap<>();
            content.put("batchId", found.getKey().batchId());
            content.put("override", o.seq());
            content.put("stepId", o.stepId());
            content.put("gate", o.gate().name());
            content.put("operator", o.operator());
            content.put("qualifications", o.qualifications());
            content.put("reason", o.reason());
            content.put("deviationId", o.deviationId());
            content.put("grantedBy", o.grantedBy());
            content.put("grantedAt", o.grantedAt());
            return content;
        });
    }

    @Override
    public SignaturePolicy policy() {
        return SignaturePolicy.builder().allow(Meaning.APPROVED, Set.of("SUPERVISOR")).build();
    }

    /** The operator the override is for and the other supervisors see who approved it. */
    @Override
    public Set<String> signatureReaders() {
        return Set.of("OPERATOR", "SUPERVISOR");
    }

    @Override
    public Optional<String> refusal(String recordId, String userName) {
        Optional<Map.Entry<Batch, GateOverride>> found = find(recordId);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        GateOverride o = found.get().getValue();
        if (!o.grantedBy().equalsIgnoreCase(userName)) {
            return Optional.of("Only " + o.grantedBy() + ", who granted override " + o.seq() + ", signs it.");
        }
        return Optional.empty();
    }
}
