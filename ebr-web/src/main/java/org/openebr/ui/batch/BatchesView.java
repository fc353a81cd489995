package org.openebr.ui.batch;

import jakarta.faces.context.ExternalContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;
import org.openebr.batch.boundary.BatchDetail;
import org.openebr.batch.boundary.BatchSummary;
import org.openebr.batch.boundary.Batches;
import org.openebr.batch.boundary.DeviationFacts;
import org.openebr.batch.boundary.Deviations;
import org.openebr.batch.boundary.Overrides;
import org.openebr.recipe.boundary.Recipes;
import org.openebr.ui.Commands;
import org.openebr.ui.Messages;
import org.openebr.ui.WorkItem;
import org.openebr.ui.Worklist;

/**
 * The supervisor's batch list: every batch newest first (optionally of one status) with its progress
 * and open deviations; a new batch from an effective recipe; for the batch chosen from the list its
 * dispatch to a line, hold, resume and abort (the last three signed with the supervisor's password
 * inside the call), and its deviations with their classification. Other readers see the same list
 * and the chosen batch's facts, without actions; the server checks every command by role again.
 */
@Named("batchList")
@ViewScoped
public class BatchesView implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The statuses of the filter, in the order a batch passes them. */
    /** Statuses in which the shop floor is done with a batch. */
    static final java.util.Set<String> CLOSED = java.util.Set.of("COMPLETED", "REVIEWED", "RELEASED", "REJECTED", "ABORTED");
    static final List<String> STATUSES = List.of("PLANNED", "READY", "IN_PROGRESS", "ON_HOLD", "COMPLETED", "REVIEWED",
            "RELEASED", "REJECTED", "ABORTED");

    @Inject
    Batches batches;

    @Inject
    Deviations deviations;

    @Inject
    Overrides overrides;

    @Inject
    Recipes recipes;

    @Inject
    Commands commands;

    @Inject
    ExternalContext external;

    private String batchId;
    private String status;
    private List<BatchSummary> all = List.of();
    private List<Recipes.RecipeSummary> effective = List.of();
    private BatchDetail selected;
    private List<DeviationFacts> selectedDeviations = List.of();

    private String recipeId;
    private BigDecimal plannedQuantity;
    private String unit = "L";
    private String createReason;

    private String line;
    private String statusReason;
    private String password;

    private String deviationId;
    private String classification;
    private String classifyReason;
    private String holdPassword;

    private String overrideStep;
    private String overrideOperator;
    private String overrideReason;
    private String overridePassword;

    /** Called as the view's action after the parameters are set. */
    public void load() {
        list();
        if (supervisor()) {
            commands.attempt("list effective recipes (batches screen)").run(() -> effective = recipes.list().stream()
                    .filter(r -> r.effectiveVersion() != null)
                    .sorted(Comparator.comparing(Recipes.RecipeSummary::recipeId)).toList());
        }
        if (batchId != null && !batchId.isBlank()) {
            select(batchId.strip());
        }
    }

    private void list() {
        List<BatchSummary> found = commands.attempt("list batches (batches screen)")
                .notAllowed("Your roles do not allow reading batches.")
                .call(() -> batches.list(status == null || status.isBlank() ? null : status));
        all = found == null ? List.of() : found;
    }

    private void select(String id) {
        selected = commands.attempt("read batch " + id + " (batches screen)")
                .notAllowed("Your roles do not allow reading batches.")
                .call(() -> batches.batch(id));
        selectedDeviations = List.of();
        if (selected != null && readsDeviations()) {
            List<DeviationFacts> found = commands.attempt("list the deviations of batch " + id + " (batches screen)")
                    .call(() -> deviations.ofBatch(id));
            selectedDeviations = found == null ? List.of() : found;
        }
        if (selected != null && deviationId == null) {
            deviationId = selectedDeviations.stream().filter(d -> d.classification() == null && "OPEN".equals(d.status()))
                    .map(DeviationFacts::deviationId).findFirst().orElse(null);
        }
    }

    /** The filter changed: the list again. */
    public void filter() {
        list();
    }

    /** The list as a worklist card: each batch one link, to its actions here or to its record. */
    public Worklist getWorklist() {
        List<WorkItem> items = all.stream().map(b -> new WorkItem(b.batchId() + ": " + b.product(),
                detail(b), b.status(), BatchLabels.label(b.status()), linkTo(b.batchId()))).toList();
        String title = status == null || status.isBlank() ? "All batches, newest first"
                : BatchLabels.label(status) + " batches, newest first";
        return new Worklist("batch-list", title, "pi pi-box", items.size(), items, "", "",
                status == null || status.isBlank() ? "There are no batches yet."
                        : "No batch is " + BatchLabels.label(status).toLowerCase(java.util.Locale.ROOT) + ".");
    }

    private String detail(BatchSummary b) {
        return b.recipeId() + " version " + b.recipeVersion() + ", " + BatchLabels.quantity(b.plannedQuantity()) + " " + b.unit()
                + ". " + BatchLabels.progress(b.stepsDone(), b.steps()) + ", " + BatchLabels.openDeviations(b.openDeviations())
                + (b.line() == null ? "" : ". " + b.line());
    }

    /** Supervisors and the warehouse open a batch here; everyone else who reads batch records opens its record. */
    String linkTo(String id) {
        String encoded = URLEncoder.encode(id, StandardCharsets.UTF_8);
        if (supervisor() || !readsRecord()) {
            return "app/batches.xhtml?batch=" + encoded
                    + (status == null || status.isBlank() ? "" : "&status=" + URLEncoder.encode(status, StandardCharsets.UTF_8));
        }
        return "app/batch.xhtml?batch=" + encoded;
    }

    // --- commands ----------------------------------------------------------------------------------

    public void create() {
        BatchSummary created = commands.attempt("create a batch (batches screen)")
                .notAllowed("Only a supervisor creates batches.")
                .call(() -> batches.create(recipeId, plannedQuantity, unit, createReason));
        if (created != null) {
            Messages.info("Batch " + created.batchId() + " created from " + created.recipeId() + " version "
                    + created.recipeVersion() + " for " + BatchLabels.quantity(created.plannedQuantity()) + " " + created.unit()
                    + ": Planned. Dispatch it to a line when its materials are dispensed.", null);
            batchId = created.batchId();
            plannedQuantity = null;
            createReason = null;
            status = null;
            reload();
        }
    }

    public void dispatch() {
        if (changed(() -> batches.dispatch(selected.batchId(), line, statusReason), "dispatch",
                "Only a supervisor dispatches batches.", b -> "Batch " + b.batchId() + " dispatched"
                        + (b.line() == null ? "" : " to " + b.line()) + ": Ready for the operators.")) {
            line = null;
        }
    }

    public void hold() {
        signed(() -> batches.hold(selected.batchId(), statusReason, chars(password)), "hold",
                b -> "Batch " + b.batchId() + " is on hold, signed by you. Resume it when the cause is resolved.");
    }

    public void resume() {
        signed(() -> batches.resume(selected.batchId(), statusReason, chars(password)), "resume",
                b -> "Batch " + b.batchId() + " resumed, signed by you: " + BatchLabels.label(b.status()) + ".");
    }

    public void abort() {
        signed(() -> batches.abort(selected.batchId(), statusReason, chars(password)), "abort",
                b -> "Batch " + b.batchId() + " aborted, signed by you. Its equipment is released for cleaning.");
    }

    /** Holds the batch from its deviations: the reason names the deviation chosen. */
    public void holdForDeviation() {
        String why = classifyReason == null || classifyReason.isBlank() ? null
                : (deviationId == null ? "" : "Deviation " + deviationId + ": ") + classifyReason.strip();
        BatchSummary held = commands.attempt("hold batch " + selected.batchId() + " (batches screen, deviations)")
                .notAllowed("Only a supervisor holds batches.")
                .call(() -> batches.hold(selected.batchId(), why, chars(holdPassword)));
        holdPassword = null;
        if (held != null) {
            Messages.info("Batch " + held.batchId() + " is on hold, signed by you"
                    + (deviationId == null ? "." : ", because of deviation " + deviationId + "."), null);
            reload();
        }
    }

    public void classify() {
        if (deviationId == null || deviationId.isBlank()) {
            Messages.error("Choose the deviation to classify.", null);
            return;
        }
        DeviationFacts done = commands.attempt("classify deviation " + deviationId + " (batches screen)")
                .notAllowed("Only a supervisor classifies deviations.")
                .call(() -> deviations.classify(selected.batchId(), deviationId, classification, classifyReason));
        holdPassword = null;
        if (done != null) {
            Messages.info("Deviation " + done.deviationId() + " classified as " + BatchLabels.label(done.classification())
                    + ". QA closes it in the batch's review.", null);
            classifyReason = null;
            classification = null;
            deviationId = null;
            reload();
        }
    }

    /** A supervisor's signed override of the training gate for one operator's next entry on a step. */
    public void override() {
        if (overrideStep == null || overrideStep.isBlank()) {
            Messages.error("Choose the step the override is for.", null);
            return;
        }
        Overrides.OverrideFacts done = commands.attempt("override the training gate on batch " + selected.batchId()
                        + " (batches screen)")
                .notAllowed("Only a supervisor overrides a gate.")
                .call(() -> overrides.grant(selected.batchId(), overrideStep, new Overrides.OverrideCommand("TRAINING",
                        overrideOperator, overrideReason, chars(overridePassword))));
        overridePassword = null;
        if (done != null) {
            Messages.info("Training gate of step " + done.stepId() + " overridden for " + done.operator()
                    + "'s next entry, signed by you; deviation " + done.deviationId() + " raised.", null);
            overrideStep = null;
            overrideOperator = null;
            overrideReason = null;
            reload();
        }
    }

    private void signed(Supplier<BatchSummary> command, String verb, java.util.function.Function<BatchSummary, String> said) {
        changed(command, verb, "Only a supervisor may " + verb + " a batch.", said);
        password = null;
    }

    /** Runs a status change; on success says so and shows the batch again; true if it went through. */
    private boolean changed(Supplier<BatchSummary> command, String verb, String notAllowed,
                            java.util.function.Function<BatchSummary, String> said) {
        BatchSummary done = commands.attempt(verb + " batch " + selected.batchId() + " (batches screen)")
                .notAllowed(notAllowed).call(command);
        if (done == null) {
            return false;
        }
        Messages.info(said.apply(done), null);
        statusReason = null;
        reload();
        return true;
    }

    private void reload() {
        list();
        if (batchId != null) {
            select(batchId);
        }
    }

    private static char[] chars(String secret) {
        return secret == null || secret.isEmpty() ? null : secret.toCharArray();
    }

    // --- what the page shows -------------------------------------------------------------------------

    public boolean supervisor() {
        return external.isUserInRole("SUPERVISOR");
    }

    /** The roles of the batch record (Batches.record); the warehouse reads the list only. */
    public boolean readsRecord() {
        return Arrays.stream(new String[] {"OPERATOR", "SUPERVISOR", "QA_REVIEWER", "QA_RELEASER", "INSPECTOR"})
                .anyMatch(external::isUserInRole);
    }

    private boolean readsDeviations() {
        return readsRecord();
    }

    public String label(String code) {
        return BatchLabels.label(code);
    }

    public String quantity(BigDecimal value) {
        return BatchLabels.quantity(value);
    }

    public String classificationCode(DeviationFacts d) {
        return d.classification() == null ? "UNCLASSIFIED" : d.classification();
    }

    public String progress() {
        if (selected == null) {
            return "";
        }
        long done = selected.steps().stream().filter(s -> "DONE".equals(s.state())).count();
        return BatchLabels.progress((int) done, selected.steps().size());
    }

    public int openDeviations() {
        return (int) selectedDeviations.stream().filter(d -> "OPEN".equals(d.status())).count();
    }

    /** Who dispatched the batch and when, from its status history; empty before it is dispatched. */
    public BatchDetail.StatusEvent dispatched() {
        return selected == null ? null : selected.events().stream().filter(e -> "READY".equals(e.to())
                && "PLANNED".equals(e.from())).findFirst().orElse(null);
    }

    public boolean mayDispatch() {
        return supervisor() && selected != null && "PLANNED".equals(selected.status());
    }

    public boolean mayHold() {
        return supervisor() && selected != null && ("READY".equals(selected.status()) || "IN_PROGRESS".equals(selected.status()));
    }

    /** A gate is overridden on a batch that takes entries, for a step that requires training and has no entry yet. */
    public boolean mayOverride() {
        return mayHold() && !getOverrideSteps().isEmpty();
    }

    public List<BatchDetail.StepDetail> getOverrideSteps() {
        return selected == null ? List.of() : selected.steps().stream().filter(st -> !st.qualifications().isEmpty())
                .filter(st -> "AVAILABLE".equals(st.state()) || "WAITING".equals(st.state())).toList();
    }

    public String joined(List<String> values) {
        return String.join(", ", values);
    }

    public boolean mayResume() {
        return supervisor() && selected != null && "ON_HOLD".equals(selected.status());
    }

    /** Whether the selected batch takes no more status changes. */
    public boolean closed() {
        return selected != null && CLOSED.contains(selected.status());
    }

    public boolean mayAbort() {
        return supervisor() && selected != null && !CLOSED.contains(selected.status());
    }

    public List<DeviationFacts> getOpenDeviationChoices() {
        return selectedDeviations.stream().filter(d -> "OPEN".equals(d.status())).toList();
    }

    public List<String> getStatuses() { return STATUSES; }
    public List<String> getClassifications() { return List.of("MINOR", "MAJOR", "CRITICAL"); }
    public List<String> getUnits() { return List.of("L", "mL", "kg", "g"); }
    public List<Recipes.RecipeSummary> getEffective() { return effective; }
    public BatchDetail getSelected() { return selected; }
    public List<DeviationFacts> getDeviations() { return selectedDeviations; }
    public String getOverrideStep() { return overrideStep; }
    public void setOverrideStep(String value) { overrideStep = value; }
    public String getOverrideOperator() { return overrideOperator; }
    public void setOverrideOperator(String value) { overrideOperator = value; }
    public String getOverrideReason() { return overrideReason; }
    public void setOverrideReason(String value) { overrideReason = value; }
    public String getOverridePassword() { return overridePassword; }
    public void setOverridePassword(String value) { overridePassword = value; }
    public String getBatchId() { return batchId; }
    public void setBatchId(String value) { batchId = value; }
    public String getStatus() { return status; }
    public void setStatus(String value) { status = value; }
    public String getRecipeId() { return recipeId; }
    public void setRecipeId(String value) { recipeId = value; }
    public BigDecimal getPlannedQuantity() { return plannedQuantity; }
    public void setPlannedQuantity(BigDecimal value) { plannedQuantity = value; }
    public String getUnit() { return unit; }
    public void setUnit(String value) { unit = value; }
    public String getCreateReason() { return createReason; }
    public void setCreateReason(String value) { createReason = value; }
    public String getLine() { return line; }
    public void setLine(String value) { line = value; }
    public String getStatusReason() { return statusReason; }
    public void setStatusReason(String value) { statusReason = value; }
    public String getPassword() { return password; }
    public void setPassword(String value) { password = value; }
    public String getDeviationId() { return deviationId; }
    public void setDeviationId(String value) { deviationId = value; }
    public String getClassification() { return classification; }
    public void setClassification(String value) { classification = value; }
    public String getClassifyReason() { return classifyReason; }
    public void setClassifyReason(String value) { classifyReason = value; }
    public String getHoldPassword() { return holdPassword; }
    public void setHoldPassword(String value) { holdPassword = value; }
}
