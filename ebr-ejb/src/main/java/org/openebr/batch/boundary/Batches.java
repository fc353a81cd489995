package org.openebr.batch.boundary;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.openebr.batch.control.BatchJson;
import org.openebr.batch.control.BatchNumbers;
import org.openebr.batch.control.BatchStore;
import org.openebr.batch.control.ControlRecipe;
import org.openebr.batch.entity.Batch;
import org.openebr.batch.entity.BatchEvent;
import org.openebr.batch.entity.BatchStatus;
import org.openebr.batch.entity.BatchStep;
import org.openebr.batch.entity.Deviation;
import org.openebr.batch.entity.GateOverride;
import org.openebr.batch.entity.StepState;
import org.openebr.equipment.boundary.EquipmentGate;
import org.openebr.platform.control.ChangeContext;
import org.openebr.platform.control.SiteSettings;
import org.openebr.recipe.boundary.RecipeJson;
import org.openebr.recipe.boundary.Recipes;
import org.openebr.recipe.boundary.ScaledFormula;
import org.openebr.signature.boundary.Signatures;

/**
 * Batches (process orders) and their lifecycle: a supervisor makes a batch from the effective version
 * of a master recipe (through {@link Recipes#forExecution}, which checks the stored content against its
 * hash), scaled to the planned quantity and kept as its control recipe; dispatches it to a line
 * (READY); holds, resumes and aborts it with a reason and their signature. The first entry starts it
 * (IN_PROGRESS); it is completed when every step is done, which releases the equipment it holds and
 * hands it to QA review. Every change is an event with its reason.
 */
@Stateless
@RolesAllowed({"OPERATOR", "SUPERVISOR", "QA_REVIEWER", "QA_RELEASER", "INSPECTOR", "WAREHOUSE"})
public class Batches {

    /** Record type of a signed status change (hold, resume, abort); record id {@code <batchId>:<event seq>}. */
    public static final String STATUS_RECORD_TYPE = "BATCH_STATUS";
    /** Record type of a step's signatures; record id {@code <batchId>:<stepId>}. */
    public static final String STEP_RECORD_TYPE = "BATCH_STEP";
    /** Record type of QA's signatures on the batch as a whole (REVIEWED, RELEASED, REJECTED); record id the batch id. */
    public static final String DECISION_RECORD_TYPE = "BATCH";
    static final int REASON = 1000;
    static final int LINE = 100;
    static final int LIST_MAX = 500;

    @Inject
    BatchStore store;

    @Inject
    Recipes recipes;

    @Inject
    EquipmentGate equipment;

    @Inject
    Signatures signatures;

    @Inject
    SigningNonces nonces;

    @Inject
    ChangeContext change;

    @Inject
    jakarta.enterprise.event.Event<BatchHappened> happened;

    @Inject
    SiteSettings site;

    @Inject
    Clock clock;

    @Resource
    SessionContext session;

    @Inject
    @ConfigProperty(name = "ebr.batch.number.pattern", defaultValue = "B-{yyyy}-{seq:4}")
    String numberPattern;

