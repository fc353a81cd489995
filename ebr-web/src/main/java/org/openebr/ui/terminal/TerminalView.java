package org.openebr.ui.terminal;

import jakarta.faces.context.ExternalContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Supplier;
import org.openebr.batch.boundary.BatchDetail;
import org.openebr.batch.boundary.BatchDetail.StepDetail;
import org.openebr.batch.boundary.BatchRecord;
import org.openebr.batch.boundary.BatchSummary;
import org.openebr.batch.boundary.Batches;
import org.openebr.batch.boundary.DeviationFacts;
import org.openebr.batch.boundary.Deviations;
import org.openebr.batch.boundary.EntryCommand;
import org.openebr.batch.boundary.EntryFacts;
import org.openebr.batch.boundary.EntryOutcome;
import org.openebr.batch.boundary.Execution;
import org.openebr.equipment.boundary.Equipment;
import org.openebr.labeling.boundary.ScanKind;
import org.openebr.labeling.boundary.ScanService;
import org.openebr.labeling.boundary.Scanned;
import org.openebr.material.boundary.ContainerFacts;
import org.openebr.material.boundary.Containers;
import org.openebr.platform.boundary.DomainException;
import org.openebr.ui.Commands;
import org.openebr.ui.Messages;
import org.openebr.ui.SiteView;
import org.openebr.ui.signature.SignatureDialogView;

/**
 * The operator terminal: the batches ready or running as tiles; for the chosen batch its current
 * steps as cards (available, and recorded or performed ones waiting for a signature), the done
 * ones in a short list, the waiting ones named but not actionable. Every entry goes to the
 * server at once ({@link Execution}); what the server judged or refused is said at the card the
 * operator pressed, never as a page message somewhere else. One scan field takes what a barcode
 * scanner types and gives it to the card that needs it.
 */
