package org.openebr.review.control;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.openebr.batch.boundary.BatchDetail;
import org.openebr.batch.boundary.BatchRecord;
import org.openebr.batch.boundary.Batches;
import org.openebr.batch.boundary.DeviationFacts;
import org.openebr.batch.boundary.EntryFacts;
import org.openebr.batch.boundary.Limits;
import org.openebr.batch.boundary.Overrides;
import org.openebr.review.boundary.BatchReview;
import org.openebr.review.boundary.BatchReview.CheckedStep;
import org.openebr.review.boundary.BatchReview.Finding;
import org.openebr.signature.boundary.Signatures;

/**
 * Finds the exceptions of a batch in its electronic record (review by exception, PIC/S PI 041 9.8):
 * deviations (open and closed), values at an alert limit or out of limits (calculations such as the
 * yield and the reconciliation included), corrections, late entries, machine values typed by hand,
 * gate refusals and overrides, holds and aborts, signatures that do not verify, sample results missing
 * or out of limits, steps not done, and entries recorded after the batch was completed (other than
 * laboratory results, which come later by design). Every other step is listed with what was checked for it.
 */
public final class ExceptionFinder {

    public static final String UNDISPOSITIONED = "UNDISPOSITIONED";

    private ExceptionFinder() {
    }

    public static BatchReview review(BatchRecord record, Instant now) {
        BatchDetail batch = record.batch();
        Map<String, BatchDetail.StepDetail> steps = batch.steps().stream()
                .collect(Collectors.toMap(BatchDetail.StepDetail::stepId, Function.identity()));
        List<Finding> found = new ArrayList<>();
        Instant completed = batch.events().stream().filter(ev -> "COMPLETED".equals(ev.to())).map(BatchDetail.StatusEvent::at)
                .findFirst().orElse(null);

        for (EntryFacts e : record.entries()) {
            BatchDetail.StepDetail step = steps.get(e.stepId());
            String name = step == null ? e.stepId() : step.name();
            String value = e.shown();
            String where = "entry " + e.seq() + " of step " + e.stepId();
            String action = step == null ? "" : Limits.range(step.lower(), step.upper(), step.unit());
            String alert = step == null ? "" : Limits.range(step.alertLower(), step.alertUpper(), step.unit());
            if ("OUT_OF_SPEC".equals(e.judgement())) {
                boolean calculated = step != null && "CALCULATION".equals(step.type());
                boolean sample = "SAMPLE_RESULT".equals(e.kind());
                found.add(exception(id(sample ? "SAMPLE" : "VALUE", e), sample ? "SAMPLE_RESULT_OUT_OF_LIMITS"
                        : calculated ? "CALCULATION_OUT_OF_LIMITS" : "OUT_OF_LIMITS", e.stepId(), name,
                        (sample ? "Sample result " : calculated ? "Computed value " : "Value ") + value
                                + " outside the action limits " + action, where + valueEvidence(e, step), e));
            } else if ("ALERT".equals(e.judgement())) {
                found.add(exception(id("ALERT", e), "ALERT", e.stepId(), name, "Value " + value + " beyond the alert"
                        + " limits " + alert, where + valueEvidence(e, step), e));
            }
            if ("CORRECTION".equals(e.kind())) {
                found.add(exception(id("CORRECTION", e), "CORRECTION", e.stepId(), name, "Corrected to " + value
                        + ", reason: " + e.reason(), where + " corrects the entry before it; both stay in the record", e));
            }
            if (e.late()) {
                found.add(exception(id("LATE", e), "LATE_ENTRY", e.stepId(), name, "Entered late: done at "
                        + e.performedAt() + ", recorded at " + e.recordedAt() + "; reason: " + e.reason(), where, e));
            }
            // laboratory results arrive after the batch by design; anything else recorded later changed a completed record
            if (completed != null && e.recordedAt().isAfter(completed) && !"SAMPLE_RESULT".equals(e.kind())) {
                found.add(exception(id("AFTER", e), "CHANGED_AFTER_COMPLETION", e.stepId(), name, e.kind() + " " + value
                        + " recorded after the batch was completed (" + completed + ")", where, e));
            }
            if (e.manual()) {
                found.add(exception(id("MANUAL", e), "MANUAL_MACHINE_VALUE", e.stepId(), name, "Machine value " + value
                        + " typed by hand; reason: " + e.reason(), where + (e.details() == null ? "" : ", " + e.details()), e));
            }
            // a value read from the equipment that OPC UA did not call Good, or that failed the plausibility check
            if (e.notGood() || e.plausibility() != null) {
                found.add(exception(id("MACHINE", e), "MACHINE_VALUE_QUALITY", e.stepId(), name, "Machine value " + value
                        + (e.notGood() ? " read with status quality " + e.quality() + " (code " + String.format("0x%08X",
                        e.statusCode()) + ")" : "") + (e.plausibility() == null ? "" : ", not plausible: "
                        + e.plausibility()) + "; recorded as it is with the reason: " + e.reason(), where + ", node "
                        + e.nodeId() + ", source time " + e.sourceTime() + ", server time " + e.serverTime(), e));
            }
        }
        for (DeviationFacts d : batch.deviations()) {
            boolean open = "OPEN".equals(d.status());
            BatchDetail.StepDetail step = d.stepId() == null ? null : steps.get(d.stepId());
            found.add(new Finding(d.deviationId(), open ? "DEVIATION_OPEN" : "DEVIATION_CLOSED", d.stepId(),
                    step == null ? null : step.name(), "Deviation " + d.deviationId() + (open ? " (open)" : " (closed)")
                    + ": " + d.description(), "origin " + d.origin() + ", classification "
                    + (d.classification() == null ? "none yet" : d.classification() + " by " + d.classifiedBy() + ": "
                    + d.classificationReason()) + (d.closure() == null ? "" : "; closed by " + d.closure().closedBy()
                    + " at " + d.closure().closedAt() + ": root cause " + d.closure().rootCause() + "; impact "
                    + d.closure().impact() + "; CAPA " + d.closure().capaReference()), d.raisedBy(), d.raisedAt(),
                    UNDISPOSITIONED, null));
        }
        int refusal = 0;
        for (BatchRecord.Refusal r : record.refusals()) {
            refusal++;
            BatchDetail.StepDetail step = steps.get(r.stepId());
            found.add(new Finding("REFUSAL-" + refusal, "GATE_REFUSAL", r.stepId(), step == null ? null : step.name(),
                    "A gate refused " + r.refusedTo() + " (" + r.kind() + ")", r.message(), r.refusedTo(), r.refusedAt(),
                    UNDISPOSITIONED, null));
        }
        for (Overrides.OverrideFacts o : record.overrides()) {
            BatchDetail.StepDetail step = steps.get(o.stepId());
            found.add(new Finding("OVERRIDE-" + o.override(), "GATE_OVERRIDE", o.stepId(), step == null ? null
                    : step.name(), "Training gate overridden for " + o.operator() + " by " + o.grantedBy(), "lacking "
                    + String.join(", ", o.qualifications()) + "; reason: " + o.reason() + "; deviation " + o.deviationId()
                    + (o.usedByEntry() == null ? "; not used" : "; used by entry " + o.usedByEntry()), o.grantedBy(),
                    o.grantedAt(), UNDISPOSITIONED, null));
        }
        for (BatchDetail.StatusEvent event : batch.events()) {
            if ("ON_HOLD".equals(event.to()) || "ABORTED".equals(event.to())) {
                found.add(new Finding("EVENT-" + event.seq(), "ON_HOLD".equals(event.to()) ? "HOLD" : "ABORT", null,
                        null, ("ON_HOLD".equals(event.to()) ? "Held" : "Aborted") + ": " + event.reason(), "status change "
                        + event.seq() + " from " + event.from() + (event.signed() ? ", signed" : ""), event.by(), event.at(),
                        UNDISPOSITIONED, null));
            }
        }
        for (Signatures.Manifestation s : record.signatures()) {
            if (!s.valid()) {
                found.add(new Finding("SIGNATURE-" + s.id(), "SIGNATURE_INVALID", stepOf(s, batch.batchId()),
                        null, s.meaning() + " signature of " + s.printedName() + " on " + s.recordType() + " "
                        + s.recordId() + " does not verify", String.join(" ", s.problems()), s.userName(), s.signedAt(),
                        UNDISPOSITIONED, null));
            }
        }
        for (BatchDetail.StepDetail step : batch.steps()) {
            if ("SAMPLING".equals(step.type()) && step.unit() != null && !"WAITING".equals(step.state())
                    && !"AVAILABLE".equals(step.state()) && record.entries().stream().noneMatch(e ->
                    e.stepId().equals(step.stepId()) && "SAMPLE_RESULT".equals(e.kind()))) {
                found.add(new Finding("SAMPLE-" + step.stepId() + "-MISSING", "SAMPLE_RESULT_MISSING",
                        step.stepId(), step.name(), "The result of the sample drawn at this step is not in the record",
                        "QC/QA enter it (sample-result) before the batch is released", null, null, UNDISPOSITIONED, null));
            }
            if (!"DONE".equals(step.state())) {
                found.add(new Finding("STEP-" + step.stepId() + "-NOT-DONE", "STEP_NOT_DONE", step.stepId(),
                        step.name(), "Step not done (" + step.state() + ")", "every step of a completed batch is signed as"
                        + " the recipe requires", null, null, UNDISPOSITIONED, null));
            }
        }
        found.sort(Comparator.comparing((Finding x) -> x.when() == null ? Instant.MAX : x.when())
                .thenComparing(Finding::exceptionId));

        Set<String> excepted = new LinkedHashSet<>();
        found.forEach(x -> {
            if (x.stepId() != null) {
                excepted.add(x.stepId());
            }
        });
        List<CheckedStep> checked = new ArrayList<>();
        for (BatchDetail.StepDetail step : batch.steps()) {
            if (!excepted.contains(step.stepId())) {
                checked.add(new CheckedStep(step.stepId(), step.name(), statement(step, record, batch.batchId())));
            }
        }
        return new BatchReview(batch.batchId(), batch.product(), batch.status(), "COMPLETED".equals(batch.status()),
                now, batch.steps().size(), found, checked);
    }