    /**
     * A batch of the recipe's effective version for the planned quantity (in the recipe's batch size
     * unit or one that converts to it), numbered from the configured pattern without gaps.
     */
    @RolesAllowed({"SUPERVISOR", "ERP_INTERFACE"})
    public BatchSummary create(String recipeId, BigDecimal plannedQuantity, String unit, String reason) {
        if (recipeId == null || recipeId.isBlank()) {
            throw new BatchRefused(BatchRefused.Reason.INCOMPLETE, "Name the recipe the batch is made from.",
                    "recipeId", "is required");
        }
        if (plannedQuantity == null) {
            throw new BatchRefused(BatchRefused.Reason.INCOMPLETE, "Give the planned quantity of the batch.",
                    "plannedQuantity", "is required");
        }
        String why = reason == null || reason.isBlank() ? "planned" : text(reason, "reason", REASON);
        Recipes.ExecutableRecipe recipe = recipes.forExecution(recipeId.strip());
        ScaledFormula scaled;
        try {
            scaled = recipes.scaled(recipe.recipeId(), recipe.version(), plannedQuantity,
                    unit == null || unit.isBlank() ? null : unit.strip());
        } catch (org.openebr.recipe.boundary.RecipeRefused bad) {
            throw new BatchRefused(BatchRefused.Reason.BATCH_SIZE, "The planned quantity cannot be used: " + bad.getMessage()
                    + ". Nothing was created.", "plannedQuantity", bad.getMessage());
        }
        String by = caller();
        Instant now = now();
        BatchNumbers numbers = new BatchNumbers(numberPattern);
        LocalDate today = LocalDate.ofInstant(now, site.zone());
        String batchId = numbers.number(today, store.nextBatchNumber(numbers.period(today)));
        change.record("Create batch " + batchId + " of " + recipe.recipeId() + " version " + recipe.version(), why)
                .actingAs(actingPlanner());
        Batch batch = new Batch(batchId, new Batch.Recipe(recipe.recipeId(), recipe.version(), recipe.contentHash(),
                recipe.document().product(), RecipeJson.write(recipe.document()), BatchJson.write(scaled)),
                scaled.actualBatchSize(), scaled.batchSizeUnit(), why, by, now);
        store.persist(batch);
        ControlRecipe control = ControlRecipe.of(recipe.document(), scaled);
        for (ControlRecipe.Placed step : control.steps()) {
            store.persist(new BatchStep(batch.id(), step.id(), step.verifierRequired()));
        }
        store.persist(new BatchEvent(batch.id(), 1, null, BatchStatus.PLANNED, why, by, now, false));
        store.flush();
        return BatchViews.summary(batch, store.steps(batch.id()), List.of());
    }

    /**
     * A new plan for a PLANNED batch (its production order changed before dispatch): the planned quantity
     * re-scales the same recipe version. Refused once the batch is dispatched.
     */
    @RolesAllowed({"SUPERVISOR", "ERP_INTERFACE"})
    public BatchSummary replan(String batchId, BigDecimal plannedQuantity, String unit, String reason) {
        String why = requiredReason(reason);
        Batch batch = store.locked(batchId, true);
        require(batch, BatchStatus.PLANNED, "re-planned");
        ScaledFormula scaled;
        try {
            scaled = recipes.scaled(batch.recipeId(), batch.recipeVersion(), plannedQuantity,
                    unit == null || unit.isBlank() ? null : unit.strip());
        } catch (org.openebr.recipe.boundary.RecipeRefused bad) {
            throw new BatchRefused(BatchRefused.Reason.BATCH_SIZE, "The planned quantity cannot be used: " + bad.getMessage()
                    + ". Nothing was changed.", "plannedQuantity", bad.getMessage());
        }
        change.record("Re-plan batch " + batch.batchId() + ": " + batch.plannedQuantity().stripTrailingZeros()
                .toPlainString() + " " + batch.unit() + " -> " + scaled.actualBatchSize().stripTrailingZeros()
                .toPlainString() + " " + scaled.batchSizeUnit(), why).actingAs(actingPlanner());
        batch.replan(scaled.actualBatchSize(), scaled.batchSizeUnit(), BatchJson.write(scaled));
        store.flush();
        return summary(batch);
    }

    /** A batch in a line (the ERP interface reads its own orders' batches this way). */
    @RolesAllowed({"SUPERVISOR", "ERP_INTERFACE"})
    public BatchSummary summary(String batchId) {
        return summary(store.existing(batchId));
    }

    /** Whether a batch is still PLANNED, i.e. its plan may change. */
    @RolesAllowed({"SUPERVISOR", "ERP_INTERFACE"})
    public boolean planned(String batchId) {
        return store.existing(batchId).status() == BatchStatus.PLANNED;
    }

    private String actingPlanner() {
        return session.isCallerInRole("ERP_INTERFACE") ? "ERP_INTERFACE" : "SUPERVISOR";
    }

