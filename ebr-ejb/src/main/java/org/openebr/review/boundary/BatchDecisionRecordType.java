package org.openebr.review.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.openebr.audit.boundary.AuditFilter;
import org.openebr.audit.boundary.AuditTrail;
import org.openebr.batch.boundary.BatchDetail;
import org.openebr.batch.boundary.BatchRecord;
import org.openebr.batch.boundary.BatchRefused;
import org.openebr.batch.boundary.Batches;
import org.openebr.platform.boundary.DomainException.Violation;
import org.openebr.review.control.ReviewStore;
import org.openebr.signature.boundary.Meaning;
import org.openebr.signature.boundary.SignableRecordType;
import org.openebr.signature.boundary.SignaturePolicy;
import org.openebr.signature.boundary.Signatures;

/**
 * QA's signatures on a batch as a whole (21 CFR 211.192, 211.188(b)(11); Part 11 11.50, 11.70; EU GMP
 * Annex 11 §15): REVIEWED by a QA reviewer when every exception is dispositioned, every deviation
 * closed, every sample result in and the batch's audit trail reviewed; then RELEASED or REJECTED by a
 * QA releaser who is not the reviewer. Nobody who worked on the batch signs either. Record id: the batch
 * number.
 *
 * <p>What is signed: the batch's identity, a SHA-256 of its whole record (entries, steps, deviations,
 * gate refusals and overrides, the signatures of its steps), each exception with its latest
 * disposition, the deviations' closures, and how far the batch's own audit trail reached (entries and
 * latest revision, leaving out the batch row and its status events, which the decision itself writes).
 * Any change of the record after the review makes the REVIEWED signature fail to verify, and the release
 * is then refused.
 */
@ApplicationScoped
public class BatchDecisionRecordType implements SignableRecordType {

    /** Record types the decision itself writes (the batch's status, its event) or that come after it (addenda). */
    static final Set<String> WRITTEN_BY_DECISION = Set.of("Batch", "BatchEvent", "BatchAddendum");

    private static final Jsonb JSONB = JsonbBuilder.create();

    @Inject
    Batches batches;

    @Inject
    ReviewStore store;

    @Inject
    AuditTrail trail;

    @Inject
    Signatures signatures;

    @Inject
    Clock clock;

    @Override
    public String recordType() {
        return Batches.DECISION_RECORD_TYPE;
    }

    @Override
    public Optional<Object> content(String recordId) {
        return find(recordId).map(this::content);
    }

    @Override
    public SignaturePolicy policy() {
        return SignaturePolicy.builder()
                .allow(Meaning.REVIEWED, Set.of("QA_REVIEWER"))
                .allowSecondPerson(Meaning.RELEASED, Set.of("QA_RELEASER"), Meaning.REVIEWED)
                .allowSecondPerson(Meaning.REJECTED, Set.of("QA_RELEASER"), Meaning.REVIEWED)
                .build();
    }

    @Override
    public Set<String> signatureReaders() {
        return Set.of("OPERATOR", "SUPERVISOR");
    }

    @Override
    public Optional<String> refusal(String recordId, String userName) {
        return find(recordId).filter(record -> Reviews.tookPart(record, userName)).map(record -> userName
                + " recorded, performed or verified work in batch " + record.batch().batchId() + "; its review and its"
                + " release are other people's (21 CFR 211.192, 211.22). Nothing was signed.");
    }

    @Override
    public List<Violation> openItems(String recordId, Meaning meaning) {
        Optional<BatchRecord> found = find(recordId);
        if (found.isEmpty()) {
            return List.of();
        }
        BatchRecord record = found.get();
        BatchDetail batch = record.batch();
        String status = batch.status();
        List<Violation> open = new ArrayList<>();
        switch (meaning) {
            case REVIEWED -> {
                if (!"COMPLETED".equals(status)) {
                    open.add(statusItem(batch, "its review is signed once it is COMPLETED"));
                } else {
                    open.addAll(reviewItems(record, false));
                }
            }
            case RELEASED -> {
                if (!"REVIEWED".equals(status)) {
                    open.add(statusItem(batch, "it is released once its review is signed"));
                }
                if ("COMPLETED".equals(status)) {
                    open.add(new Violation("review", "the review (dispositions, deviations, audit trail) is not signed"
                            + " REVIEWED"));
                }
                if (!batch.status().equals("RELEASED") && !batch.status().equals("REJECTED")) {
                    open.addAll(reviewItems(record, true));
                }
                if ("REVIEWED".equals(status) && signatures.ofRecord(recordType(), batch.batchId()).stream()
                        .noneMatch(s -> s.meaning().equals("REVIEWED") && s.valid())) {
                    open.add(new Violation("review", "the REVIEWED signature no longer matches the record: the record"
                            + " changed after it was reviewed"));
                }
            }
            case REJECTED -> {
                if (!"REVIEWED".equals(status)) {
                    open.add(statusItem(batch, "it is rejected once its review is signed"));
                }
            }
            default -> {
            }
        }
        return open;
    }

