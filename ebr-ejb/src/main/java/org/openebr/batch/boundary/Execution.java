package org.openebr.batch.boundary;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.OptimisticLockException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.openebr.batch.control.BatchStore;
import org.openebr.batch.control.ControlRecipe;
import org.openebr.batch.control.Readings;
import org.openebr.batch.control.Sequence;
import org.openebr.batch.entity.Batch;
import org.openebr.batch.entity.BatchEvent;
import org.openebr.batch.entity.BatchStatus;
import org.openebr.batch.entity.BatchStep;
import org.openebr.batch.entity.Deviation;
import org.openebr.batch.entity.EntryKind;
import org.openebr.batch.entity.GateOverride;
import org.openebr.batch.entity.Judgement;
import org.openebr.batch.entity.StepEntry;
import org.openebr.batch.entity.StepState;
import org.openebr.equipment.boundary.EquipmentAdmission;
import org.openebr.equipment.boundary.EquipmentGate;
import org.openebr.equipment.boundary.EquipmentUse;
import org.openebr.identity.boundary.Training;
import org.openebr.material.boundary.MaterialAdmission;
import org.openebr.material.boundary.MaterialFacts;
import org.openebr.material.boundary.MaterialGate;
import org.openebr.material.boundary.MaterialMaster;
import org.openebr.material.boundary.MaterialUse;
import org.openebr.platform.boundary.DomainException;
import org.openebr.platform.control.ChangeContext;
import org.openebr.recipe.boundary.Calculations;
import org.openebr.recipe.boundary.EquipmentCheck;
import org.openebr.recipe.boundary.NumericSpec;
import org.openebr.recipe.boundary.Step;

/**
 * Recording on the steps of a batch (21 CFR 211.188, 11.10(f); EU GMP Annex 11 §6; ALCOA+): each entry
 * is saved on the server the moment it is made, with the server's time, after every rule has passed:
 * the batch is READY or IN_PROGRESS, the step is available (every step it runs after is done) and has
 * no entry yet, the operator holds a current training record for each qualification the recipe
 * requires, and the material and equipment gates admit what was scanned. A value outside the action
 * limits raises a deviation; a correction is a new entry with a reason, the original stays, and the
 * step must be signed again. A refused gate is recorded (GateLog) although the entry is not.
 */
@Stateless
@RolesAllowed({"OPERATOR", "SUPERVISOR", "QA_REVIEWER", "QA_RELEASER", "INSPECTOR"})
public class Execution {

    /** An entry whose work was done longer ago than this is recorded as late, with the reason (C4 4.8). */
    public static final Duration LATE_AFTER = Duration.ofMinutes(10);
    /** A clock difference between a terminal and the server that is not yet "in the future". */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(1);
    static final int TEXT = 2000;
    static final int ID = 64;

    @Inject
    BatchStore store;

    @Inject
    GateLog gateLog;

    @Inject
    Training training;

    @Inject
    MaterialGate materials;

    @Inject
    MaterialMaster materialMaster;

    @Inject
    EquipmentGate equipment;

    @Inject
    org.openebr.mde.boundary.MachineReadings machine;

    @Inject
    ChangeContext change;

    @Inject
    jakarta.enterprise.event.Event<BatchHappened> happened;

    @Inject
    Clock clock;

    @Resource
    SessionContext session;

    /** The first entry on a step. */
    @RolesAllowed({"OPERATOR", "SUPERVISOR"})
    public EntryOutcome enter(String batchId, String stepId, EntryCommand command) {
        EntryCommand c = command == null ? new EntryCommand(null, null, null, null, null, null, null, null, null, null) : command;
        Batch batch = lockForEntry(batchId);
        ControlRecipe recipe = store.controlRecipe(batch);
        ControlRecipe.Placed placed = placed(recipe, batch, stepId);
        requireExecutable(batch);
        BatchStep row = locked(batch, placed.id());
        if (row.state() != StepState.OPEN) {
            throw new BatchRefused(BatchRefused.Reason.ALREADY_RECORDED, "Step '" + placed.step().name() + "' was recorded"
                    + " already by " + row.recordedBy() + "; a new value is a correction with a reason. Nothing was"
                    + " recorded.");
        }
        // only the steps this one runs after: a parallel step reads none
        Map<String, StepState> states = store.states(batch.id(), placed.after());
        states.put(placed.id(), row.state());
        if (Sequence.of(placed, states) != Sequence.Availability.AVAILABLE) {
            List<String> waiting = placed.after().stream().filter(s -> states.get(s) != StepState.DONE).toList();
            throw new BatchRefused(BatchRefused.Reason.STEP_NOT_AVAILABLE, "Step '" + placed.step().name() + "' is not"
                    + " available yet: it runs after " + String.join(", ", waiting) + ", not done yet. Nothing was"
                    + " recorded.");
        }
        return record(batch, recipe, placed, row, c, EntryKind.ENTRY);
    }

