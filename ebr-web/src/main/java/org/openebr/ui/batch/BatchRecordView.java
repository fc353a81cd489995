package org.openebr.ui.batch;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.openebr.batch.boundary.BatchDetail;
import org.openebr.batch.boundary.BatchRecord;
import org.openebr.batch.boundary.Batches;
import org.openebr.batch.boundary.DeviationFacts;
import org.openebr.batch.boundary.EntryFacts;
import org.openebr.batch.boundary.Limits;
import org.openebr.batch.boundary.Overrides;
import org.openebr.signature.boundary.Signatures;
import org.openebr.ui.Commands;
import org.openebr.ui.Messages;

/**
 * The electronic batch record of one batch, read-only, for QA, inspectors, supervisors and
 * operators: the header, every step in recipe order with every entry as recorded and as typed,
 * corrections beside the entries they correct (the originals stay), the step's signatures, its
 * deviations and gate refusals, and the status history with its signatures.
 */
@Named("batchRecord")
@ViewScoped
public class BatchRecordView implements Serializable {

    private static final long serialVersionUID = 1L;

    /**
     * One step of the record.
     *
     * @param number the step's place in the recipe, from 1
     */
    public record StepRecord(int number, BatchDetail.StepDetail step, List<EntryRow> entries,
                             List<Signatures.Manifestation> signatures, List<DeviationFacts> deviations,
                             List<BatchRecord.Refusal> refusals) implements Serializable {
    }

    /**
     * One entry as the record shows it.
     *
     * @param corrects    the entry this correction replaces (its number), else null
     * @param correctedBy the correction that replaced this entry, else null: the entry stays in the record
     */
    public record EntryRow(EntryFacts entry, String recorded, Integer corrects, Integer correctedBy) implements Serializable {
    }

    /** A status change with the signatures made with it. */
    public record StatusRow(BatchDetail.StatusEvent event, List<Signatures.Manifestation> signatures) implements Serializable {
    }

    @Inject
    Batches batches;

    @Inject
    Commands commands;

    @Inject
    org.openebr.mde.boundary.Alarms alarms;

    @Inject
    org.openebr.batch.boundary.OperationEvents operationEvents;

    private String batchId;
    private BatchRecord record;
    private List<StepRecord> steps = List.of();
    private List<StatusRow> history = List.of();
    private List<org.openebr.mde.boundary.Alarms.AlarmFacts> equipmentAlarms = List.of();
    private List<org.openebr.batch.boundary.OperationEvents.OperationFacts> operations = List.of();

    /** The supervisor's signature of a gate override. */
    public List<Signatures.Manifestation> overrideSignatures(Overrides.OverrideFacts override) {
        String recordId = override.batchId() + ":" + override.override();
        return record == null ? List.of() : record.signatures().stream()
                .filter(s -> s.recordType().equals(Overrides.RECORD_TYPE) && s.recordId().equals(recordId)).toList();
    }

    public String joined(List<String> values) {
        return String.join(", ", values);
    }

    /** Called as the view's action after the parameters are set. */
    public void load() {
        if (batchId == null || batchId.isBlank()) {
            Messages.error("Open a batch from the batch list.", null);
            return;
        }
        record = commands.attempt("read the record of batch " + batchId + " (batch record screen)")
                .notAllowed("Your roles do not allow reading batch records.")
                .call(() -> batches.record(batchId.strip()));
        if (record != null) {
            steps = steps(record);
            history = history(record);
            // the equipment's alarm log kept with the batch, oldest first like the rest of the record
            List<org.openebr.mde.boundary.Alarms.AlarmFacts> kept = commands.attempt("read the equipment alarms of batch "
                    + batchId + " (batch record screen)").call(() -> alarms.alarms(record.batch().batchId(), 500));
            List<org.openebr.batch.boundary.OperationEvents.OperationFacts> ops = commands.attempt("read the operations"
                    + " of batch " + batchId + " (batch record screen)").call(() -> operationEvents.operations(
                    record.batch().batchId()));
            operations = ops == null ? List.of() : ops;
            equipmentAlarms = kept == null ? List.of() : kept.stream()
                    .sorted(java.util.Comparator.comparingLong(org.openebr.mde.boundary.Alarms.AlarmFacts::id)).toList();
        }
    }

    static List<StepRecord> steps(BatchRecord record) {
        String batch = record.batch().batchId();
        List<StepRecord> result = new ArrayList<>();
        int number = 0;
        for (BatchDetail.StepDetail step : record.batch().steps()) {
            number++;
            List<EntryFacts> entries = record.entries().stream().filter(e -> e.stepId().equals(step.stepId()))
                    .sorted(java.util.Comparator.comparingInt(EntryFacts::seq)).toList();
            String recordId = batch + ":" + step.stepId();
            result.add(new StepRecord(number, step, rows(entries),
                    record.signatures().stream().filter(s -> s.recordType().equals(Batches.STEP_RECORD_TYPE)
                            && s.recordId().equals(recordId)).toList(),
                    record.batch().deviations().stream().filter(d -> step.stepId().equals(d.stepId())).toList(),
                    record.refusals().stream().filter(r -> step.stepId().equals(r.stepId())).toList()));
        }
        return result;
    }

