package org.openebr.ui.batch;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.ByteArrayInputStream;
import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.openebr.audit.boundary.AuditEntry;
import org.openebr.audit.boundary.AuditFilter;
import org.openebr.audit.boundary.AuditPage;
import org.openebr.audit.boundary.AuditSort;
import org.openebr.audit.boundary.AuditTrail;
import org.openebr.batch.boundary.BatchSummary;
import org.openebr.batch.boundary.Batches;
import org.openebr.report.boundary.BatchReports;
import org.openebr.review.boundary.BatchReview;
import org.openebr.review.boundary.Reviews;
import org.openebr.signature.boundary.Signatures;
import org.openebr.ui.Commands;
import org.openebr.ui.Messages;
import org.openebr.ui.signature.SignatureDialogView;
import org.primefaces.model.DefaultStreamedContent;
import org.primefaces.model.StreamedContent;

/**
 * QA's review workspace (21 CFR 211.192; PIC/S PI 041 9.8): without a batch, the queue of batches
 * awaiting review and release; with one, its exceptions first (each with its evidence and the
 * disposition form), the open deviations with their closure form, the batch's own audit trail, the
 * REVIEWED signature and, for the releaser, RELEASED or REJECTED; the reports to download.
 */
@Named("review")
@ViewScoped
public class ReviewView implements Serializable {

    private static final long serialVersionUID = 1L;
    /** The newest entries of the batch's trail shown in the workspace; the audit trail screen has all. */
    static final int TRAIL_SHOWN = 50;

    @Inject
    Reviews reviews;

    @Inject
    Batches batches;

    @Inject
    AuditTrail trail;

    @Inject
    BatchReports reports;

    @Inject
    org.openebr.review.boundary.Addenda addendaService;

    @Inject
    Commands commands;

    @Inject
    SignatureDialogView signatureDialog;

    private String batchId;
    private BatchReview batchReview;
    private AuditPage batchTrail;
    private List<BatchSummary> toReview = List.of();
    private List<BatchSummary> toRelease = List.of();
    private final Map<String, String> comments = new HashMap<>();
    private final Map<String, String> rootCauses = new HashMap<>();
    private final Map<String, String> impacts = new HashMap<>();
    private final Map<String, String> capas = new HashMap<>();
    private UUID seenSignature;
    private List<org.openebr.review.boundary.AddendumFacts> addenda = List.of();
    private String addendumSubject;
    private String addendumText;
    private String addendumPassword;

    public void load() {
        if (batchId == null || batchId.isBlank()) {
            toReview = commands.attempt("list batches to review (review screen)")
                    .notAllowed("Your roles do not allow reading batches.").call(() -> batches.list("COMPLETED"));
            toRelease = commands.attempt("list batches to release (review screen)")
                    .notAllowed("Your roles do not allow reading batches.").call(() -> batches.list("REVIEWED"));
            toReview = toReview == null ? List.of() : toReview;
            toRelease = toRelease == null ? List.of() : toRelease;
            return;
        }
        batchReview = commands.attempt("read the review of batch " + batchId + " (review screen)")
                .notAllowed("Your roles do not allow reviewing batches.")
                .call(() -> reviews.review(batchId.strip()));
        if (batchReview != null) {
            List<org.openebr.review.boundary.AddendumFacts> later = commands.attempt("read the addenda of batch " + batchId
                    + " (review screen)").call(() -> addendaService.addenda(batchReview.batchId()));
            addenda = later == null ? List.of() : later;
            batchTrail = commands.attempt("read the audit trail of batch " + batchId + " (review screen)")
                    .notAllowed("Your roles do not allow reading the audit trail.")
                    .call(() -> trail.search(AuditFilter.everything().ofBatch(batchReview.batchId()), 0, TRAIL_SHOWN,
                            AuditSort.newestFirst()));
        }
    }

    /** After a signature made in the dialog (which moved the batch's status), the page reads the batch again. */
    public void catchUpWithSigning() {
        if (batchReview == null || !signatureDialog.isSigned()) {
            return;
        }
        Signatures.Manifestation signature = signatureDialog.getSignature();
        if (Batches.DECISION_RECORD_TYPE.equals(signature.recordType()) && batchReview.batchId().equals(signature.recordId())
                && !signature.id().equals(seenSignature)) {
            seenSignature = signature.id();
            load();
        }
    }