    /** What the system checked for a step without an exception, in words. */
    private static String statement(BatchDetail.StepDetail step, BatchRecord record, String batchId) {
        long signatures = record.signatures().stream().filter(s -> s.recordType().equals(Batches.STEP_RECORD_TYPE)
                && s.recordId().equals(batchId + ":" + step.stepId())).count();
        String entry = switch (step.type()) {
            case "NUMERIC_ENTRY" -> "value within its limits";
            case "MACHINE_VALUE" -> "value read from the equipment, Good and plausible, within its limits";
            case "CALCULATION" -> "computed by the server, within its limits";
            case "MATERIAL_CHARGE" -> "the container dispensed for it, admitted by the material gate";
            case "EQUIPMENT_CHECK" -> "a unit admitted by the equipment gate";
            case "SAMPLING" -> "sample drawn, its result within its limits";
            default -> "recorded as the recipe asks";
        };
        return "Recorded once on time by a trained operator, " + entry + ", in sequence; " + signatures + " signature"
                + (signatures == 1 ? "" : "s") + " (" + (step.verifierRequired() ? "performer and verifier" : "performer")
                + "), each verifying; no deviation, correction, refusal or override.";
    }

    private static Finding exception(String id, String kind, String stepId, String stepName, String summary,
                                             String evidence, EntryFacts e) {
        return new Finding(id, kind, stepId, stepName, summary, evidence + ", by " + e.recordedBy() + " at "
                + e.recordedAt(), e.recordedBy(), e.recordedAt(), UNDISPOSITIONED, null);
    }

    private static String id(String prefix, EntryFacts e) {
        return prefix + "-" + e.stepId() + "-" + e.seq();
    }

    private static String valueEvidence(EntryFacts e, BatchDetail.StepDetail step) {
        return (e.deviationId() == null ? "" : ", deviation " + e.deviationId())
                + (step == null || step.target() == null ? "" : ", target " + step.target().toPlainString());
    }

    private static String stepOf(Signatures.Manifestation s, String batchId) {
        return s.recordType().equals(Batches.STEP_RECORD_TYPE) && s.recordId().startsWith(batchId + ":")
                ? s.recordId().substring(batchId.length() + 1) : null;
    }
}