    /**
     * A new value for a recorded step, with a reason: a new entry; the one it corrects stays visible
     * everywhere; the step is flagged for review and must be signed again (its earlier signatures were
     * bound to the earlier entry). Material charges and equipment checks are not corrected by typing:
     * what went into the batch, or which unit it used, is a deviation.
     */
    @RolesAllowed({"OPERATOR", "SUPERVISOR"})
    public EntryOutcome correct(String batchId, String stepId, EntryCommand command) {
        EntryCommand c = command == null ? new EntryCommand(null, null, null, null, null, null, null, null, null, null) : command;
        if (c.reason() == null || c.reason().isBlank()) {
            throw new BatchRefused(BatchRefused.Reason.REASON_REQUIRED, "A correction needs its reason (what was wrong"
                    + " and why); nothing was recorded, the entry stands as it was.", "reason", "is required");
        }
        Batch batch = lockForEntry(batchId);
        ControlRecipe recipe = store.controlRecipe(batch);
        ControlRecipe.Placed placed = placed(recipe, batch, stepId);
        if (batch.status() != BatchStatus.IN_PROGRESS) {
            throw notExecutable(batch);
        }
        switch (placed.step().type()) {
            case MATERIAL_CHARGE, EQUIPMENT_CHECK -> throw new BatchRefused(BatchRefused.Reason.NOT_CORRECTABLE, "Step '"
                    + placed.step().name() + "' records what went into the batch or which unit it used; that is not"
                    + " corrected by a new entry. Raise a deviation on the step instead.");
            default -> {
            }
        }
        BatchStep row = locked(batch, placed.id());
        if (row.state() == StepState.OPEN) {
            throw new BatchRefused(BatchRefused.Reason.STEP_NOT_AVAILABLE, "Step '" + placed.step().name() + "' has no"
                    + " entry to correct; record it first.");
        }
        return record(batch, recipe, placed, row, c, EntryKind.CORRECTION);
    }

    /**
     * The result of the sample drawn at a SAMPLING step, entered by QC/QA when the laboratory has it,
     * judged against the step's limits (an out-of-limit result raises a deviation).
     */
    @RolesAllowed({"QA_REVIEWER", "QA_RELEASER"})
    public EntryOutcome sampleResult(String batchId, String stepId, String value, String unit) {
        Batch batch = store.locked(batchId, false);
        ControlRecipe recipe = store.controlRecipe(batch);
        ControlRecipe.Placed placed = placed(recipe, batch, stepId);
        if (placed.step().type() != org.openebr.recipe.boundary.StepType.SAMPLING || placed.step().numeric() == null) {
            throw new BatchRefused(BatchRefused.Reason.WRONG_KIND, "Step '" + placed.step().name() + "' draws no sample"
                    + " with a numeric result.");
        }
        BatchStep row = locked(batch, placed.id());
        if (row.state() == StepState.OPEN) {
            throw new BatchRefused(BatchRefused.Reason.STEP_NOT_AVAILABLE, "No sample was drawn at step '"
                    + placed.step().name() + "' yet.");
        }
        if (batch.status() == BatchStatus.ABORTED || batch.status() == BatchStatus.REVIEWED || batch.status().decided()) {
            throw notExecutable(batch);
        }
        Readings.Reading reading = Readings.read(value, unit, placed.step().numeric(), placed.step().name());
        String sample = store.entries(batch.id(), placed.id()).stream().map(StepEntry::sampleId)
                .filter(java.util.Objects::nonNull).reduce((a, b) -> b).orElse(null);
        String by = caller();
        Instant now = now();
        change.record("Enter the result of sample " + sample + " of batch " + batch.batchId(), "laboratory result")
                .actingAs(session.isCallerInRole("QA_REVIEWER") ? "QA_REVIEWER" : "QA_RELEASER");
        StepEntry.Facts facts = new StepEntry.Facts(EntryKind.SAMPLE_RESULT, reading.raw(), reading.recorded(),
                placed.step().numeric().unit(), null, false, null, null, null, sample, reading.judgement(), false, false,
                null, null, null);
        String deviation = reading.judgement() == Judgement.OUT_OF_SPEC ? raise(batch, placed, reading, by, now) : null;
        int seq = store.nextEntrySeq(batch.id(), placed.id());
        store.persist(new StepEntry(batch.id(), placed.id(), seq, facts, deviation, by, now));
        store.flush();
        return outcome(batch, placed, row, seq, facts, deviation, now);
    }