    /**
     * The entries of one step in the order they were made; a correction names the entry it replaces
     * (the one before it that is not a sample result) and that entry names its correction.
     */
    static List<EntryRow> rows(List<EntryFacts> entries) {
        Map<Integer, Integer> correctedBy = new java.util.HashMap<>();
        Map<Integer, Integer> corrects = new java.util.HashMap<>();
        Integer current = null;
        for (EntryFacts e : entries) {
            if ("SAMPLE_RESULT".equals(e.kind())) {
                continue;
            }
            if ("CORRECTION".equals(e.kind()) && current != null) {
                corrects.put(e.seq(), current);
                correctedBy.put(current, e.seq());
            }
            current = e.seq();
        }
        return entries.stream().map(e -> new EntryRow(e, recorded(e), corrects.get(e.seq()), correctedBy.get(e.seq())))
                .toList();
    }

    /** What an entry recorded, in words: the value, the text or choice, the container, unit or sample. */
    static String recorded(EntryFacts e) {
        List<String> parts = new ArrayList<>();
        if (e.value() != null) {
            parts.add(e.shown()); // the same words as the reports: the recorded value, its unit, what was typed
        }
        if (e.text() != null && !e.text().isBlank()) {
            parts.add(e.text());
        }
        if (e.containerId() != null) {
            parts.add("container " + e.containerId() + (e.lotId() == null ? "" : " (lot " + e.lotId() + ")"));
        }
        if (e.equipmentId() != null) {
            parts.add("equipment " + e.equipmentId());
        }
        if (e.sampleId() != null) {
            parts.add("sample " + e.sampleId());
        }
        if (e.acknowledged() && parts.isEmpty()) {
            parts.add("acknowledged");
        }
        return String.join(", ", parts);
    }

    static List<StatusRow> history(BatchRecord record) {
        String prefix = record.batch().batchId() + ":";
        Map<String, List<Signatures.Manifestation>> signed = record.signatures().stream()
                .filter(s -> s.recordType().equals(Batches.STATUS_RECORD_TYPE))
                .collect(Collectors.groupingBy(Signatures.Manifestation::recordId));
        // QA's decision moves the status by a signature on the batch itself (REVIEWED, RELEASED, REJECTED)
        Map<String, List<Signatures.Manifestation>> decided = record.signatures().stream()
                .filter(s -> s.recordType().equals(Batches.DECISION_RECORD_TYPE))
                .collect(Collectors.groupingBy(Signatures.Manifestation::meaning));
        return record.batch().events().stream().map(e -> new StatusRow(e, decided.containsKey(e.to())
                ? decided.get(e.to()) : signed.getOrDefault(prefix + e.seq(), List.of()))).toList();
    }

    // --- what the page shows -------------------------------------------------------------------------

    public String label(String code) {
        return BatchLabels.label(code);
    }

    public String quantity(java.math.BigDecimal value) {
        return BatchLabels.quantity(value);
    }

    public String progress() {
        long done = record.batch().steps().stream().filter(s -> "DONE".equals(s.state())).count();
        return BatchLabels.progress((int) done, record.batch().steps().size());
    }

    /** Who dispatched the batch and when; null before it was dispatched. */
    public BatchDetail.StatusEvent dispatched() {
        return record.batch().events().stream().filter(e -> "READY".equals(e.to()) && "PLANNED".equals(e.from()))
                .findFirst().orElse(null);
    }

    /** Where the step belongs, whether it needs a verifier, and its targets and limits, in one line. */
    public String context(BatchDetail.StepDetail s) {
        List<String> parts = new ArrayList<>();
        parts.add(s.unitProcedure() + " / " + s.operation());
        if (s.verifierRequired()) {
            parts.add("needs a verifier (second person)");
        }
        String limits = limits(s);
        if (!limits.isEmpty()) {
            parts.add(limits);
        }
        return String.join("; ", parts);
    }

    /** Targets and limits of a numeric step as scaled, in words; empty for other steps. */
    public String limits(BatchDetail.StepDetail s) {
        List<String> parts = new ArrayList<>();
        String unit = s.unit() == null ? "" : " " + s.unit();
        if (s.target() != null) {
            parts.add("target " + s.target().toPlainString() + unit);
        }
        String action = Limits.range(s.lower(), s.upper());
        if (!action.isEmpty()) {
            parts.add("action limits " + action + unit);
        }
        String alert = Limits.range(s.alertLower(), s.alertUpper());
        if (!alert.isEmpty()) {
            parts.add("alert limits " + alert + unit);
        }
        if (s.charge() != null) {
            parts.add("charge " + s.charge().material() + " " + BatchLabels.quantity(s.charge().quantity()) + " "
                    + s.charge().unit() + " (" + BatchLabels.quantity(s.charge().lower()) + " to "
                    + BatchLabels.quantity(s.charge().upper()) + ")");
        }
        if (s.equipmentClass() != null) {
            parts.add("equipment: " + s.equipmentClass());
        }
        if (s.formula() != null) {
            parts.add("calculated: " + s.formula());
        }
        return String.join("; ", parts);
    }

    /** "Valid" or what is wrong with the signature. */
    public String validity(Signatures.Manifestation s) {
        return s.valid() ? "Valid" : "Not valid: " + String.join("; ", s.problems());
    }

    public String getBatchId() { return batchId; }
    public void setBatchId(String value) { batchId = value; }
    public BatchRecord getRecord() { return record; }
    public BatchDetail getBatch() { return record == null ? null : record.batch(); }
    public List<StepRecord> getSteps() { return steps; }
    public List<StatusRow> getHistory() { return history; }

    /** The equipment alarms recorded with the batch (A11D-8-1), oldest first. */
    public List<org.openebr.mde.boundary.Alarms.AlarmFacts> getEquipmentAlarms() {
        return equipmentAlarms;
    }

    /** The operations with their actual times, downtime, scrap and rework (MES-BDE-1). */
    public List<org.openebr.batch.boundary.OperationEvents.OperationFacts> getOperations() {
        return operations;
    }
}