    /** To the shop floor: READY on a line or in a room (optional), where operators may start it. */
    @RolesAllowed("SUPERVISOR")
    public BatchSummary dispatch(String batchId, String line, String reason) {
        String why = requiredReason(reason);
        Batch batch = store.locked(batchId, true);
        require(batch, BatchStatus.PLANNED, "dispatched");
        if (line != null && !line.isBlank()) {
            batch.dispatchTo(text(line, "line", LINE));
        }
        move(batch, BatchStatus.READY, "Dispatch batch " + batch.batchId()
                + (batch.line() == null ? "" : " to " + batch.line()), why, false);
        return summary(batch);
    }

    /** Stops the batch where it is, signed by the supervisor (PERFORMED on the BATCH_STATUS record). */
    @RolesAllowed("SUPERVISOR")
    public BatchSummary hold(String batchId, String reason, char[] password) {
        String why = requiredReason(reason);
        Batch batch = store.locked(batchId, true);
        if (!batch.status().executable()) {
            throw state(batch, "put on hold (only a READY or IN_PROGRESS batch is)");
        }
        int seq = move(batch, BatchStatus.ON_HOLD, "Hold batch " + batch.batchId(), why, true);
        sign(batch, seq, password);
        return summary(batch);
    }

    /** Back to where the batch was when it was held, signed. */
    @RolesAllowed("SUPERVISOR")
    public BatchSummary resume(String batchId, String reason, char[] password) {
        String why = requiredReason(reason);
        Batch batch = store.locked(batchId, true);
        require(batch, BatchStatus.ON_HOLD, "resumed");
        int seq = move(batch, batch.heldFrom(), "Resume batch " + batch.batchId(), why, true);
        sign(batch, seq, password);
        return summary(batch);
    }

    /** Stops the batch for good, signed; the equipment it holds is released (DIRTY). */
    @RolesAllowed("SUPERVISOR")
    public BatchSummary abort(String batchId, String reason, char[] password) {
        String why = requiredReason(reason);
        Batch batch = store.locked(batchId, true);
        if (batch.status().closed()) {
            throw state(batch, "aborted");
        }
        int seq = move(batch, BatchStatus.ABORTED, "Abort batch " + batch.batchId(), why, true);
        releaseEquipment(batch);
        sign(batch, seq, password);
        return summary(batch);
    }

    /**
     * Completes an IN_PROGRESS batch whose every step is done (21 CFR 11.10(f): refused while one is
     * open, naming them), releases the equipment it holds, and hands it to QA review.
     */
    @RolesAllowed({"OPERATOR", "SUPERVISOR"})
    public BatchSummary complete(String batchId, String reason) {
        String why = reason == null || reason.isBlank() ? "every step done" : text(reason, "reason", REASON);
        Batch batch = store.locked(batchId, true);
        require(batch, BatchStatus.IN_PROGRESS, "completed");
        List<String> open = store.steps(batch.id()).stream().filter(s -> s.state() != StepState.DONE)
                .map(BatchStep::stepId).sorted().toList();
        if (!open.isEmpty()) {
            throw new BatchRefused(BatchRefused.Reason.STEPS_OPEN, "Batch " + batch.batchId() + " has " + open.size()
                    + " step" + (open.size() == 1 ? "" : "s") + " not done (" + String.join(", ", open.subList(0,
                    Math.min(5, open.size()))) + (open.size() > 5 ? ", ..." : "") + "); it is completed when every step"
                    + " is signed as the recipe requires.");
        }
        move(batch, BatchStatus.COMPLETED, "Complete batch " + batch.batchId(), why, false);
        releaseEquipment(batch);
        return summary(batch);
    }