    private EntryOutcome record(Batch batch, ControlRecipe recipe, ControlRecipe.Placed placed, BatchStep row,
                                EntryCommand c, EntryKind kind) {
        String by = caller();
        Instant now = now();
        GateOverride override = requireTrained(batch, placed, by, now);
        boolean late = late(c, now);
        String reason = c.reason() == null || c.reason().isBlank() ? null : Batches.text(c.reason(), "reason", Batches.REASON);
        if (late && reason == null) {
            throw new BatchRefused(BatchRefused.Reason.REASON_REQUIRED, "The work was done at " + c.performedAt()
                    + ", more than " + LATE_AFTER.toMinutes() + " minutes ago: a late entry needs its reason. Nothing was"
                    + " recorded.", "reason", "is required for a late entry");
        }
        String verb = kind == EntryKind.CORRECTION ? "Correct" : "Record";
        // the entry is the reason the step (and, for the first, the batch) changes; a person's reason goes first
        change.record(verb + " step " + placed.id() + " of batch " + batch.batchId(), reason != null ? reason
                        : kind == EntryKind.ENTRY ? "entry made at the step" : null)
                .actingAs(session.isCallerInRole("OPERATOR") ? "OPERATOR" : "SUPERVISOR");
        StepEntry.Facts facts = facts(batch, recipe, placed, row, c, kind, late, reason, by);
        String deviation = null;
        if (facts.judgement() == Judgement.OUT_OF_SPEC) {
            deviation = raise(batch, placed, new Readings.Reading(facts.raw(), facts.value(), facts.judgement()), by, now);
        }
        // an OPEN step has no entry yet (every other kind of entry needs a recorded step): the first is number 1
        int seq = row.state() == StepState.OPEN ? 1 : store.nextEntrySeq(batch.id(), placed.id());
        store.persist(new StepEntry(batch.id(), placed.id(), seq, facts, deviation, by, now));
        if (override != null) {
            override.use(seq, now);
        }
        // a machine value typed instead of read needs a second person (Annex 11 draft §10.2)
        row.recorded(by, kind == EntryKind.CORRECTION || facts.manual() || late || override != null,
                facts.machine() != null && "MANUAL".equals(facts.machine().source()));
        if (kind == EntryKind.CORRECTION) {
            recompute(batch, recipe, placed, reason, by, now);
        }
        boolean starts = batch.status() == BatchStatus.READY;
        if (starts) {
            BatchStatus from = batch.status();
            batch.moveTo(BatchStatus.IN_PROGRESS, "first entry: step " + placed.id(), by, now);
            store.persist(new BatchEvent(batch.id(), store.nextEventSeq(batch.id()), from, BatchStatus.IN_PROGRESS,
                    "first entry: step " + placed.id(), by, now, false));
        }
        try {
            store.flush();
        } catch (OptimisticLockException changedMeanwhile) {
            throw new BatchRefused(BatchRefused.Reason.CONFLICT, "Batch " + batch.batchId() + " was changed by someone"
                    + " else at the same moment; nothing was recorded. Look at the step again.");
        }
        if (starts) {
            happened.fire(BatchHappened.started(batch.batchId(), by, now));
        }
        if (facts.containerId() != null) {
            String material = materialMaster.resolve(placed.charge().material()).map(MaterialFacts::materialNumber)
                    .orElse(placed.charge().material());
            happened.fire(BatchHappened.consumed(batch.batchId(), by, now, new BatchHappened.Consumption(placed.id(), seq,
                    kind.name(), material, facts.lotId(), facts.containerId(), facts.value(), facts.unit())));
        }
        return outcome(batch, placed, row, seq, facts, deviation, now);
    }