    @Override
    public void signed(String recordId, Meaning meaning, String userName) {
        batches.decided(recordId, meaning.name(), meaning == Meaning.REVIEWED ? "QA_REVIEWER" : "QA_RELEASER",
                "signed " + meaning + " by " + userName);
    }

    private List<Violation> reviewItems(BatchRecord record, boolean release) {
        BatchReview review = Reviews.review(record, store.latest(record.batch().batchId()), clock.instant());
        List<Violation> open = new ArrayList<>();
        for (BatchReview.Finding x : review.exceptions()) {
            switch (x.kind()) {
                case "SAMPLE_RESULT_MISSING" -> open.add(new Violation(x.exceptionId(), "the sample result of step "
                        + x.stepId() + " is missing"));
                case "STEP_NOT_DONE" -> open.add(new Violation(x.exceptionId(), "step " + x.stepId() + " is not done"));
                case "DEVIATION_OPEN" -> open.add(new Violation(x.exceptionId(), "deviation open: QA closes it with root"
                        + " cause, impact and CAPA reference"));
                case "DEVIATION_CLOSED" -> {
                    // its closure (root cause, impact, CAPA) is QA's decision on it
                }
                default -> {
                    if (x.decided() == null) {
                        open.add(new Violation(x.exceptionId(), "exception not dispositioned: " + x.summary()));
                    } else if (release && x.decided().decision().equals("NEEDS_INVESTIGATION")) {
                        open.add(new Violation(x.exceptionId(), "exception needs investigation (" + x.decided().by()
                                + ": " + x.decided().comment() + ")"));
                    }
                }
            }
        }
        return open;
    }

    private static Violation statusItem(BatchDetail batch, String rule) {
        String decided = "RELEASED".equals(batch.status()) || "REJECTED".equals(batch.status())
                ? " by " + batch.statusChangedBy() + " at " + batch.statusChangedAt() + ", final" : "";
        return new Violation("status", "batch " + batch.batchId() + " is " + batch.status() + decided + "; " + rule);
    }

    private Optional<BatchRecord> find(String batchId) {
        try {
            return Optional.of(batches.recordToDecide(batchId));
        } catch (BatchRefused refused) {
            if (refused.refusal() == BatchRefused.Reason.NOT_FOUND) {
                return Optional.empty();
            }
            throw refused;
        }
    }

    private Object content(BatchRecord record) {
        BatchDetail batch = record.batch();
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("batchId", batch.batchId());
        content.put("product", batch.product());
        content.put("recipeId", batch.recipeId());
        content.put("recipeVersion", batch.recipeVersion());
        content.put("recipeContentHash", batch.contentHash());
        content.put("plannedQuantity", batch.plannedQuantity().toPlainString() + " " + batch.unit());
        batch.events().stream().filter(e -> "COMPLETED".equals(e.to())).findFirst()
                .ifPresent(e -> content.put("completedAt", e.at()));
        content.put("entries", record.entries().size());
        content.put("recordSha256", recordSha256(record));
        List<Object> exceptions = new ArrayList<>();
        for (BatchReview.Finding x : Reviews.review(record, store.latest(batch.batchId()), Instant.EPOCH).exceptions()) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("exceptionId", x.exceptionId());
            item.put("kind", x.kind());
            item.put("disposition", x.disposition());
            if (x.decided() != null) {
                item.put("justification", x.decided().comment());
                item.put("by", x.decided().by());
                item.put("seq", x.decided().seq());
            }
            exceptions.add(item);
        }
        content.put("exceptions", exceptions);
        AuditTrail.TrailHead head = trail.head(AuditFilter.everything().ofBatch(batch.batchId()), WRITTEN_BY_DECISION);
        content.put("auditTrail", Map.of("entries", head.entries(), "lastRevision", head.lastRevision()));
        return content;
    }

    /**
     * The record's facts as JSON (the batch's own status and events left out: the decision writes them), each
     * list in an order of its own keys: entries made in one transaction share their time, and the database may
     * return equal rows in any order.
     */
    private static String recordSha256(BatchRecord record) {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("entries", record.entries().stream().sorted(java.util.Comparator
                .comparing(org.openebr.batch.boundary.EntryFacts::stepId)
                .thenComparingInt(org.openebr.batch.boundary.EntryFacts::seq)).toList());
        facts.put("steps", record.batch().steps());
        facts.put("deviations", record.batch().deviations().stream().sorted(java.util.Comparator
                .comparing(org.openebr.batch.boundary.DeviationFacts::deviationId)).toList());
        facts.put("refusals", record.refusals().stream().map(r -> List.of(r.stepId(), r.kind(), r.message(),
                r.refusedTo(), r.refusedAt().toString())).sorted(java.util.Comparator.comparing(Object::toString)).toList());
        facts.put("overrides", record.overrides());
        facts.put("signatures", record.signatures().stream().map(s -> List.of(s.id().toString(), s.recordType(),
                s.recordId(), s.meaning(), s.userName(), s.signedAt().toString()))
                .sorted(java.util.Comparator.comparing((List<String> l) -> l.get(0))).toList());
        return java.util.HexFormat.of().formatHex(org.openebr.trust.control.Digests.sha256(
                JSONB.toJson(facts).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }
}