    /** The exception the pressed button belongs to (a request parameter rendered with its row). */
    private static String pressedFor() {
        return jakarta.faces.context.FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap()
                .get("exception");
    }

    public void dispose(String decision) {
        String exceptionId = pressedFor();
        BatchReview.Finding done = commands.attempt("disposition exception " + exceptionId + " of batch " + batchId
                        + " (review screen)")
                .notAllowed("Only a QA reviewer dispositions exceptions.")
                .call(() -> reviews.disposition(batchReview.batchId(), exceptionId, decision, comments.get(exceptionId)));
        if (done != null) {
            comments.remove(exceptionId);
            load();
            Messages.info(exceptionId + ": " + done.disposition() + " recorded.", null);
        }
    }

    public void close() {
        String deviationId = pressedFor();
        Object closed = commands.attempt("close deviation " + deviationId + " of batch " + batchId + " (review screen)")
                .notAllowed("Only a QA reviewer closes deviations.")
                .call(() -> reviews.closeDeviation(batchReview.batchId(), deviationId, rootCauses.get(deviationId),
                        impacts.get(deviationId), capas.get(deviationId)));
        if (closed != null) {
            load();
            Messages.info("Deviation " + deviationId + " is closed.", null);
        }
    }

    /** Adds the addendum, signed with the password typed with it. */
    public void addAddendum() {
        char[] password = addendumPassword == null ? null : addendumPassword.toCharArray();
        addendumPassword = null;
        org.openebr.review.boundary.AddendumFacts added = commands.attempt("add an addendum to batch " + batchId
                        + " (review screen)")
                .notAllowed("Only QA adds an addendum.")
                .call(() -> addendaService.add(batchReview.batchId(), addendumSubject, addendumText, password));
        if (added != null) {
            addendumSubject = null;
            addendumText = null;
            load();
            Messages.info("Addendum " + added.addendum() + " is added and signed.", null);
        }
    }

    public boolean isDecided() {
        return "RELEASED".equals(status()) || "REJECTED".equals(status());
    }

    public StreamedContent download(String which) {
        BatchReports.Document file = commands.attempt("download the " + which + " of batch " + batchId + " (review screen)")
                .notAllowed("Your roles do not allow the batch's documents.")
                .failed("The document could not be made. The server log has the details.")
                .call(() -> switch (which) {
                    case "report" -> reports.report(batchReview.batchId());
                    case "exceptions" -> reports.exceptionReport(batchReview.batchId());
                    case "signatures" -> reports.signatureBundles(batchReview.batchId());
                    case "xml" -> reports.recordXml(batchReview.batchId());
                    default -> reports.recordJson(batchReview.batchId());
                });
        if (file == null) {
            return null;
        }
        return DefaultStreamedContent.builder().name(file.fileName()).contentType(file.contentType())
                .contentLength((long) file.content().length).stream(() -> new ByteArrayInputStream(file.content())).build();
    }

    /** What the reviewer or releaser signs, in words: the dialog shows it. */
    public String summaryForSigning(String meaning) {
        if (batchReview == null) {
            return "";
        }
        long deviations = batchReview.exceptions().stream().filter(x -> x.kind().startsWith("DEVIATION")).count();
        return meaning + ": batch " + batchReview.batchId() + " of " + batchReview.product() + "; "
                + batchReview.exceptions().size() + " exception" + (batchReview.exceptions().size() == 1 ? "" : "s")
                + " dispositioned (" + deviations + " deviation" + (deviations == 1 ? "" : "s") + " closed), "
                + batchReview.checked().size() + " step" + (batchReview.checked().size() == 1 ? "" : "s")
                + " checked by the system without exception"
                + (batchTrail == null ? "" : "; its audit trail of " + batchTrail.total() + " entries reviewed");
    }

    public boolean isDisposable(BatchReview.Finding x) {
        return "COMPLETED".equals(status()) && !x.kind().startsWith("DEVIATION");
    }

    public boolean isClosable(BatchReview.Finding x) {
        return "COMPLETED".equals(status()) && "DEVIATION_OPEN".equals(x.kind());
    }