    /** What the entry records, after the gates of its step type have passed. */
    private StepEntry.Facts facts(Batch batch, ControlRecipe recipe, ControlRecipe.Placed placed, BatchStep row,
                                  EntryCommand c, EntryKind kind, boolean late, String reason, String by) {
        Step step = placed.step();
        String name = step.name();
        Instant performedAt = late ? c.performedAt() : null;
        switch (step.type()) {
            case INSTRUCTION -> {
                only(c, name, "acknowledged");
                if (!Boolean.TRUE.equals(c.acknowledged())) {
                    throw wrongKind(name, "is acknowledged: send {\"acknowledged\": true} once it is done");
                }
                return new StepEntry.Facts(kind, null, null, null, null, true, null, null, null, null, null, false, late,
                        performedAt, reason, null);
            }
            case NUMERIC_ENTRY -> {
                only(c, name, "value");
                NumericSpec spec = step.numeric();
                Readings.Reading reading = Readings.read(c.value(), c.unit(), spec, name);
                return new StepEntry.Facts(kind, reading.raw(), reading.recorded(), spec.unit(), null, false, null, null,
                        null, null, reading.judgement(), false, late, performedAt, reason, null);
            }
            case MACHINE_VALUE -> {
                if (Boolean.TRUE.equals(c.acknowledged()) && c.value() == null) {
                    only(c, name, "acknowledged");
                    return captured(batch, placed, kind, late, performedAt, reason);
                }
                only(c, name, "value");
                if (reason == null) {
                    throw new BatchRefused(BatchRefused.Reason.REASON_REQUIRED, "'" + name + "' is read from the machine ("
                            + step.tag() + "): send {\"acknowledged\": true} to capture it, or give the reason for a value"
                            + " typed by hand (e.g. the machine connection is not available); a typed value is flagged for"
                            + " review.", "reason", "is required for a value typed instead of read from the machine");
                }
                NumericSpec spec = step.numeric();
                Readings.Reading reading = Readings.read(c.value(), c.unit(), spec, name);
                return new StepEntry.Facts(kind, reading.raw(), reading.recorded(), spec.unit(), null, false, null, null,
                        null, null, reading.judgement(), true, late, performedAt, reason,
                        "typed by hand instead of read from " + step.tag(), StepEntry.Machine.manual());
            }
            case TEXT_ENTRY -> {
                only(c, name, "text");
                if (c.text() == null || c.text().isBlank()) {
                    throw new BatchRefused(BatchRefused.Reason.INCOMPLETE, "Enter the text of '" + name + "'.", "text",
                            "is required");
                }
                return new StepEntry.Facts(kind, null, null, null, Batches.text(c.text(), "text", TEXT), false, null, null,
                        null, null, null, false, late, performedAt, reason, null);
            }
            case CHOICE_ENTRY -> {
                only(c, name, "choice");
                String choice = step.choices().stream().filter(x -> c.choice() != null && x.equalsIgnoreCase(c.choice().strip()))
                        .findFirst().orElseThrow(() -> new BatchRefused(BatchRefused.Reason.UNKNOWN_CHOICE, "'"
                                + (c.choice() == null ? "" : shorten(c.choice())) + "' is not an answer of '" + name
                                + "'; choose one of " + String.join(", ", step.choices()) + ".", "choice",
                                "one of " + step.choices()));
                return new StepEntry.Facts(kind, null, null, null, choice, false, null, null, null, null,
                        null, false, late, performedAt, reason, null);
            }
            case CALCULATION -> {
                if (!Boolean.TRUE.equals(c.acknowledged()) || c.value() != null) {
                    throw wrongKind(name, "is computed by the server from earlier values, never typed: send"
                            + " {\"acknowledged\": true} to record the computed value");
                }
                only(c, name, "acknowledged");
                Readings.Reading reading = Readings.computed(calculate(batch, recipe, placed), step.numeric());
                return new StepEntry.Facts(kind, reading.raw(), reading.recorded(), step.numeric() == null ? null
                        : step.numeric().unit(), null, true, null, null, null, null, reading.judgement(), false, late,
                        performedAt, reason, "computed: " + step.formula());
            }
            case SAMPLING -> {
                only(c, name, "sampleId");
                if (c.sampleId() == null || c.sampleId().isBlank()) {
                    throw new BatchRefused(BatchRefused.Reason.INCOMPLETE, "Scan or enter the id on the sample's label.",
                            "sampleId", "is required");
                }
                return new StepEntry.Facts(kind, null, null, null, null, false, null, null, null,
                        Batches.text(c.sampleId(), "sampleId", ID), null, false, late, performedAt, reason,
                        "result by QC" + (step.numeric() == null ? "" : ", in " + step.numeric().unit()));
            }
            case MATERIAL_CHARGE -> {
                only(c, name, "containerId");
                return charge(batch, placed, c, kind, late, performedAt, reason, by);
            }
            case EQUIPMENT_CHECK -> {
                only(c, name, "equipmentId");
                return equipmentCheck(batch, placed, row, c, kind, late, performedAt, reason, by);
            }
            default -> throw new IllegalStateException("step type " + step.type());
        }
    }

