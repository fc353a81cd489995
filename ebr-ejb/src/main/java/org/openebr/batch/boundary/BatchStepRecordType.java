package org.openebr.batch.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.openebr.batch.control.BatchStore;
import org.openebr.batch.control.ControlRecipe;
import org.openebr.batch.entity.Batch;
import org.openebr.batch.entity.BatchStep;
import org.openebr.batch.entity.EntryKind;
import org.openebr.batch.entity.StepEntry;
import org.openebr.batch.entity.StepState;
import org.openebr.identity.boundary.Training;
import org.openebr.platform.control.ChangeContext;
import org.openebr.signature.boundary.Meaning;
import org.openebr.signature.boundary.SignableRecordType;
import org.openebr.signature.boundary.SignaturePolicy;

/**
 * A step of a batch as a signed record (21 CFR 211.188(b)(11), 11.50, 11.70): the person who recorded
 * it signs PERFORMED; where the recipe requires a verifier, a second person signs VERIFIED (never the
 * performer: the signature policy and the database both refuse it). The signed content is the step's
 * entries up to its current revision, so a correction makes the earlier signatures stop counting and
 * the step is signed again. Record id {@code <batchId>:<stepId>}.
 */
@ApplicationScoped
public class BatchStepRecordType implements SignableRecordType {

    @Inject
    BatchStore store;

    @Inject
    Batches batches;

    @Inject
    Training training;

    @Inject
    ChangeContext change;

    @Inject
    SignedRevisions revisions;

    @Inject
    Clock clock;

    @Override
    public String recordType() {
        return Batches.STEP_RECORD_TYPE;
    }

    record Found(Batch batch, ControlRecipe.Placed step, BatchStep row) {
    }

    private Optional<Found> find(String recordId) {
        int colon = recordId == null ? -1 : recordId.lastIndexOf(':');
        if (colon <= 0) {
            return Optional.empty();
        }
        Optional<Batch> batch = store.batch(recordId.substring(0, colon));
        if (batch.isEmpty()) {
            return Optional.empty();
        }
        String stepId = recordId.substring(colon + 1);
        Optional<ControlRecipe.Placed> placed = store.controlRecipe(batch.get()).step(stepId);
        Optional<BatchStep> row = store.step(batch.get().id(), stepId);
        if (placed.isEmpty() || row.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Found(batch.get(), placed.get(), row.get()));
    }

    @Override
    public Optional<Object> content(String recordId) {
        Optional<Found> found = find(recordId);
        if (found.isPresent()) {
            revisions.read(recordId, found.get().row().revision());
        }
        return content(found, Integer.MAX_VALUE);
    }

    /**
     * The step as it was at the revision the signature names: its first {@code revision} entries
     * (every entry but a sample result is one revision of the step, and entries are never changed or
     * deleted), so a signature of an entry that was corrected later still verifies against it.
     */
    @Override
    @SuppressWarnings("unchecked")
    public Optional<Object> contentSigned(String recordId, Map<String, Object> signedRecord) {
        Object revision = signedRecord.get("revision");
        if (!(revision instanceof Number signed)) {
            return content(recordId);
        }
        return content(find(recordId), signed.intValue()).map(c -> {
            ((Map<String, Object>) c).put("revision", signed.intValue());
            return c;
        });
    }

    @SuppressWarnings("unchecked")
    private Optional<Object> content(Optional<Found> found, int revision) {
        // the batch's own read rules (EJBAccessException for a role that may not read batches)
        found.ifPresent(f -> batches.requireReader());
        return found.map(f -> {
            Map<String, Object> content = new LinkedHashMap<>();
            content.put("batchId", f.batch().batchId());
            content.put("recipeId", f.batch().recipeId());
            content.put("recipeVersion", f.batch().recipeVersion());
            content.put("contentHash", f.batch().contentHash());
            content.put("stepId", f.step().id());
            content.put("stepName", f.step().step().name());
            content.put("revision", f.row().revision());
            List<Object> entries = new ArrayList<>();
            for (StepEntry e : store.entries(f.batch().id(), f.step().id())) {
                if (e.kind() == EntryKind.SAMPLE_RESULT) {
                    continue; // QC's result comes after the signatures and does not void them
                }
                if (entries.size() >= revision) {
                    break;
                }
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("seq", e.seq());
                entry.put("kind", e.kind().name());
                put(entry, "raw", e.rawValue());
                put(entry, "value", BatchViews.recorded(e.numericValue(), f.step().step().numeric()) == null ? null
                        : BatchViews.recorded(e.numericValue(), f.step().step().numeric()).toPlainString());
                put(entry, "unit", e.unit());
                put(entry, "text", e.textValue());
                entry.put("acknowledged", e.acknowledged());
                put(entry, "containerId", e.containerId());
                put(entry, "lotId", e.lotId());
                put(entry, "equipmentId", e.equipmentId());
                put(entry, "sampleId", e.sampleId());
                put(entry, "judgement", e.judgement() == null ? null : e.judgement().name());
                put(entry, "deviationId", e.deviationId());
                entry.put("manual", e.manual());
                entry.put("late", e.late());
                put(entry, "reason", e.reason());
                entry.put("recordedBy", e.recordedBy());
                entry.put("recordedAt", e.recordedAt());
                entries.add(entry);
            }
            content.put("entries", entries);
            return content;
        });
    }