@Named("terminal")
@ViewScoped
public class TerminalView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    Batches batches;

    @Inject
    Execution execution;

    @Inject
    org.openebr.mde.boundary.MachineReadings machine;

    @Inject
    Deviations deviations;

    @Inject
    org.openebr.mde.boundary.Alarms alarms;

    @Inject
    org.openebr.batch.boundary.OperationEvents operationEvents;

    @Inject
    ScanService scanService;

    @Inject
    Containers containers;

    @Inject
    Equipment equipment;

    @Inject
    Commands commands;

    @Inject
    SignatureDialogView signatureDialog;

    @Inject
    SiteView site;

    @Inject
    ExternalContext external;

    /** What the server said about the last action on a card: its words and whether it went through. */
    public record CardNote(String text, boolean ok, String judgement, String deviationId) implements Serializable {
    }

    private String batchId;
    private BatchDetail batch;
    private List<BatchSummary> tiles = List.of();
    private Map<String, List<EntryFacts>> entriesByStep = Map.of();
    private final Map<String, String> values = new HashMap<>();
    private final Map<String, String> reasons = new HashMap<>();
    private final Map<String, String> correcting = new HashMap<>();
    private final Map<String, String> deviationTexts = new HashMap<>();
    private final Map<String, CardNote> notes = new HashMap<>();
    /** The live machine values of one request (the page asks for each several times while it renders). */
    private transient Map<String, org.openebr.mde.boundary.MachineReadings.Live> liveValues = new HashMap<>();
    private transient Object liveRequest;
    private String scan;
    private CardNote scanNote;
    private UUID seenSignature;
    private String signStep;
    private String signMeaning;
    /** The equipment alarms of the batch the operator has to see: active, or not yet acknowledged. */
    private List<org.openebr.mde.boundary.Alarms.AlarmFacts> alarmList = List.of();
    private final Map<Long, String> alarmComments = new HashMap<>();
    private final Map<Long, CardNote> alarmNotes = new HashMap<>();
    private CardNote alarmDone;
    /** The downtime, scrap or rework being entered: operation, kind, cause, from, to, quantity, unit, comment. */
    private final Map<String, String> loss = new HashMap<>();
    private CardNote lossNote;
    private List<org.openebr.batch.boundary.OperationEvents.OperationFacts> operationList = List.of();

    /** Called by the page's view action, with the batch from the address when there is one. */
    public void load() {
        commands.attempt("open the operator terminal").notAllowed("Operators and supervisors use the terminal.")
                .run(this::reload);
    }

    private void reload() {
        if (batchId == null || batchId.isBlank()) {
            batch = null;
            List<BatchSummary> shown = new ArrayList<>(batches.list("IN_PROGRESS"));
            shown.addAll(batches.list("READY"));
            tiles = shown;
            return;
        }
        BatchRecord record = batches.record(batchId.strip());
        batch = record.batch();
        Map<String, List<EntryFacts>> byStep = new HashMap<>();
        for (EntryFacts e : record.entries()) {
            if (!"SAMPLE_RESULT".equals(e.kind())) {
                byStep.computeIfAbsent(e.stepId(), k -> new ArrayList<>()).add(e);
            }
        }
        entriesByStep = byStep;
        alarmList = alarmsToSee();
        operationList = operationEvents.operations(batch.batchId());
    }

    // ---- downtime, scrap and rework of an operation (MES-BDE-1)

    /** The cause codes the chosen kind offers (downtime unless another is chosen). */
    public List<String> lossCauses() {
        return org.openebr.batch.boundary.OperationEvents.causes().getOrDefault(loss.getOrDefault("kind", "DOWNTIME"),
                List.of());
    }

    /** A cause code in words: EQUIPMENT_FAILURE is "equipment failure". */
    public String causeWords(String cause) {
        return cause == null ? "" : cause.replace('_', ' ').toLowerCase();
    }

    /**
     * Records what the form says. Times are typed as the clock on the wall shows them (HH:mm, the site's time
     * zone) for today; a time later than now is yesterday's (a downtime over midnight).
     */
    public void recordLoss() {
        lossNote = null;
        String kind = loss.getOrDefault("kind", "DOWNTIME");
        java.time.Instant from;
        java.time.Instant to;
        try {
            from = wallClock(loss.get("from"));
            to = wallClock(loss.get("to"));
        } catch (java.time.format.DateTimeParseException notATime) {
            lossNote = new CardNote("NOT saved. Type the times as the clock shows them, e.g. 14:05.", false, null, null);
            return;
        }
        if (from != null && to != null && to.isBefore(from)) {
            from = from.minus(java.time.Duration.ofDays(1));
        }
        boolean downtime = "DOWNTIME".equals(kind);
        var command = new org.openebr.batch.boundary.OperationEventCommand(kind, blankToNull(loss.get("cause")),
                downtime ? from : null, downtime ? to : null, downtime ? null : blankToNull(loss.get("quantity")),
                downtime ? null : blankToNull(loss.get("unit")), blankToNull(loss.get("comment")), null, null);
        String operation = loss.get("operation");
        var done = commands.attempt("record " + kind.toLowerCase() + " of operation " + operation + " (operator terminal)")
                .notAllowed("Your roles do not allow this; operators and supervisors record downtime, scrap and rework.")
                .refused(rule -> lossNote = new CardNote("NOT saved. " + rule.getMessage(), false, null, null))
                .call(() -> operationEvents.record(batch.batchId(), operation, command));
        if (done != null) {
            lossNote = new CardNote("Saved on the server at " + time(done.recordedAt()) + ": " + kind.toLowerCase()
                    + " " + causeWords(done.cause()) + (done.minutes() == null ? ", " + done.quantity().toPlainString()
                    + " " + done.unit() : ", " + done.minutes().toPlainString() + " min") + " (event " + done.seq() + ").",
                    true, null, null);
            String keepOperation = loss.get("operation");
            loss.clear();
            loss.put("operation", keepOperation);
            loss.put("kind", kind);
            commands.attempt("open the operator terminal").run(this::reload);
        }
    }

    private java.time.Instant wallClock(String typed) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        java.time.ZoneId zone = java.time.ZoneId.of(site.zone());
        java.time.ZonedDateTime now = java.time.ZonedDateTime.now(zone);
        java.time.ZonedDateTime at = java.time.LocalTime.parse(typed.strip()).atDate(now.toLocalDate()).atZone(zone);
        return (at.isAfter(now.plusMinutes(2)) ? at.minusDays(1) : at).toInstant();
    }

    /** The downtime, scrap and rework recorded on the batch so far, newest first. */
    public List<org.openebr.batch.boundary.OperationEvents.OperationEventFacts> losses() {
        return operationList.stream().flatMap(o -> o.events().stream())
                .sorted(java.util.Comparator.comparingInt(
                        org.openebr.batch.boundary.OperationEvents.OperationEventFacts::seq).reversed()).toList();
    }

    // ---- equipment alarms of the batch (A11D-8-1)

    private List<org.openebr.mde.boundary.Alarms.AlarmFacts> alarmsToSee() {
        return alarms.alarms(batch.batchId(), 100).stream().filter(a -> a.active() || a.acknowledgedBy() == null)
                .sorted(java.util.Comparator.comparingLong(org.openebr.mde.boundary.Alarms.AlarmFacts::id)).toList();
    }

    /**
     * Asked by the page every few seconds: an alarm that came, cleared or was acknowledged elsewhere is shown;
     * the alarm panel is drawn again only then, so a comment being typed is not wiped by the poll.
     */
    public void refreshAlarms() {
        if (batch == null) {
            return;
        }
        List<org.openebr.mde.boundary.Alarms.AlarmFacts> now = commands.attempt("read the equipment alarms (operator"
                + " terminal)").call(this::alarmsToSee);
        if (now != null && !now.equals(alarmList)) {
            alarmList = now;
            org.primefaces.PrimeFaces.current().ajax().update("@(.ebr-terminal-alarms-area)");
        }
    }

    /** Acknowledges an alarm with the comment typed beside it; what the server said is shown at the alarm. */
    public void acknowledge(long alarmId) {
        alarmNotes.remove(alarmId);
        String comment = alarmComments.get(alarmId);
        var done = commands.attempt("acknowledge equipment alarm " + alarmId + " (operator terminal)")
                .notAllowed("Your roles do not allow this; operators and supervisors acknowledge alarms.")
                .refused(rule -> alarmNotes.put(alarmId, new CardNote("NOT acknowledged. " + rule.getMessage(), false,
                        null, null)))
                .call(() -> alarms.acknowledge(alarmId, comment));
        if (done != null) {
            alarmComments.remove(alarmId);
            // an acknowledged alarm that has cleared leaves the list: what was done is said above it
            alarmDone = new CardNote("Alarm " + done.tag() + " on " + done.equipmentId() + " acknowledged by "
                    + done.acknowledgedBy() + " at " + time(done.acknowledgedAt()) + ".", true, null, null);
            commands.attempt("open the operator terminal").run(this::reload);
        }
    }

    /** An alarm as the operator reads it: what, where, since when, and whether it is still active. */
    public String alarmWords(org.openebr.mde.boundary.Alarms.AlarmFacts a) {
        return a.tag() + " on " + a.equipmentId() + (a.stepId() == null ? "" : " during step " + a.stepId())
                + ", raised " + time(a.raisedAt()) + (a.active() ? ": ACTIVE" : ", cleared " + time(a.clearedAt()))
                + (a.deviationId() == null ? "" : ". Deviation " + a.deviationId() + " raised");
    }

    /** After a signature in the dialog the cards show where the step stands now. */
    public void catchUpWithSigning() {
        if (batch == null || !signatureDialog.isSigned()) {
            return;
        }
        var signature = signatureDialog.getSignature();
        if (Batches.STEP_RECORD_TYPE.equals(signature.recordType()) && !signature.id().equals(seenSignature)) {
            seenSignature = signature.id();
            String step = signature.recordId().substring(signature.recordId().indexOf(':') + 1);
            notes.put(step, new CardNote("Signed " + signature.meaning() + " by " + signature.printedName() + ".", true,
                    null, null));
            commands.attempt("open the operator terminal").run(this::reload);
        }
    }

    // ---- the cards

    /** The steps to work on now: available ones and recorded or performed ones waiting for a signature. */
    public List<StepDetail> current() {
        return batch == null ? List.of() : batch.steps().stream()
                .filter(s -> switch (s.state()) {
                    case "AVAILABLE", "RECORDED", "PERFORMED" -> true;
                    default -> false;
                }).toList();
    }

    public List<StepDetail> done() {
        return batch == null ? List.of() : batch.steps().stream().filter(s -> "DONE".equals(s.state())).toList();
    }

    public List<StepDetail> waiting() {
        return batch == null ? List.of() : batch.steps().stream().filter(s -> "WAITING".equals(s.state())).toList();
    }

    /** The entries of a step that a later one corrects: shown struck through, still readable, with who and when. */
    public List<EntryFacts> corrected(String stepId) {
        List<EntryFacts> all = entriesByStep.getOrDefault(stepId, List.of());
        return all.size() < 2 ? List.of() : all.subList(0, all.size() - 1);
    }

    public boolean everyStepDone() {
        return batch != null && "IN_PROGRESS".equals(batch.status()) && batch.steps().stream()
                .allMatch(s -> "DONE".equals(s.state()));
    }

    public List<DeviationFacts> openDeviations() {
        return batch == null ? List.of() : batch.deviations().stream().filter(d -> !"CLOSED".equals(d.status())).toList();
    }

    /** The performer signs PERFORMED: the one who recorded the step. */
    public boolean maySignPerformed(StepDetail s) {
        return "RECORDED".equals(s.state()) && me().equalsIgnoreCase(String.valueOf(s.recordedBy()));
    }

    /** A second person signs VERIFIED, never the performer. */
    public boolean maySignVerified(StepDetail s) {
        return "PERFORMED".equals(s.state()) && s.verifierRequired()
                && !me().equalsIgnoreCase(String.valueOf(s.performedBy()));
    }

    public boolean takesEntry(StepDetail s) {
        return "AVAILABLE".equals(s.state());
    }

    /** Whether a recorded value of this step may be corrected here (what went in, or which unit, is a deviation). */
    public boolean correctable(StepDetail s) {
        return !"AVAILABLE".equals(s.state()) && !"MATERIAL_CHARGE".equals(s.type()) && !"EQUIPMENT_CHECK".equals(s.type())
                && !"CALCULATION".equals(s.type()) && "IN_PROGRESS".equals(batch.status());
    }

    public boolean numeric(StepDetail s) {
        return "NUMERIC_ENTRY".equals(s.type()) || "MACHINE_VALUE".equals(s.type());
    }

    public boolean scanned(StepDetail s) {
        return "MATERIAL_CHARGE".equals(s.type()) || "EQUIPMENT_CHECK".equals(s.type()) || "SAMPLING".equals(s.type());
    }

    public String recordId(StepDetail s) {
        return batch.batchId() + ":" + s.stepId();
    }

    public String signSummary(StepDetail s) {
        return "Step '" + s.name() + "' of batch " + batch.batchId() + ": " + shown(s.current());
    }

    /** A card's Sign button: the one signature dialog of the page, for this step and meaning. */
    public void openSigning(String stepId, String meaning) {
        StepDetail s = step(stepId);
        if (s == null) {
            return;
        }
        signStep = stepId;
        signMeaning = meaning;
        signatureDialog.open(Batches.STEP_RECORD_TYPE, recordId(s), meaning, signSummary(s));
    }

    public String getSignRecordId() {
        return batch == null || signStep == null ? "" : batch.batchId() + ":" + signStep;
    }

    public String getSignMeaning() {
        return signMeaning == null ? "PERFORMED" : signMeaning;
    }

    public String getSignSummaryText() {
        StepDetail s = signStep == null ? null : step(signStep);
        return s == null ? "" : signSummary(s);
    }

    /** What an entry recorded, in words. */
    public String shown(EntryFacts e) {
        if (e == null) {
            return "";
        }
        if (e.value() != null) {
            return e.value().toPlainString() + " " + Objects.toString(e.unit(), "");
        }
        if (e.text() != null) {
            return e.text();
        }
        if (e.containerId() != null) {
            return "container " + e.containerId() + (e.lotId() == null ? "" : " (lot " + e.lotId() + ")");
        }
        if (e.equipmentId() != null) {
            return e.equipmentId();
        }
        if (e.sampleId() != null) {
            return "sample " + e.sampleId();
        }
        return e.acknowledged() ? "done (acknowledged)" : "";
    }

    public String stateWords(String state) {
        return switch (state) {
            case "AVAILABLE" -> "To do";
            case "RECORDED" -> "Recorded - sign it";
            case "PERFORMED" -> "Waiting for verifier";
            case "DONE" -> "Done";
            case "WAITING" -> "Waiting";
            default -> state;
        };
    }

    public String judgementWords(String judgement) {
        return judgement == null ? "" : switch (judgement) {
            case "IN_SPEC" -> "IN SPEC";
            case "ALERT" -> "ALERT";
            case "OUT_OF_SPEC" -> "OUT OF SPEC";
            default -> judgement;
        };
    }

    /** Target and limits as scaled for this batch, in one line. */
    public String limits(StepDetail s) {
        List<String> parts = new ArrayList<>();
        String unit = s.unit() == null ? "" : " " + s.unit();
        if (s.target() != null) {
            parts.add("target " + s.target().toPlainString() + unit);
        }
        if (s.lower() != null || s.upper() != null) {
            parts.add("limits " + range(s.lower(), s.upper()) + unit);
        }
        if (s.alertLower() != null || s.alertUpper() != null) {
            parts.add("alert outside " + range(s.alertLower(), s.alertUpper()) + unit);
        }
        if (s.charge() != null) {
            var c = s.charge();
            parts.add("charge " + c.material() + " " + c.quantity().toPlainString() + " " + c.unit()
                    + (c.lower() != null && c.upper() != null && c.lower().compareTo(c.upper()) != 0
                    ? " (" + c.lower().toPlainString() + " to " + c.upper().toPlainString() + " " + c.unit() + ")" : ""));
        }
        if (s.equipmentClass() != null) {
            parts.add(s.equipmentClass() + (s.equipmentChecks() == null || s.equipmentChecks().isEmpty() ? ""
                    : ": " + String.join(", ", s.equipmentChecks()).toLowerCase(Locale.ROOT).replace('_', ' ')));
        }
        if (s.formula() != null) {
            parts.add("computed: " + s.formula());
        }
        return String.join("; ", parts);
    }

    private static String range(BigDecimal lower, BigDecimal upper) {
        if (lower != null && upper != null) {
            return lower.toPlainString() + " to " + upper.toPlainString();
        }
        return lower != null ? "at least " + lower.toPlainString() : "at most " + upper.toPlainString();
    }

    public String progress(BatchSummary b) {
        return b.stepsDone() + " of " + b.steps() + " steps done" + (b.openDeviations() == 0 ? ""
                : ", " + b.openDeviations() + " open deviation" + (b.openDeviations() == 1 ? "" : "s"));
    }

    /** Done steps in tens of per cent: the width class of the tile's progress bar (no inline styles under the CSP). */
    public int percent(BatchSummary b) {
        return b.steps() == 0 ? 0 : b.stepsDone() * 10 / b.steps() * 10;
    }

    /** A quantity as a person writes it: 45 L, not 45.000000 L. */
    public String quantity(BigDecimal value) {
        return value == null ? "" : value.stripTrailingZeros().toPlainString();
    }

    public String joined(List<String> items) {
        return items == null ? "" : String.join(", ", items);
    }

    public String time(java.time.Instant instant) {
        return site.display(instant);
    }

    // ---- actions

    /** The entry of a card, by its step type; saved on the server at once. */
    public void enter(String stepId) {
        StepDetail s = step(stepId);
        if (s == null) {
            return;
        }
        String value = blankToNull(values.get(stepId));
        String reason = blankToNull(reasons.get(stepId));
        EntryCommand command = switch (s.type()) {
            case "NUMERIC_ENTRY", "MACHINE_VALUE" -> new EntryCommand(value, s.unit(), null, null, null, null, null, null,
                    reason, null);
            case "TEXT_ENTRY" -> new EntryCommand(null, null, value, null, null, null, null, null, reason, null);
            case "CHOICE_ENTRY" -> new EntryCommand(null, null, null, value, null, null, null, null, reason, null);
            case "MATERIAL_CHARGE" -> new EntryCommand(null, null, null, null, null, value, null, null, reason, null);
            case "EQUIPMENT_CHECK" -> new EntryCommand(null, null, null, null, null, null, value, null, reason, null);
            case "SAMPLING" -> new EntryCommand(null, null, null, null, null, null, null, value, reason, null);
            default -> new EntryCommand(null, null, null, null, Boolean.TRUE, null, null, null, reason, null);
        };
        EntryOutcome outcome = atCard(stepId, "record step " + stepId + " (operator terminal)",
                () -> execution.enter(batch.batchId(), stepId, command));
        if (outcome != null) {
            saved(stepId, outcome, "Saved", "");
        }
    }

    /**
     * Reads the step's tag from the equipment now and records it with its status code, quality and time stamps;
     * a reason typed on the card goes with it (needed when the value is not Good or not plausible).
     */
    public void capture(String stepId) {
        StepDetail s = step(stepId);
        if (s == null) {
            return;
        }
        EntryCommand command = new EntryCommand(null, null, null, null, Boolean.TRUE, null, null, null,
                blankToNull(reasons.get(stepId)), null);
        EntryOutcome outcome = atCard(stepId, "capture step " + stepId + " from the machine (operator terminal)",
                () -> execution.enter(batch.batchId(), stepId, command));
        if (outcome != null) {
            saved(stepId, outcome, "Captured from the machine", "");
        }
    }

    /** What the equipment says now for a MACHINE_VALUE step, read once per page render. */
    public org.openebr.mde.boundary.MachineReadings.Live live(StepDetail s) {
        Object request = jakarta.faces.context.FacesContext.getCurrentInstance();
        if (liveValues == null || liveRequest != request) {
            liveValues = new HashMap<>();
            liveRequest = request;
        }
        return liveValues.computeIfAbsent(s.stepId(), id -> machine.live(batch.batchId(), s.tag()));
    }

    /** The live value in words: value and unit, its quality, where and when it was measured. */
    public String liveWords(StepDetail s) {
        org.openebr.mde.boundary.MachineReadings.Live l = live(s);
        if (l.problem() != null) {
            return l.problem();
        }
        return (l.value() == null ? "no number" : java.math.BigDecimal.valueOf(l.value()).stripTrailingZeros()
                .toPlainString() + " " + s.unit()) + " from " + l.equipmentId() + ", status " + l.status()
                + (l.sourceTime() == null ? "" : ", measured " + time(l.sourceTime()))
                + (l.plausibility() == null ? "" : "; not plausible: " + l.plausibility())
                + (s.statistic() == null ? "" : ". The step records the " + statisticWords(s.statistic())
                + " of the values since it opened.");
    }

    /** What a statistic step records, in words. */
    public String statisticWords(String statistic) {
        return switch (statistic == null ? "" : statistic) {
            case "MEAN" -> "mean";
            case "MIN" -> "lowest";
            case "MAX" -> "highest";
            case "RANGE" -> "range";
            case "SD" -> "standard deviation";
            default -> "value";
        };
    }

    /** Whether a MACHINE_VALUE card waits for its value (the page then refreshes the live values). */
    public boolean machineCardOpen() {
        return current().stream().anyMatch(s -> "MACHINE_VALUE".equals(s.type()) && takesEntry(s));
    }

    /** An answer of a choice step, pressed as one of its buttons. */
    public void choose(String stepId, String choice) {
        values.put(stepId, choice);
        enter(stepId);
    }

    /** A new value for a recorded step, with its reason; the original stays. */
    public void correct(String stepId) {
        StepDetail s = step(stepId);
        if (s == null) {
            return;
        }
        String value = blankToNull(correcting.get(stepId));
        String reason = blankToNull(reasons.get(stepId));
        EntryCommand command = switch (s.type()) {
            case "NUMERIC_ENTRY", "MACHINE_VALUE" -> new EntryCommand(value, s.unit(), null, null, null, null, null, null,
                    reason, null);
            case "TEXT_ENTRY" -> new EntryCommand(null, null, value, null, null, null, null, null, reason, null);
            case "CHOICE_ENTRY" -> new EntryCommand(null, null, null, value, null, null, null, null, reason, null);
            case "SAMPLING" -> new EntryCommand(null, null, null, null, null, null, null, value, reason, null);
            default -> new EntryCommand(null, null, null, null, Boolean.TRUE, null, null, null, reason, null);
        };
        EntryOutcome outcome = atCard(stepId, "correct step " + stepId + " (operator terminal)",
                () -> execution.correct(batch.batchId(), stepId, command));
        if (outcome != null) {
            correcting.remove(stepId);
            saved(stepId, outcome, "Correction saved", " The original stays in the record; sign the step again.");
        }
    }

    /** A deviation the operator raises on a step, with its description. */
    public void raiseDeviation(String stepId) {
        String description = deviationTexts.get(stepId);
        DeviationFacts raised = atCard(stepId, "raise a deviation on step " + stepId + " (operator terminal)",
                () -> deviations.raise(batch.batchId(), stepId, description));
        if (raised != null) {
            deviationTexts.remove(stepId);
            notes.put(stepId, new CardNote("Deviation " + raised.deviationId() + " raised.", true, null,
                    raised.deviationId()));
        }
    }

    /** Completes the batch once every step is done. */
    public void complete() {
        if (commands.attempt("complete batch " + batch.batchId() + " (operator terminal)")
                .run(() -> batches.complete(batch.batchId(), "every step done and signed"))) {
            Messages.info("Batch " + batch.batchId() + " is COMPLETED and goes to QA review.", null);
            commands.attempt("open the operator terminal").run(this::reload);
        }
    }

    /**
     * What the scanner typed: a container goes to the charge it was dispensed for (else the one charge
     * available), an equipment unit to the check of its class, anything else to the sampling step that
     * waits for a sample id. The card then records it at once, as if the operator had typed it there.
     */
    public void scan() {
        String typed = blankToNull(scan);
        scan = null;
        scanNote = null;
        if (typed == null || batch == null) {
            return;
        }
        List<StepDetail> open = current().stream().filter(this::takesEntry).toList();
        Scanned scanned = null;
        try {
            scanned = scanService.resolve(typed);
        } catch (DomainException unknown) {
            // not a container, lot or unit: it may be a sample id, which only a sampling step knows
            StepDetail sampling = open.stream().filter(s -> "SAMPLING".equals(s.type())).findFirst().orElse(null);
            if (sampling == null) {
                scanNote = new CardNote(unknown.getMessage(), false, null, null);
                return;
            }
            route(sampling, typed.strip());
            return;
        }
        StepDetail target = scanned.kind() == ScanKind.EQUIPMENT ? forEquipment(open, scanned.id())
                : scanned.kind() == ScanKind.CONTAINER ? forContainer(open, scanned.id()) : null;
        if (target == null) {
            scanNote = new CardNote("Scanned " + scanned.description() + ": no step of batch " + batch.batchId()
                    + " waits for a " + scanned.kind().words() + " now.", false, null, null);
            return;
        }
        route(target, scanned.id());
        CardNote atCard = notes.get(target.stepId());
        boolean taken = atCard != null && atCard.ok();
        scanNote = new CardNote("Scanned " + scanned.description() + " for step '" + target.name() + "'"
                + (taken ? "." : ": NOT saved, see the step."), taken, null, null);
    }

    private void route(StepDetail step, String id) {
        values.put(step.stepId(), id);
        enter(step.stepId());
    }

    private StepDetail forContainer(List<StepDetail> open, String containerId) {
        List<StepDetail> charges = open.stream().filter(s -> "MATERIAL_CHARGE".equals(s.type())).toList();
        ContainerFacts container = commands.attempt("read container " + containerId + " (operator terminal)")
                .call(() -> containers.container(containerId));
        if (container != null && batch.batchId().equals(container.batch())) {
            for (StepDetail s : charges) {
                if (s.stepId().equals(container.step())) {
                    return s;
                }
            }
        }
        // not dispensed for an open charge of this batch: the one open charge says why (the material gate)
        return charges.size() == 1 ? charges.get(0) : null;
    }

    private StepDetail forEquipment(List<StepDetail> open, String equipmentId) {
        List<StepDetail> checks = open.stream().filter(s -> "EQUIPMENT_CHECK".equals(s.type())).toList();
        var unit = commands.attempt("read equipment unit " + equipmentId + " (operator terminal)")
                .call(() -> equipment.unit(equipmentId));
        if (unit != null) {
            for (StepDetail s : checks) {
                if (unit.equipmentClass().equalsIgnoreCase(String.valueOf(s.equipmentClass()))) {
                    return s;
                }
            }
        }
        return checks.size() == 1 ? checks.get(0) : null;
    }

    private void saved(String stepId, EntryOutcome outcome, String what, String then) {
        values.remove(stepId);
        reasons.remove(stepId);
        String judged = outcome.judgement() == null ? "" : ": " + judgementWords(outcome.judgement());
        String deviation = outcome.deviationId() == null ? "" : ". Deviation " + outcome.deviationId() + " raised";
        notes.put(stepId, new CardNote(what + " on the server at " + time(outcome.recordedAt()) + judged + deviation + "."
                + then, true, outcome.judgement(), outcome.deviationId()));
        commands.attempt("open the operator terminal").run(this::reload);
    }

    /** Runs a card's command; a refusal is said at that card, large and in words. */
    private <T> T atCard(String stepId, String attempted, Supplier<T> command) {
        notes.remove(stepId);
        T result = commands.attempt(attempted)
                .notAllowed("Your roles do not allow this; operators and supervisors record batch steps.")
                .failed("NOT saved: the server could not record it. Nothing was recorded; try again or call the supervisor.")
                .refused(rule -> notes.put(stepId, new CardNote("NOT saved. " + rule.getMessage(), false, null, null)))
                .call(command);
        if (result == null) {
            // a failure of the server (not a rule) is said at the page too; the card must not look untouched
            notes.putIfAbsent(stepId, new CardNote("NOT saved: the server could not record it. Nothing was recorded;"
                    + " try again or call the supervisor.", false, null, null));
            // the batch may have moved on meanwhile (another terminal): show it as it is now
            commands.attempt("open the operator terminal").run(this::reload);
        }
        return result;
    }

    private StepDetail step(String stepId) {
        return batch == null ? null : batch.steps().stream().filter(s -> s.stepId().equals(stepId)).findFirst().orElse(null);
    }

    private String me() {
        return String.valueOf(external.getRemoteUser());
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    // ---- state of the page

    public String getBatchId() { return batchId; }
    public void setBatchId(String v) { batchId = v; }
    public BatchDetail getBatch() { return batch; }
    public List<BatchSummary> getTiles() { return tiles; }
    public Map<String, String> getValues() { return values; }
    public Map<String, String> getReasons() { return reasons; }
    public Map<String, String> getCorrecting() { return correcting; }
    public Map<String, String> getDeviationTexts() { return deviationTexts; }
    public Map<String, CardNote> getNotes() { return notes; }
    public String getScan() { return scan; }
    public void setScan(String v) { scan = v; }
    public CardNote getScanNote() { return scanNote; }
    public List<org.openebr.mde.boundary.Alarms.AlarmFacts> getAlarmList() { return alarmList; }
    public Map<Long, String> getAlarmComments() { return alarmComments; }
    public Map<Long, CardNote> getAlarmNotes() { return alarmNotes; }
    public CardNote getAlarmDone() { return alarmDone; }
    public Map<String, String> getLoss() { return loss; }
    public CardNote getLossNote() { return lossNote; }
    public List<org.openebr.batch.boundary.OperationEvents.OperationFacts> getOperationList() { return operationList; }
}