    private StepEntry.Facts charge(Batch batch, ControlRecipe.Placed placed, EntryCommand c, EntryKind kind, boolean late,
                                   Instant performedAt, String reason, String by) {
        if (c.containerId() == null || c.containerId().isBlank()) {
            throw new BatchRefused(BatchRefused.Reason.INCOMPLETE, "Scan the container dispensed for '"
                    + placed.step().name() + "'.", "containerId", "is required");
        }
        var q = placed.charge();
        String materialNumber = materialMaster.resolve(q.material()).map(MaterialFacts::materialNumber).orElse(q.material());
        MaterialAdmission admitted = gated(batch, placed, by, () -> materials.consume(new MaterialUse(
                c.containerId().strip(), materialNumber, batch.batchId(), placed.id(), q.quantity(),
                q.tolerancePercent() == null ? BigDecimal.ZERO : q.tolerancePercent(), q.unit())));
        return new StepEntry.Facts(kind, null, admitted.quantity(), admitted.unit(), null, false, admitted.containerId(),
                admitted.lotId(), null, null, null, false, late, performedAt, reason, admitted.materialNumber()
                + ", lot " + admitted.lotId() + ", expiry " + admitted.expiryDate());
    }

    private StepEntry.Facts equipmentCheck(Batch batch, ControlRecipe.Placed placed, BatchStep row, EntryCommand c,
                                           EntryKind kind, boolean late, Instant performedAt, String reason, String by) {
        if (c.equipmentId() == null || c.equipmentId().isBlank()) {
            throw new BatchRefused(BatchRefused.Reason.INCOMPLETE, "Scan the equipment unit for '" + placed.step().name()
                    + "'.", "equipmentId", "is required");
        }
        Step step = placed.step();
        Set<EquipmentCheck> checks = step.equipmentChecks() == null || step.equipmentChecks().isEmpty()
                ? EnumSet.of(EquipmentCheck.CLEAN) : EnumSet.copyOf(step.equipmentChecks());
        // a unit the product touches (checked for cleanliness) is taken by the batch: IN_USE until the batch
        // is done with it, then DIRTY; an instrument that is only checked for calibration stays free for others
        boolean takes = checks.contains(EquipmentCheck.CLEAN) || checks.contains(EquipmentCheck.CLEAN_HOLD_TIME);
        EquipmentAdmission admitted = gated(batch, placed, by, () -> {
            EquipmentAdmission used = equipment.use(new EquipmentUse(c.equipmentId().strip(), step.equipmentClass(),
                    checks, batch.batchId(), placed.id()));
            return takes ? equipment.occupy(used.equipmentId(), batch.batchId()) : used;
        });
        if (takes) {
            row.occupy(admitted.equipmentId());
        }
        return new StepEntry.Facts(kind, null, null, null, null, false, null, null, admitted.equipmentId(), null, null,
                false, late, performedAt, reason, admitted.equipmentClass() + ", " + admitted.status()
                + (admitted.calibrationDue() == null ? "" : ", calibration due " + admitted.calibrationDue())
                + (admitted.cleanUntil() == null ? "" : ", clean until " + admitted.cleanUntil()));
    }

    /** Runs a gate; a refusal is recorded in its own transaction, then passed on unchanged. */
    private <T> T gated(Batch batch, ControlRecipe.Placed placed, String by, java.util.function.Supplier<T> gate) {
        try {
            return gate.get();
        } catch (DomainException refused) {
            gateLog.refused(batch.id(), batch.batchId(), placed.id(), refused.kind(), refused.getMessage(), by);
            throw refused;
        }
    }