    public long undispositioned() {
        return batchReview == null ? 0 : batchReview.exceptions().stream()
                .filter(x -> x.decided() == null && !x.kind().startsWith("DEVIATION")).count();
    }

    public long openDeviations() {
        return batchReview == null ? 0 : batchReview.exceptions().stream()
                .filter(x -> "DEVIATION_OPEN".equals(x.kind())).count();
    }

    public String status() {
        return batchReview == null ? null : batchReview.status();
    }

    public String label(String code) {
        return BatchLabels.label(code);
    }

    /** An exception's kind in words. */
    public String kind(String code) {
        return KINDS.getOrDefault(code, BatchLabels.label(code));
    }

    /** The disposition line of an exception: its latest decision, or what is still to do. */
    public String disposition(BatchReview.Finding x) {
        if (x.decided() != null) {
            return x.decided().decision().equals("ACCEPTED") ? "Accepted" : "Needs investigation";
        }
        return switch (x.kind()) {
            case "DEVIATION_OPEN" -> "Open: close it with root cause, impact and CAPA reference";
            case "DEVIATION_CLOSED" -> "Closed (root cause, impact and CAPA in the evidence)";
            default -> "Not dispositioned";
        };
    }

    static final Map<String, String> KINDS = Map.ofEntries(
            Map.entry("OUT_OF_LIMITS", "Value out of limits"),
            Map.entry("CALCULATION_OUT_OF_LIMITS", "Computed value out of limits"),
            Map.entry("SAMPLE_RESULT_OUT_OF_LIMITS", "Sample result out of limits"),
            Map.entry("ALERT", "Beyond an alert limit"),
            Map.entry("CORRECTION", "Correction"),
            Map.entry("LATE_ENTRY", "Late entry"),
            Map.entry("MANUAL_MACHINE_VALUE", "Machine value typed by hand"),
            Map.entry("MACHINE_VALUE_QUALITY", "Machine value not Good or not plausible"),
            Map.entry("DEVIATION_OPEN", "Open deviation"),
            Map.entry("DEVIATION_CLOSED", "Closed deviation"),
            Map.entry("GATE_REFUSAL", "Gate refusal"),
            Map.entry("GATE_OVERRIDE", "Gate override"),
            Map.entry("HOLD", "Batch held"),
            Map.entry("ABORT", "Batch aborted"),
            Map.entry("SIGNATURE_INVALID", "Signature does not verify"),
            Map.entry("SAMPLE_RESULT_MISSING", "Sample result missing"),
            Map.entry("STEP_NOT_DONE", "Step not done"),
            Map.entry("CHANGED_AFTER_COMPLETION", "Recorded after completion"));

    public String plural(long count, String one, String many) {
        return count + " " + (count == 1 ? one : many);
    }

    /** A trail entry in one line: what changed. */
    public String changes(AuditEntry entry) {
        return entry.changes().stream().limit(4).map(c -> c.field() + ": " + (c.oldValue() == null ? "" : c.oldValue()
                + " \u2192 ") + c.newValue()).reduce((a, b) -> a + "; " + b).orElse("");
    }

    public List<org.openebr.review.boundary.AddendumFacts> getAddenda() { return addenda; }
    public String getAddendumSubject() { return addendumSubject; }
    public void setAddendumSubject(String v) { addendumSubject = v; }
    public String getAddendumText() { return addendumText; }
    public void setAddendumText(String v) { addendumText = v; }
    public String getAddendumPassword() { return addendumPassword; }
    public void setAddendumPassword(String v) { addendumPassword = v; }
    public String getBatchId() { return batchId; }
    public void setBatchId(String value) { batchId = value; }
    public BatchReview getBatchReview() { return batchReview; }
    public AuditPage getBatchTrail() { return batchTrail; }
    public List<BatchSummary> getToReview() { return toReview; }
    public List<BatchSummary> getToRelease() { return toRelease; }
    public Map<String, String> getComments() { return comments; }
    public Map<String, String> getRootCauses() { return rootCauses; }
    public Map<String, String> getImpacts() { return impacts; }
    public Map<String, String> getCapas() { return capas; }
}