    /**
     * Moves a completed batch on by QA's signature, in the signing transaction: REVIEWED when its review is
     * signed, then RELEASED or REJECTED. Called by the decision's record type once its rules passed; the
     * database allows only these steps, and nothing of the batch's record changes after a decision.
     */
    @RolesAllowed({"QA_REVIEWER", "QA_RELEASER"})
    public BatchSummary decided(String batchId, String status, String role, String why) {
        BatchStatus to = BatchStatus.valueOf(status);
        Batch batch = store.locked(batchId, true);
        BatchStatus expected = to == BatchStatus.REVIEWED ? BatchStatus.COMPLETED : BatchStatus.REVIEWED;
        if (!to.decided() && to != BatchStatus.REVIEWED || batch.status() != expected) {
            throw new BatchRefused(BatchRefused.Reason.STATE, "Batch " + batch.batchId() + " is " + batch.status()
                    + "; it becomes " + to + " only when it is " + expected + ".");
        }
        String by = caller();
        Instant now = now();
        change.record((to == BatchStatus.REVIEWED ? "Review" : to == BatchStatus.RELEASED ? "Release" : "Reject")
                + " batch " + batch.batchId(), why).actingAs(role);
        BatchStatus from = batch.status();
        int seq = store.nextEventSeq(batch.id());
        // the event first, while the batch is not yet decided: the database locks a decided batch's record
        store.persist(new BatchEvent(batch.id(), seq, from, to, why, by, now, false));
        store.flush();
        batch.moveTo(to, why, by, now);
        store.flush();
        happened.fire(BatchHappened.moved(BatchHappened.Kind.DECIDED, batch.batchId(), by, now, to.name()));
        return summary(batch);
    }

    /** The batches, newest first, optionally of one status. */
    public List<BatchSummary> list(String status) {
        BatchStatus filter = null;
        if (status != null && !status.isBlank()) {
            try {
                filter = BatchStatus.valueOf(status.strip());
            } catch (IllegalArgumentException unknown) {
                throw new BatchRefused(BatchRefused.Reason.INCOMPLETE, "There is no batch status " + status.strip()
                        + "; use one of " + java.util.Arrays.toString(BatchStatus.values()) + ".", "status", "a batch status");
            }
        }
        return store.summaries(filter, LIST_MAX).stream().map(BatchViews::summary).toList();
    }

    /**
     * Passes for the roles that read batches, refuses (EJBAccessException) others: the read rule of the
     * batch's signed records, checked by the container like every other method here.
     */
    public void requireReader() {
        // the container's role check on this class is the whole rule
    }

    public BatchDetail batch(String batchId) {
        Batch b = store.existing(batchId);
        return BatchViews.view(b, store.controlRecipe(b), store.steps(b.id()), store.entries(b.id()),
                store.deviations(b.id()), store.events(b.id()));
    }

    /**
     * The electronic batch record: the batch with every entry of every step in the order they were
     * made (corrections beside the entries they correct), the refusals of the gates, and every
     * signature of its steps and status changes.
     */
    @RolesAllowed({"OPERATOR", "SUPERVISOR", "QA_REVIEWER", "QA_RELEASER", "INSPECTOR"})
    public BatchRecord record(String batchId) {
        return record(batchId, true);
    }

    /**
     * The record as QA's decision signs it: without the decision's own signatures (REVIEWED, RELEASED,
     * REJECTED), which sign this record and cannot be part of it.
     */
    @RolesAllowed({"OPERATOR", "SUPERVISOR", "QA_REVIEWER", "QA_RELEASER", "INSPECTOR"})
    public BatchRecord recordToDecide(String batchId) {
        return record(batchId, false);
    }

    private BatchRecord record(String batchId, boolean withDecision) {
        Batch b = store.existing(batchId);
        ControlRecipe recipe = store.controlRecipe(b);
        BatchDetail view = BatchViews.view(b, recipe, store.steps(b.id()), store.entries(b.id()), store.deviations(b.id()),
                store.events(b.id()));
        Map<String, ControlRecipe.Placed> steps = recipe.steps().stream()
                .collect(Collectors.toMap(ControlRecipe.Placed::id, Function.identity()));
        List<EntryFacts> entries = store.entries(b.id()).stream().map(e -> BatchViews.entry(e,
                steps.containsKey(e.stepId()) ? steps.get(e.stepId()).step().numeric() : null)).toList();
        List<Signatures.Manifestation> signed = new ArrayList<>();
        for (ControlRecipe.Placed step : recipe.steps()) {
            signed.addAll(signatures.ofRecord(STEP_RECORD_TYPE, b.batchId() + ":" + step.id()));
        }
        for (BatchEvent event : store.events(b.id())) {
            if (event.signed()) {
                signed.addAll(signatures.ofRecord(STATUS_RECORD_TYPE, b.batchId() + ":" + event.seq()));
            }
        }
        List<BatchRecord.Refusal> refusals = store.refusals(b.id()).stream().map(r -> new BatchRecord.Refusal(r.stepId(),
                r.kind(), r.message(), r.refusedTo(), r.refusedAt())).toList();
        List<Overrides.OverrideFacts> overrides = new ArrayList<>();
        for (GateOverride o : store.overrides(b.id())) {
            overrides.add(Overrides.facts(b, o));
            signed.addAll(signatures.ofRecord(Overrides.RECORD_TYPE, b.batchId() + ":" + o.seq()));
        }
        if (withDecision) {
            signed.addAll(signatures.ofRecord(DECISION_RECORD_TYPE, b.batchId()));
        }
        return new BatchRecord(view, entries, signed, refusals, overrides);
    }