    /**
     * A corrected value changes what was computed from it (ALCOA+ accurate, DI-FDA-Q2-1): every
     * recorded CALCULATION step computed from the corrected step, directly or through another
     * calculation, gets a new entry with the value computed again (a correction by the same person,
     * whose reason names the corrected step), is flagged for review and must be signed again. The
     * earlier computed value stays in the record beside it.
     */
    private void recompute(Batch batch, ControlRecipe recipe, ControlRecipe.Placed corrected, String reason, String by,
                           Instant now) {
        java.util.Set<String> changed = new java.util.HashSet<>(List.of(corrected.id()));
        for (ControlRecipe.Placed step : recipe.steps()) {
            if (step.step().type() != org.openebr.recipe.boundary.StepType.CALCULATION || step.step().formula() == null
                    || Calculations.inputs(step.step().formula()).stream().noneMatch(changed::contains)) {
                continue;
            }
            changed.add(step.id());
            BatchStep row = store.lockedStep(batch.id(), step.id());
            if (row.state() == StepState.OPEN) {
                continue;
            }
            Readings.Reading reading = Readings.computed(calculate(batch, recipe, step), step.step().numeric());
            String why = "computed again: step " + corrected.id() + " was corrected (" + reason + ")";
            StepEntry.Facts facts = new StepEntry.Facts(EntryKind.CORRECTION, reading.raw(), reading.recorded(),
                    step.step().numeric() == null ? null : step.step().numeric().unit(), null, true, null, null, null, null,
                    reading.judgement(), false, false, null, why.length() > 1000 ? why.substring(0, 1000) : why,
                    "computed: " + step.step().formula());
            String deviation = reading.judgement() == Judgement.OUT_OF_SPEC ? raise(batch, step, reading, by, now) : null;
            store.persist(new StepEntry(batch.id(), step.id(), store.nextEntrySeq(batch.id(), step.id()), facts, deviation,
                    by, now));
            row.recorded(by, true);
            store.flush(); // the next calculation reads this value
        }
    }

    private BigDecimal calculate(Batch batch, ControlRecipe recipe, ControlRecipe.Placed placed) {
        Map<String, BigDecimal> values = new HashMap<>(recipe.parameters());
        Map<String, StepEntry> current = new HashMap<>();
        for (StepEntry e : store.entries(batch.id())) {
            if (e.kind() != EntryKind.SAMPLE_RESULT) {
                current.merge(e.stepId(), e, (a, b) -> b.seq() > a.seq() ? b : a);
            }
        }
        List<String> missing = new ArrayList<>();
        for (String input : Calculations.inputs(placed.step().formula())) {
            if (values.containsKey(input)) {
                continue;
            }
            StepEntry e = current.get(input);
            if (e == null || e.numericValue() == null) {
                missing.add(input);
            } else {
                values.put(input, e.numericValue());
            }
        }
        if (!missing.isEmpty()) {
            throw new BatchRefused(BatchRefused.Reason.CALCULATION_INCOMPLETE, "'" + placed.step().name() + "' is computed"
                    + " from " + String.join(", ", missing) + ", not recorded yet.");
        }
        return Calculations.evaluate(placed.step().formula(), values);
    }

    /**
     * The training gate; passed without the training only under a supervisor's signed override for this
     * operator's next entry on the step, which this entry uses up. Returns the override used, or null.
     */
    private GateOverride requireTrained(Batch batch, ControlRecipe.Placed placed, String by, Instant now) {
        List<String> missing = placed.qualifications().stream().filter(q -> !training.isQualified(by, q, now)).toList();
        if (!missing.isEmpty()) {
            Optional<GateOverride> override = store.unusedOverride(batch.id(), placed.id(), by);
            if (override.isPresent()) {
                return override.get();
            }
            BatchRefused refused = new BatchRefused(BatchRefused.Reason.NOT_TRAINED, by + " holds no current training"
                    + " record " + String.join(" and ", missing) + ", which step '" + placed.step().name() + "' requires"
                    + " (21 CFR 211.25, 11.10(i)); a trained colleague performs it, or a supervisor records the training"
                    + " first, or overrides the gate for this entry with a signature and a deviation. Nothing was"
                    + " recorded.");
            gateLog.refused(batch.id(), batch.batchId(), placed.id(), refused.kind(), refused.getMessage(), by);
            throw refused;
        }
        return null;
    }