    private static void put(Map<String, Object> map, String key, Object value) {
        if (value != null) {
            map.put(key, value);
        }
    }

    @Override
    public SignaturePolicy policy() {
        return SignaturePolicy.builder()
                .allow(Meaning.PERFORMED, Set.of("OPERATOR", "SUPERVISOR"))
                .allowSecondPerson(Meaning.VERIFIED, Set.of("OPERATOR", "SUPERVISOR"), Meaning.PERFORMED)
                .build();
    }

    /** The people who execute batches see each other's step signatures on the terminal and the record. */
    @Override
    public Set<String> signatureReaders() {
        return Set.of("OPERATOR", "SUPERVISOR");
    }

    @Override
    public Optional<String> refusal(String recordId, String userName, Meaning meaning) {
        Optional<Found> found = find(recordId);
        if (found.isEmpty()) {
            return Optional.empty(); // the ceremony answers "no such record"
        }
        Found f = found.get();
        String step = "Step '" + f.step().step().name() + "' of batch " + f.batch().batchId();
        if (f.batch().status() != org.openebr.batch.entity.BatchStatus.IN_PROGRESS) {
            return Optional.of("Batch " + f.batch().batchId() + " is " + f.batch().status() + "; its steps are signed"
                    + " while it is in progress.");
        }
        if (meaning == Meaning.PERFORMED) {
            if (f.row().state() != StepState.RECORDED) {
                return Optional.of(step + " is " + (f.row().state() == StepState.OPEN ? "not recorded yet"
                        : "signed by its performer already") + "; the performer signs a recorded step.");
            }
            if (!f.row().recordedBy().equalsIgnoreCase(userName)) {
                return Optional.of(step + " was recorded by " + f.row().recordedBy() + "; only the person who did the"
                        + " work signs it as performed.");
            }
            for (String qualification : f.step().qualifications()) {
                if (!training.isQualified(userName, qualification, clock.instant())
                        && !overridden(f, userName, qualification)) {
                    return Optional.of("You hold no current training record " + qualification + ", which " + step
                            + " requires (21 CFR 11.10(i)).");
                }
            }
            return Optional.empty();
        }
        if (meaning == Meaning.VERIFIED) {
            if (!f.row().verifierRequired()) {
                return Optional.of(step + " needs no verifier's signature.");
            }
            if (f.row().state() != StepState.PERFORMED) {
                return Optional.of(step + " is " + f.row().state() + "; it is verified once its performer has signed it.");
            }
            if (userName.equalsIgnoreCase(f.row().performedBy()) || userName.equalsIgnoreCase(f.row().recordedBy())) {
                return Optional.of("You performed " + step.substring(0, 1).toLowerCase() + step.substring(1) + "; a second"
                        + " person verifies it (21 CFR 211.188(b)(11)).");
            }
        }
        return Optional.empty();
    }

    /** The performer's entry went through the training gate under a supervisor's signed override for it. */
    private boolean overridden(Found f, String userName, String qualification) {
        return store.overrides(f.batch().id()).stream().anyMatch(o -> o.stepId().equals(f.step().id())
                && o.usedAt() != null && o.operator().equalsIgnoreCase(userName)
                && List.of(o.qualifications().split(",")).contains(qualification));
    }

    @Override
    public void signed(String recordId, Meaning meaning, String userName) {
        Found f = find(recordId).orElseThrow();
        BatchStep row = store.lockedStep(f.batch().id(), f.step().id());
        if (revisions.revision(recordId).map(read -> read != row.revision()).orElse(false)) {
            // corrected after its content was read for this signature: the signature would be of the earlier entry
            throw new BatchRefused(BatchRefused.Reason.CONFLICT, "Step '" + f.step().step().name() + "' of batch "
                    + f.batch().batchId() + " was corrected while you signed it; nothing was signed. Look at the step"
                    + " again, then sign.");
        }
        if (meaning == Meaning.PERFORMED && row.state() != StepState.RECORDED
                || meaning == Meaning.VERIFIED && row.state() != StepState.PERFORMED) {
            throw new BatchRefused(BatchRefused.Reason.CONFLICT, "Step '" + f.step().step().name() + "' of batch "
                    + f.batch().batchId() + " was signed by someone else at the same moment; nothing was signed.");
        }
        String command = change.current().command();
        if (meaning == Meaning.PERFORMED) {
            change.record(command + ": performed", "performer's signature (PERFORMED)");
            row.performed(userName);
        } else if (meaning == Meaning.VERIFIED) {
            change.record(command + ": verified", "verifier's signature (VERIFIED)");
            row.verified(userName);
        }
        store.flush();
    }
}