    BatchSummary summary(Batch b) {
        List<Deviation> deviations = store.deviations(b.id());
        return BatchViews.summary(b, store.steps(b.id()), deviations);
    }

    /** Moves the batch, records the event; returns the event's number. */
    int move(Batch batch, BatchStatus to, String command, String why, boolean signed) {
        String by = caller();
        Instant now = now();
        change.record(command, why).actingAs(session.isCallerInRole("SUPERVISOR") ? "SUPERVISOR" : "OPERATOR");
        BatchStatus from = batch.status();
        batch.moveTo(to, why, by, now);
        int seq = store.nextEventSeq(batch.id());
        store.persist(new BatchEvent(batch.id(), seq, from, to, why, by, now, signed));
        store.flush();
        if (to == BatchStatus.COMPLETED || to == BatchStatus.ABORTED) {
            happened.fire(BatchHappened.moved(to == BatchStatus.COMPLETED ? BatchHappened.Kind.COMPLETED
                    : BatchHappened.Kind.ABORTED, batch.batchId(), by, now, to.name()));
        }
        return seq;
    }

    private void sign(Batch batch, int seq, char[] password) {
        ChangeContext.Change moving = change.current();
        if (password == null || password.length == 0) {
            throw new BatchRefused(BatchRefused.Reason.INCOMPLETE, "Holding, resuming and aborting a batch is signed:"
                    + " give your password. Nothing was changed.", "password", "is required");
        }
        signatures.sign(new Signatures.SignRequest(STATUS_RECORD_TYPE, batch.batchId() + ":" + seq, "PERFORMED",
                "SUPERVISOR", caller(), password, nonces.fresh(), false, null));
        // the signing described itself in the change context; the status change in this transaction keeps its own
        // command and reason in the audit trail
        change.record(moving.command(), moving.reason()).actingAs("SUPERVISOR");
    }

    private void releaseEquipment(Batch batch) {
        for (BatchStep step : store.steps(batch.id())) {
            if (step.occupiedEquipment() != null) {
                equipment.release(step.occupiedEquipment(), batch.batchId());
            }
        }
    }

    private static void require(Batch batch, BatchStatus expected, String what) {
        if (batch.status() != expected) {
            throw state(batch, what + " (only a " + expected + " batch is)");
        }
    }

    private static BatchRefused state(Batch batch, String what) {
        return new BatchRefused(BatchRefused.Reason.STATE, "Batch " + batch.batchId() + " is " + batch.status()
                + "; it cannot be " + what + ".");
    }

    static String requiredReason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw new BatchRefused(BatchRefused.Reason.REASON_REQUIRED, "Give the reason for the change; nothing was"
                    + " changed.", "reason", "is required");
        }
        return text(reason, "reason", REASON);
    }

    static String text(String value, String field, int max) {
        String stripped = value.strip();
        if (stripped.length() > max) {
            throw new BatchRefused(BatchRefused.Reason.INCOMPLETE, "The " + field + " is longer than " + max
                    + " characters.", field, "at most " + max + " characters");
        }
        return stripped;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private String caller() {
        return session.getCallerPrincipal().getName();
    }
}