    private String raise(Batch batch, ControlRecipe.Placed placed, Readings.Reading reading, String by, Instant now) {
        NumericSpec spec = placed.step().numeric();
        String id = store.nextDeviationId(now.atZone(java.time.ZoneOffset.UTC).getYear());
        store.persist(new Deviation(id, batch.id(), placed.id(), Deviation.Origin.OUT_OF_LIMITS, "'" + placed.step().name()
                + "' recorded " + reading.recorded().toPlainString() + " " + spec.unit() + ", outside the action limits "
                + Limits.range(spec.lower(), spec.upper(), spec.unit()) + ".", by, now));
        return id;
    }

    private boolean late(EntryCommand c, Instant now) {
        if (c.performedAt() == null) {
            return false;
        }
        if (c.performedAt().isAfter(now.plus(CLOCK_SKEW))) {
            throw new BatchRefused(BatchRefused.Reason.INCOMPLETE, "performedAt " + c.performedAt() + " is in the future"
                    + " (the server's time is " + now + "); an entry is never dated ahead.", "performedAt",
                    "not after now");
        }
        return Duration.between(c.performedAt(), now).compareTo(LATE_AFTER) > 0;
    }

    /**
     * Since when a step was open for its statistic: the last entry of the steps it runs after (the batch's start
     * for a first step). The values of the tag from then until the capture are the step's.
     */
    private Instant availableSince(Batch batch, ControlRecipe.Placed placed) {
        return store.entries(batch.id()).stream().filter(e -> placed.after().contains(e.stepId()))
                .map(StepEntry::recordedAt).max(Instant::compareTo)
                .orElseGet(() -> store.events(batch.id()).stream().map(org.openebr.batch.entity.BatchEvent::recordedAt)
                        .min(Instant::compareTo).orElse(clock.instant()));
    }

    /**
     * The value of the step's tag read now from the equipment the batch uses (21 CFR 11.10(h)): recorded with
     * its node, status code and quality, source and server time stamps. A value that is not Good, or not
     * plausible, is recorded as it is only with the person's reason and is an exception for QA review; a Bad
     * value is not judged against the limits at all (it is no measurement), and nothing makes it Good.
     */
    private StepEntry.Facts captured(Batch batch, ControlRecipe.Placed placed, EntryKind kind, boolean late,
                                     Instant performedAt, String reason) {
        Step step = placed.step();
        org.openebr.mde.boundary.MachineReadings.Capture m = step.statistic() == null
                ? machine.capture(batch.batchId(), step.tag())
                : machine.statistic(batch.batchId(), step.tag(), step.statistic(), availableSince(batch, placed));
        String from = m.equipmentId() + " (" + m.tag() + ", node " + m.nodeId() + ")";
        if (m.value() == null) {
            throw new BatchRefused(BatchRefused.Reason.WRONG_KIND, "'" + step.name() + "': " + from + " gives "
                    + (m.text() == null ? "no value" : "'" + m.text() + "'") + " with status " + m.status()
                    + ", not a number; enter the value by hand with a reason. Nothing was recorded.");
        }
        boolean good = "GOOD".equals(m.quality());
        String finding = (good ? "" : "status " + m.status() + " (" + m.quality() + ")")
                + (m.plausibility() == null ? "" : (good ? "" : "; ") + "not plausible: " + m.plausibility());
        if (!finding.isEmpty() && reason == null) {
            throw new BatchRefused(BatchRefused.Reason.REASON_REQUIRED, "'" + step.name() + "' read " + m.value() + " from "
                    + from + ": " + finding + ". Such a value is recorded as it is, never as Good, and only with your"
                    + " reason; it is an exception for QA review. Nothing was recorded.", "reason",
                    "is required for a machine value that is not Good or not plausible");
        }
        Readings.Reading reading = Readings.computed(BigDecimal.valueOf(m.value()), step.numeric());
        boolean bad = "BAD".equals(m.quality());
        String details = (step.statistic() == null ? "read over OPC UA from " + from + ", status " + m.status()
                + ", source time " + m.sourceTime() + ", server time " + m.serverTime()
                : "computed from the values stored from " + from + ": " + m.text()) + (finding.isEmpty() ? "" : "; " + finding);
        return new StepEntry.Facts(kind, reading.raw(), reading.recorded(), step.numeric() == null ? null
                : step.numeric().unit(), null, false, null, null, null, null, bad ? null : reading.judgement(), false, late,
                performedAt, reason, details.length() > 2000 ? details.substring(0, 1997) + "..." : details,
                new StepEntry.Machine("OPC_UA", m.nodeId(), m.statusCode(), m.quality(), m.sourceTime(), m.serverTime(),
                        m.plausibility()));
    }

    /** Refuses parts of an entry that do not belong to the step's type, so nothing sent is silently dropped. */
    private static void only(EntryCommand c, String name, String allowed) {
        Map<String, Object> given = new java.util.LinkedHashMap<>();
        given.put("value", c.value());
        given.put("text", c.text());
        given.put("choice", c.choice());
        given.put("acknowledged", c.acknowledged());
        given.put("containerId", c.containerId());
        given.put("equipmentId", c.equipmentId());
        given.put("sampleId", c.sampleId());
        for (Map.Entry<String, Object> part : given.entrySet()) {
            if (part.getValue() != null && !part.getKey().equals(allowed)) {
                throw wrongKind(name, "takes " + allowed + ", not " + part.getKey());
            }
        }
        if (c.unit() != null && !allowed.equals("value")) {
            throw wrongKind(name, "takes " + allowed + ", not a unit");
        }
    }

    private static BatchRefused wrongKind(String name, String rule) {
        return new BatchRefused(BatchRefused.Reason.WRONG_KIND, "'" + name + "' " + rule + ". Nothing was recorded.");
    }

    private EntryOutcome outcome(Batch batch, ControlRecipe.Placed placed, BatchStep row, int seq, StepEntry.Facts f,
                                 String deviation, Instant now) {
        return new EntryOutcome(batch.batchId(), placed.id(), batch.batchId() + ":" + placed.id(), seq, f.kind().name(),
                f.judgement() == null ? null : f.judgement().name(), deviation, f.raw(),
                BatchViews.recorded(f.value(), placed.step().numeric()), f.unit(),
                f.text() != null ? f.text() : f.containerId() != null ? f.containerId() : f.equipmentId() != null
                        ? f.equipmentId() : f.sampleId(), row.state().name(), now, f.late(), f.manual(), row.flagged());
    }

    /**
     * The batch, locked for an entry: shared while it is running (entries on several steps at once),
     * exclusive when this entry may start it (READY -> IN_PROGRESS is a status change).
     */
    private Batch lockForEntry(String batchId) {
        String status = store.statusOf(batchId).orElseThrow(() -> BatchStore.notFound(batchId));
        return store.locked(batchId, BatchStatus.READY.name().equals(status));
    }

    private ControlRecipe.Placed placed(ControlRecipe recipe, Batch batch, String stepId) {
        return recipe.step(stepId).orElseThrow(() -> new BatchRefused(BatchRefused.Reason.STEP_NOT_FOUND, "Batch "
                + batch.batchId() + " (recipe " + batch.recipeId() + " version " + batch.recipeVersion() + ") has no step "
                + shorten(String.valueOf(stepId)) + "."));
    }

    private BatchStep locked(Batch batch, String stepId) {
        return store.lockedStep(batch.id(), stepId);
    }

    private static void requireExecutable(Batch batch) {
        if (!batch.status().executable()) {
            throw notExecutable(batch);
        }
    }

    private static BatchRefused notExecutable(Batch batch) {
        String why = switch (batch.status()) {
            case PLANNED -> "it has not been dispatched to the shop floor yet";
            case ON_HOLD -> "it is on hold (" + batch.statusReason() + "); a supervisor resumes it";
            case ABORTED -> "it was aborted";
            case COMPLETED -> "it is completed and with QA";
            case REVIEWED -> "its review is signed and it awaits QA's decision";
            case RELEASED, REJECTED -> "it is " + batch.status() + " and its record is read-only (later information is"
                    + " an addendum)";
            default -> "it is " + batch.status();
        };
        return new BatchRefused(BatchRefused.Reason.NOT_EXECUTABLE, "Batch " + batch.batchId() + " takes no entries: "
                + why + ". Nothing was recorded.");
    }

    private static String shorten(String text) {
        return text.length() > 64 ? text.substring(0, 64) + "..." : text;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private String caller() {
        return session.getCallerPrincipal().getName();
    }
}
