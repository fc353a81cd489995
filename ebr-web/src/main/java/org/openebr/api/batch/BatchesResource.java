package org.openebr.api.batch;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.json.JsonNumber;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Supplier;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.openebr.api.JsonbConfiguration;
import org.openebr.batch.boundary.BatchRecord;
import org.openebr.batch.boundary.BatchRefused;
import org.openebr.batch.boundary.BatchSummary;
import org.openebr.batch.boundary.BatchDetail;
import org.openebr.batch.boundary.Batches;
import org.openebr.batch.boundary.DeviationFacts;
import org.openebr.batch.boundary.Deviations;
import org.openebr.batch.boundary.EntryCommand;
import org.openebr.batch.boundary.EntryOutcome;
import org.openebr.batch.boundary.Execution;
import org.openebr.batch.boundary.Idempotency;
import org.openebr.batch.boundary.Overrides;
import org.openebr.review.boundary.BatchReview;
import org.openebr.review.boundary.Reviews;

/**
 * Batches (process orders) and their execution. Every state-changing call takes an optional
 * {@code Idempotency-Key} header: the same key with the same body is answered once more with the
 * first answer, without a second effect (the header {@code Idempotent-Replayed: true} says so).
 */
@Path("batches")
@Tag(name = "batches")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({"OPERATOR", "SUPERVISOR", "QA_REVIEWER", "QA_RELEASER", "INSPECTOR", "WAREHOUSE"})
@APIResponse(responseCode = "401", ref = "Unauthorized")
@APIResponse(responseCode = "403", ref = "Forbidden")
public class BatchesResource {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    private static final Jsonb JSON = JsonbConfiguration.create();

    /**
     * A downtime ({@code from}, {@code to}), scrap or rework ({@code quantity}, {@code unit}) of an operation with its
     * cause code; on a correction the {@code reason}, and {@code withdrawn} true to take the event back.
     */
    public record OperationEventRequest(String kind, String cause, Instant from, Instant to, JsonValue quantity,
                                        String unit, String comment, String reason, Boolean withdrawn) {
        org.openebr.batch.boundary.OperationEventCommand command() {
            String amount = null;
            if (quantity instanceof JsonNumber n) {
                amount = n.toString();
            } else if (quantity instanceof JsonString text) {
                amount = text.getString();
            } else if (quantity != null && quantity.getValueType() != JsonValue.ValueType.NULL) {
                throw new BatchRefused(BatchRefused.Reason.OPERATION_EVENT_INVALID, "'quantity' is a number (e.g. 120),"
                        + " not " + quantity.getValueType().name().toLowerCase() + ".", "quantity", "a number");
            }
            return new org.openebr.batch.boundary.OperationEventCommand(kind, cause, from, to, amount, unit, comment,
                    reason, withdrawn);
        }
    }

    /** A new batch: the recipe whose effective version it follows, the planned quantity and its unit (default: the recipe's). */
    public record NewBatch(@NotNull String recipeId, @NotNull BigDecimal plannedQuantity, String unit, String reason) {
    }

    /** A status change: its reason; hold, resume and abort are signed with the supervisor's password; dispatch may name the line. */
    public record StatusChange(String reason, String password, String line) {
    }

    /**
     * An entry on a step: value (a JSON number or a decimal string) and unit; or text; choice;
     * acknowledged; containerId; equipmentId; sampleId; plus reason where needed (correction, late
     * entry, machine value typed by hand) and performedAt (when the work was done, if not now).
     */
    public record EntryRequest(JsonValue value, String unit, String text, String choice, Boolean acknowledged,
                               String containerId, String equipmentId, String sampleId, String reason,
                               Instant performedAt) {
    }

    /** A deviation raised by a person: on a step (stepId) or on the batch. */
    public record NewDeviation(String stepId, String description) {
    }

    /** A supervisor's classification of a deviation. */
    public record Classification(String classification, String reason) {
    }

    /** A supervisor's override of the training gate for one operator's next entry on a step, signed with the password. */
    public record GateOverrideRequest(String gate, String operator, String reason, String password) {
    }

    /** A QA reviewer's disposition of an exception: ACCEPTED or NEEDS_INVESTIGATION, with the justification. */
    public record DispositionRequest(String decision, String comment) {
    }

    /** QA's closure of a deviation: root cause, impact on the batch, CAPA reference. */
    public record DeviationClosure(String rootCause, String impact, String capa) {
    }

    /** Later information on a decided batch: subject, text, and the password that signs it. */
    public record AddendumRequest(String subject, String text, String password) {
    }

    /** The laboratory result of a sample drawn at a SAMPLING step. */
    public record SampleResult(JsonValue value, String unit) {
    }

    @Inject
    Batches batches;

    @Inject
    Execution execution;

    @Inject
    Deviations deviations;

    @Inject
    Idempotency idempotency;

    @Inject
    Overrides overrides;

    @Inject
    org.openebr.batch.boundary.OperationEvents operationEvents;

    @Inject
    Reviews reviews;

    @Inject
    org.openebr.report.boundary.BatchReports reports;

    @Inject
    org.openebr.review.boundary.Addenda addenda;

    @GET
    @Operation(operationId = "listBatches", summary = "The batches, newest first (?status= one status)")
    @APIResponse(responseCode = "200", description = "The batches")
    @APIResponse(responseCode = "422", ref = "UnprocessableContent")
    public List<BatchSummary> list(@QueryParam("status") String status) {
        return batches.list(status);
    }

    @POST
    @RolesAllowed("SUPERVISOR")
    @Operation(operationId = "createBatch", summary = "Create a batch from the effective version of a recipe",
            description = "201 with the batch, PLANNED. 409 recipe-not-effective; 422 batch-size-invalid,"
                    + " batch-input-incomplete; 404 recipe-not-found.")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(schema = @Schema(implementation = BatchSummary.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "413", ref = "ContentTooLarge")
    @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
    @APIResponse(responseCode = "422", ref = "UnprocessableContent")
    public Response create(@Parameter(in = ParameterIn.HEADER, name = IDEMPOTENCY_KEY) @HeaderParam(IDEMPOTENCY_KEY) String key,
                           @NotNull NewBatch request) {
        return once(key, "create", request, () -> batches.create(request.recipeId(), request.plannedQuantity(),
                request.unit(), request.reason()));
    }

    @GET
    @Path("{batchId}")
    @Operation(operationId = "getBatch", summary = "A batch: header, status, recipe version and contentHash, steps with state, targets and limits as scaled")
    @APIResponse(responseCode = "200", description = "The batch")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public BatchDetail batch(@PathParam("batchId") String batchId) {
        return batches.batch(batchId);
    }

    @GET
    @Path("{batchId}/record")
    @RolesAllowed({"OPERATOR", "SUPERVISOR", "QA_REVIEWER", "QA_RELEASER", "INSPECTOR"})
    @Operation(operationId = "getBatchRecord", summary = "The electronic batch record: every entry, correction, signature, deviation and gate refusal")
    @APIResponse(responseCode = "200", description = "The batch record")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public BatchRecord record(@PathParam("batchId") String batchId) {
        return batches.record(batchId);
    }

    @GET
    @Path("{batchId}/report.pdf")
    @Produces({"application/pdf", "application/problem+json"})
    @RolesAllowed({"QA_REVIEWER", "QA_RELEASER", "INSPECTOR", "SUPERVISOR"})
    @Operation(operationId = "getBatchReport", summary = "The batch record as a signed PDF/A-3 document",
            description = "Generated from the electronic record: header, every step with value, limits, judgement, who"
                    + " and when and its signatures, corrections, deviations with their closure, materials and lots,"
                    + " equipment, yield and reconciliation, exceptions and dispositions, the review and release"
                    + " signatures; page x of y. The record is attached as record.json and as BatchML record.xml"
                    + " (PDF/A-3 associated files); the"
                    + " document is signed by the installation's document signer with a time-stamp.")
    @APIResponse(responseCode = "200", description = "The PDF, as an attachment",
            content = @Content(mediaType = "application/pdf", schema = @Schema(type = org.eclipse.microprofile.openapi
                    .annotations.enums.SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Response report(@PathParam("batchId") String batchId) {
        return file(reports.report(batchId));
    }

    @GET
    @Path("{batchId}/exception-report.pdf")
    @Produces({"application/pdf", "application/problem+json"})
    @RolesAllowed({"QA_REVIEWER", "QA_RELEASER", "INSPECTOR", "SUPERVISOR"})
    @Operation(operationId = "getBatchExceptionReport", summary = "The exception report as a signed PDF/A-3 document",
            description = "Only the exceptions, each with its evidence and disposition, and what the system checked for"
                    + " every other step; the review and release signatures. Attachment and signature as the batch report.")
    @APIResponse(responseCode = "200", description = "The PDF, as an attachment",
            content = @Content(mediaType = "application/pdf", schema = @Schema(type = org.eclipse.microprofile.openapi
                    .annotations.enums.SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Response exceptionReport(@PathParam("batchId") String batchId) {
        return file(reports.exceptionReport(batchId));
    }

    @GET
    @Path("{batchId}/signatures.zip")
    @Produces({"application/zip", "application/problem+json"})
    @RolesAllowed({"QA_REVIEWER", "QA_RELEASER", "INSPECTOR", "SUPERVISOR"})
    @Operation(operationId = "getBatchSignatureBundles", summary = "The offline verification bundles of every signature"
            + " of the batch, in one zip",
            description = "A folder per signature (steps, status changes, gate overrides, QA's decision, addenda) with"
                    + " record.json, signature.p7s, signature-value.bin, timestamp.tsr, ca.pem, signer.pem and a README"
                    + " with the openssl commands; an index README.txt at the top.")
    @APIResponse(responseCode = "200", description = "The zip, as an attachment",
            content = @Content(mediaType = "application/zip", schema = @Schema(type = org.eclipse.microprofile.openapi
                    .annotations.enums.SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Response signatureBundles(@PathParam("batchId") String batchId) {
        return file(reports.signatureBundles(batchId));
    }

    @GET
    @Path("{batchId}/record.json")
    @RolesAllowed({"QA_REVIEWER", "QA_RELEASER", "INSPECTOR", "SUPERVISOR"})
    @Operation(operationId = "getBatchRecordFile", summary = "The electronic batch record as a JSON file",
            description = "The file the PDF reports carry as their attachment (format openebr-batch-record/1): the"
                    + " record and its review as the server computes them, with who generated it and when.")
    @APIResponse(responseCode = "200", description = "The JSON file, as an attachment",
            content = @Content(schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.OBJECT)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Response recordFile(@PathParam("batchId") String batchId) {
        return file(reports.recordJson(batchId));
    }

    @GET
    @Path("{batchId}/record.xml")
    @Produces({"application/xml", "application/problem+json"})
    @RolesAllowed({"QA_REVIEWER", "QA_RELEASER", "INSPECTOR", "SUPERVISOR"})
    @Operation(operationId = "getBatchProductionRecordXml", summary = "The batch production record as BatchML",
            description = "MESA B2MML V0701 BatchML BatchProductionRecord (ISA-88.00.04), valid against OpenEBR's profile"
                    + " of BatchML-BatchProductionRecord.xsd (shipped in ebr-ejb.jar under b2mml/): every entry,"
                    + " status change, deviation, gate refusal and override, review exception and signature as an Event,"
                    + " corrections as Changes with the value before, addenda as Comments, samples with their results."
                    + " The PDF reports carry the same file as an attachment.")
    @APIResponse(responseCode = "200", description = "The XML file, as an attachment",
            content = @Content(mediaType = "application/xml", schema = @Schema(type = org.eclipse.microprofile.openapi
                    .annotations.enums.SchemaType.STRING)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Response recordXml(@PathParam("batchId") String batchId) {
        return file(reports.recordXml(batchId));
    }

    private static Response file(org.openebr.report.boundary.BatchReports.Document document) {
        return org.openebr.api.Attachments.of(document);
    }

    @GET
    @Path("{batchId}/review")
    @RolesAllowed({"QA_REVIEWER", "QA_RELEASER", "INSPECTOR", "SUPERVISOR"})
    @Operation(operationId = "getBatchReview", summary = "QA review by exception: the batch's exceptions as the server"
            + " finds them in its record, each with its evidence and disposition state, and what was checked for every"
            + " other step")
    @APIResponse(responseCode = "200", description = "The review",
            content = @Content(schema = @Schema(implementation = BatchReview.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public BatchReview review(@PathParam("batchId") String batchId) {
        return reviews.review(batchId);
    }

    @POST
    @Path("{batchId}/review/exceptions/{exceptionId}/disposition")
    @RolesAllowed("QA_REVIEWER")
    @Operation(operationId = "dispositionException", summary = "Disposition an exception of a completed batch"
            + " (ACCEPTED or NEEDS_INVESTIGATION, with the justification); a later one is recorded beside it",
            description = "422 review-input-incomplete (decision, comment); 404 exception-not-found; 409 review-not-open"
                    + " (batch not COMPLETED); 403 reviewer-took-part (the reviewer recorded or signed work in the batch).")
    @APIResponse(responseCode = "201", description = "Recorded",
            content = @Content(schema = @Schema(implementation = BatchReview.Finding.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "413", ref = "ContentTooLarge")
    @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
    @APIResponse(responseCode = "422", ref = "UnprocessableContent")
    public Response disposition(@PathParam("batchId") String batchId, @PathParam("exceptionId") String exceptionId,
                                @Parameter(in = ParameterIn.HEADER, name = IDEMPOTENCY_KEY) @HeaderParam(IDEMPOTENCY_KEY) String key,
                                @NotNull DispositionRequest request) {
        return once(key, "disposition " + batchId + " " + exceptionId, request,
                () -> reviews.disposition(batchId, exceptionId, request.decision(), request.comment()));
    }

    @GET
    @Path("{batchId}/operations")
    @Operation(operationId = "listBatchOperations", summary = "The batch's operations in recipe order with their actual"
            + " start and end (first and last entry), downtime in minutes (in all and by cause) and their current"
            + " downtime, scrap and rework events; corrected and withdrawn events under replaced (MES-BDE-1)")
    @APIResponse(responseCode = "200", description = "The operations", content = @Content(schema = @Schema(type =
            org.eclipse.microprofile.openapi.annotations.enums.SchemaType.ARRAY,
            implementation = org.openebr.batch.boundary.OperationEvents.OperationFacts.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public List<org.openebr.batch.boundary.OperationEvents.OperationFacts> operations(@PathParam("batchId") String batchId) {
        return operationEvents.operations(batchId);
    }

    @POST
    @Path("{batchId}/operations/{operationId}/events")
    @RolesAllowed({"OPERATOR", "SUPERVISOR"})
    @Operation(operationId = "recordOperationEvent", summary = "Record a downtime (from, to), scrap or rework (quantity,"
            + " unit) of an operation with its cause code (MES-BDE-1); while the batch is READY, IN_PROGRESS or ON_HOLD",
            description = "Cause codes: DOWNTIME EQUIPMENT_FAILURE, MATERIAL_SHORTAGE, WAITING_FOR_QA, CLEANING, SETUP,"
                    + " UTILITIES, PERSONNEL, ENVIRONMENT, OTHER; SCRAP QUALITY_DEFECT, EQUIPMENT_FAILURE, HANDLING,"
                    + " SAMPLING, OTHER; REWORK QUALITY_DEFECT, EQUIPMENT_FAILURE, HANDLING, OTHER (OTHER needs a comment)."
                    + " 422 operation-event-invalid (with violations); 404 operation-not-found, batch-not-found; 409"
                    + " batch-not-executable, downtime-overlaps.")
    @APIResponse(responseCode = "201", description = "Recorded", content = @Content(schema = @Schema(
            implementation = org.openebr.batch.boundary.OperationEvents.OperationEventFacts.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "413", ref = "ContentTooLarge")
    @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
    @APIResponse(responseCode = "422", ref = "UnprocessableContent")
    public Response recordOperationEvent(@PathParam("batchId") String batchId, @PathParam("operationId") String operationId,
            @Parameter(in = ParameterIn.HEADER, name = IDEMPOTENCY_KEY) @HeaderParam(IDEMPOTENCY_KEY) String key,
            @NotNull OperationEventRequest request) {
        return once(key, "operation event " + batchId + " " + operationId, request,
                () -> operationEvents.record(batchId, operationId, request.command()));
    }

    @POST
    @Path("{batchId}/operation-events/{seq}/corrections")
    @RolesAllowed({"OPERATOR", "SUPERVISOR"})
    @Operation(operationId = "correctOperationEvent", summary = "Replace a downtime, scrap or rework event with a"
            + " corrected one, or withdraw it (withdrawn true), with a reason; the event corrected stays in the record",
            description = "422 reason-required, operation-event-invalid; 404 operation-event-not-found; 409"
                    + " batch-not-executable, downtime-overlaps.")
    @APIResponse(responseCode = "201", description = "Recorded", content = @Content(schema = @Schema(
            implementation = org.openebr.batch.boundary.OperationEvents.OperationEventFacts.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "413", ref = "ContentTooLarge")
    @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
    @APIResponse(responseCode = "422", ref = "UnprocessableContent")
    public Response correctOperationEvent(@PathParam("batchId") String batchId, @PathParam("seq") int seq,
            @Parameter(in = ParameterIn.HEADER, name = IDEMPOTENCY_KEY) @HeaderParam(IDEMPOTENCY_KEY) String key,
            @NotNull OperationEventRequest request) {
        return once(key, "operation event correction " + batchId + " " + seq, request,
                () -> operationEvents.correct(batchId, seq, request.command()));
    }

    @POST
    @Path("{batchId}/deviations/{deviationId}/closure")
    @RolesAllowed("QA_REVIEWER")
    @Operation(operationId = "closeDeviation", summary = "Close a classified deviation of a completed (or aborted) batch"
            + " with its root cause, impact on the batch and CAPA reference (QA review)",
            description = "422 batch-input-incomplete (rootCause, impact, capa); 404 deviation-not-found; 409 batch-state"
                    + " (batch not completed, deviation closed already or not classified); 403 reviewer-took-part.")
    @APIResponse(responseCode = "200", description = "Closed",
            content = @Content(schema = @Schema(implementation = DeviationFacts.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "413", ref = "ContentTooLarge")
    @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
    @APIResponse(responseCode = "422", ref = "UnprocessableContent")
    public Response closeDeviation(@PathParam("batchId") String batchId, @PathParam("deviationId") String deviationId,
                                   @Parameter(in = ParameterIn.HEADER, name = IDEMPOTENCY_KEY) @HeaderParam(IDEMPOTENCY_KEY) String key,
                                   @NotNull DeviationClosure request) {
        return answer(key, "closure " + batchId + " " + deviationId, request, 200, () -> reviews.closeDeviation(batchId,
                deviationId, request.rootCause(), request.impact(), request.capa()));
    }

    @POST
    @Path("{batchId}/dispatch")
    @RolesAllowed("SUPERVISOR")
    @Operation(operationId = "dispatchBatch", summary = "PLANNED -> READY, to a line or room (optional 'line')",
            description = "409 batch-state; 422 reason-required.")
    @APIResponse(responseCode = "200", description = "Dispatched", content = @Content(schema = @Schema(implementation = BatchSummary.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "413", ref = "ContentTooLarge")
    @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
    @APIResponse(responseCode = "422", ref = "UnprocessableContent")
    public Response dispatch(@PathParam("batchId") String batchId,
                             @Parameter(in = ParameterIn.HEADER, name = IDEMPOTENCY_KEY) @HeaderParam(IDEMPOTENCY_KEY) String key,
                             @NotNull StatusChange request) {
        return status(key, "dispatch", batchId, request, () -> batches.dispatch(batchId, request.line(), request.reason()));
    }

    @POST
    @Path("{batchId}/hold")
    @RolesAllowed("SUPERVISOR")
    @Operation(operationId = "holdBatch", summary = "Hold the batch, signed (reason and password)",
            description = "409 batch-state; 422 reason-required, batch-input-incomplete (password); 401 signature-not-authenticated.")
    @APIResponse(responseCode = "200", description = "On hold", content = @Content(schema = @Schema(implementation = BatchSummary.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "413", ref = "ContentTooLarge")
    @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
    @APIResponse(responseCode = "422", ref = "UnprocessableContent")
    public Response hold(@PathParam("batchId") String batchId,
                         @Parameter(in = ParameterIn.HEADER, name = IDEMPOTENCY_KEY) @HeaderParam(IDEMPOTENCY_KEY) String key,
                         @NotNull StatusChange request) {
        return status(key, "hold", batchId, request, () -> batches.hold(batchId, request.reason(), password(request)));
    }

    @POST
    @Path("{batchId}/resume")
    @RolesAllowed("SUPERVISOR")
    @Operation(operationId = "resumeBatch", summary = "Resume a batch on hold, signed (reason and password)",
            description = "409 batch-state; 422 reason-required, batch-input-incomplete (password).")
    @APIResponse(responseCode = "200", description = "Resumed", content = @Content(schema = @Schema(implementation = BatchSummary.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "413", ref = "ContentTooLarge")
    @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
    @APIResponse(responseCode = "422", ref = "UnprocessableContent")
    public Response resume(@PathParam("batchId") String batchId,
                           @Parameter(in = ParameterIn.HEADER, name = IDEMPOTENCY_KEY) @HeaderParam(IDEMPOTENCY_KEY) String key,
                           @NotNull StatusChange request) {
        return status(key, "resume", batchId, request, () -> batches.resume(batchId, request.reason(), password(request)));
    }

    @POST
    @Path("{batchId}/abort")
    @RolesAllowed("SUPERVISOR")
    @Operation(operationId = "abortBatch", summary = "Abort the batch for good, signed (reason and password)",
            description = "409 batch-state; 422 reason-required, batch-input-incomplete (password).")
    @APIResponse(responseCode = "200", description = "Aborted", content = @Content(schema = @Schema(implementation = BatchSummary.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "413", ref = "ContentTooLarge")
    @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
    @APIResponse(responseCode = "422", ref = "UnprocessableContent")
    public Response abort(@PathParam("batchId") String batchId,
                          @Parameter(in = ParameterIn.HEADER, name = IDEMPOTENCY_KEY) @HeaderParam(IDEMPOTENCY_KEY) String key,
                          @NotNull StatusChange request) {
        return status(key, "abort", batchId, request, () -> batches.abort(batchId, request.reason(), password(request)));
    }

    @POST
    @Path("{batchId}/complete")
    @RolesAllowed({"OPERATOR", "SUPERVISOR"})
    @Operation(operationId = "completeBatch", summary = "Complete an IN_PROGRESS batch whose every step is done; to QA review",
            description = "409 batch-steps-open (naming them), batch-state.")
    @APIResponse(responseCode = "200", description = "Completed", content = @Content(schema = @Schema(implementation = BatchSummary.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "413", ref = "ContentTooLarge")
    @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
    @APIResponse(responseCode = "422", ref = "UnprocessableContent")
    public Response complete(@PathParam("batchId") String batchId,
                             @Parameter(in = ParameterIn.HEADER, name = IDEMPOTENCY_KEY) @HeaderParam(IDEMPOTENCY_KEY) String key,
                             @NotNull StatusChange request) {
        return status(key, "complete", batchId, request, () -> batches.complete(batchId, request.reason()));
    }

    @POST
    @Path("{batchId}/steps/{stepId}/entries")
    @RolesAllowed({"OPERATOR", "SUPERVISOR"})
    @Operation(operationId = "recordStepEntry", summary = "Record a step: saved at once, judged against its limits",
            description = "201 with the judgement (IN_SPEC, ALERT, OUT_OF_SPEC) and any deviation id. 409 step-not-available,"
                    + " step-already-recorded, batch-not-executable, and the material and equipment gates' refusals;"
                    + " 422 value-not-a-number, value-wrong-unit, value-beyond-precision, value-implausible, choice-unknown,"
                    + " entry-wrong-kind, reason-required; 403 operator-not-trained.")
    @APIResponse(responseCode = "201", description = "Recorded", content = @Content(schema = @Schema(implementation = EntryOutcome.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "413", ref = "ContentTooLarge")
    @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
    @APIResponse(responseCode = "422", ref = "UnprocessableContent")
    public Response enter(@PathParam("batchId") String batchId, @PathParam("stepId") String stepId,
                          @Parameter(in = ParameterIn.HEADER, name = IDEMPOTENCY_KEY) @HeaderParam(IDEMPOTENCY_KEY) String key,
                          @NotNull EntryRequest request) {
        return once(key, "entry " + batchId + " " + stepId, request,
                () -> execution.enter(batchId, stepId, command(request)));
    }

    @POST
    @Path("{batchId}/addenda")
    @RolesAllowed({"QA_REVIEWER", "QA_RELEASER"})
    @Operation(operationId = "addAddendum", summary = "Add an addendum to a released or rejected batch, signed"
            + " (BATCH_ADDENDUM, PERFORMED)",
            description = "Later information (a complaint, a stability result) beside the read-only record, never an"
                    + " edit of it. 422 review-input-incomplete (subject, text, password); 409 review-not-open (the batch"
                    + " is not decided); 401 signature-not-authenticated.")
    @APIResponse(responseCode = "201", description = "Added and signed",
            content = @Content(schema = @Schema(implementation = org.openebr.review.boundary.AddendumFacts.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "413", ref = "ContentTooLarge")
    @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
    @APIResponse(responseCode = "422", ref = "UnprocessableContent")
    public Response addAddendum(@PathParam("batchId") String batchId,
                                @Parameter(in = ParameterIn.HEADER, name = IDEMPOTENCY_KEY) @HeaderParam(IDEMPOTENCY_KEY) String key,
                                @NotNull AddendumRequest request) {
        return once(key, "addendum " + batchId, request, () -> addenda.add(batchId, request.subject(), request.text(),
                request.password() == null ? null : request.password().toCharArray()));
    }

    @GET
    @Path("{batchId}/addenda")
    @RolesAllowed({"OPERATOR", "SUPERVISOR", "QA_REVIEWER", "QA_RELEASER", "INSPECTOR"})
    @Operation(operationId = "listAddenda", summary = "The addenda of a batch, oldest first, each with its signatures")
    @APIResponse(responseCode = "200", description = "The addenda")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public List<org.openebr.review.boundary.AddendumFacts> addenda(@PathParam("batchId") String batchId) {
        return addenda.addenda(batchId);
    }

    @POST
    @Path("{batchId}/steps/{stepId}/overrides")
    @RolesAllowed("SUPERVISOR")
    @Operation(operationId = "overrideGate", summary = "Override the training gate for one operator's next entry on a step,"
            + " signed (GATE_OVERRIDE, APPROVED); raises a deviation",
            description = "gate TRAINING only (material and equipment gates: 422 gate-not-overridable). 409"
                    + " gate-override-not-needed (the operator is trained), gate-override-exists, gate-override-self,"
                    + " step-already-recorded, batch-not-executable; 422 reason-required, batch-input-incomplete (operator,"
                    + " password); 401 signature-not-authenticated.")
    @APIResponse(responseCode = "201", description = "Granted and signed",
            content = @Content(schema = @Schema(implementation = Overrides.OverrideFacts.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "413", ref = "ContentTooLarge")
    @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
    @APIResponse(responseCode = "422", ref = "UnprocessableContent")
    public Response overrideGate(@PathParam("batchId") String batchId, @PathParam("stepId") String stepId,
                                 @Parameter(in = ParameterIn.HEADER, name = IDEMPOTENCY_KEY) @HeaderParam(IDEMPOTENCY_KEY) String key,
                                 @NotNull GateOverrideRequest request) {
        return once(key, "override " + batchId + " " + stepId, request, () -> overrides.grant(batchId, stepId,
                new Overrides.OverrideCommand(request.gate(), request.operator(), request.reason(),
                        request.password() == null ? null : request.password().toCharArray())));
    }

    @POST
    @Path("{batchId}/steps/{stepId}/corrections")
    @RolesAllowed({"OPERATOR", "SUPERVISOR"})
    @Operation(operationId = "correctStepEntry", summary = "Correct a recorded step: a new entry with a reason, the original stays; sign again",
            description = "201 with the judgement. 422 reason-required and the entry's value checks; 409 step-not-correctable.")
    @APIResponse(responseCode = "201", description = "Corrected", content = @Content(schema = @Schema(implementation = EntryOutcome.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "413", ref = "ContentTooLarge")
    @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
    @APIResponse(responseCode = "422", ref = "UnprocessableContent")
    public Response correct(@PathParam("batchId") String batchId, @PathParam("stepId") String stepId,
                            @Parameter(in = ParameterIn.HEADER, name = IDEMPOTENCY_KEY) @HeaderParam(IDEMPOTENCY_KEY) String key,
                            @NotNull EntryRequest request) {
        return once(key, "correction " + batchId + " " + stepId, request,
                () -> execution.correct(batchId, stepId, command(request)));
    }

    @POST
    @Path("{batchId}/steps/{stepId}/sample-result")
    @RolesAllowed({"QA_REVIEWER", "QA_RELEASER"})
    @Operation(operationId = "recordSampleResult", summary = "The laboratory result of the sample drawn at a SAMPLING step, judged against its limits")
    @APIResponse(responseCode = "201", description = "Recorded", content = @Content(schema = @Schema(implementation = EntryOutcome.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "413", ref = "ContentTooLarge")
    @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
    @APIResponse(responseCode = "422", ref = "UnprocessableContent")
    public Response sampleResult(@PathParam("batchId") String batchId, @PathParam("stepId") String stepId,
                                 @Parameter(in = ParameterIn.HEADER, name = IDEMPOTENCY_KEY) @HeaderParam(IDEMPOTENCY_KEY) String key,
                                 @NotNull SampleResult request) {
        return once(key, "sample " + batchId + " " + stepId, request,
                () -> execution.sampleResult(batchId, stepId, number(request.value()), request.unit()));
    }

    @GET
    @Path("{batchId}/deviations")
    @RolesAllowed({"OPERATOR", "SUPERVISOR", "QA_REVIEWER", "QA_RELEASER", "INSPECTOR"})
    @Operation(operationId = "listBatchDeviations", summary = "The deviations of a batch, in the order raised")
    @APIResponse(responseCode = "200", description = "The deviations")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public List<DeviationFacts> deviations(@PathParam("batchId") String batchId) {
        return deviations.ofBatch(batchId);
    }

    @POST
    @Path("{batchId}/deviations")
    @RolesAllowed({"OPERATOR", "SUPERVISOR"})
    @Operation(operationId = "raiseDeviation", summary = "Raise a deviation on a step (stepId) or on the batch")
    @APIResponse(responseCode = "201", description = "Raised", content = @Content(schema = @Schema(implementation = DeviationFacts.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "413", ref = "ContentTooLarge")
    @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
    @APIResponse(responseCode = "422", ref = "UnprocessableContent")
    public Response raise(@PathParam("batchId") String batchId,
                          @Parameter(in = ParameterIn.HEADER, name = IDEMPOTENCY_KEY) @HeaderParam(IDEMPOTENCY_KEY) String key,
                          @NotNull NewDeviation request) {
        return once(key, "deviation " + batchId, request,
                () -> deviations.raise(batchId, request.stepId(), request.description()));
    }

    @POST
    @Path("{batchId}/deviations/{deviationId}/classification")
    @RolesAllowed("SUPERVISOR")
    @Operation(operationId = "classifyDeviation", summary = "Classify a deviation MINOR, MAJOR or CRITICAL, with the reason")
    @APIResponse(responseCode = "200", description = "Classified", content = @Content(schema = @Schema(implementation = DeviationFacts.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "413", ref = "ContentTooLarge")
    @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
    @APIResponse(responseCode = "422", ref = "UnprocessableContent")
    public Response classify(@PathParam("batchId") String batchId, @PathParam("deviationId") String deviationId,
                             @Parameter(in = ParameterIn.HEADER, name = IDEMPOTENCY_KEY) @HeaderParam(IDEMPOTENCY_KEY) String key,
                             @NotNull Classification request) {
        return status(key, "classify " + deviationId, batchId, request,
                () -> deviations.classify(batchId, deviationId, request.classification(), request.reason()));
    }

    private Response status(String key, String what, String batchId, Object request, Supplier<Object> effect) {
        return answer(key, what + " " + batchId, request, 200, effect);
    }

    private Response once(String key, String what, Object request, Supplier<Object> effect) {
        return answer(key, what, request, 201, effect);
    }

    /** Without a key: the effect, answered. With one: through Idempotency, which stores or replays the answer. */
    private Response answer(String key, String what, Object request, int status, Supplier<Object> effect) {
        if (key == null) {
            return Response.status(status).entity(effect.get()).build();
        }
        Idempotency.Answer answer = idempotency.once(key.strip(), sha256(what + "\n" + JSON.toJson(request)), status,
                () -> JSON.toJson(effect.get()));
        return Response.status(answer.status()).entity(answer.body()).type(MediaType.APPLICATION_JSON_TYPE)
                .header("Idempotent-Replayed", answer.replayed()).build();
    }

    private static char[] password(StatusChange request) {
        return request.password() == null ? null : request.password().toCharArray();
    }

    private static EntryCommand command(EntryRequest r) {
        return new EntryCommand(number(r.value()), r.unit(), r.text(), r.choice(), r.acknowledged(), r.containerId(),
                r.equipmentId(), r.sampleId(), r.reason(), r.performedAt());
    }

    /** A value as typed: a JSON number's own digits, or a string's text (checked as a number by the boundary). */
    private static String number(JsonValue value) {
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (value instanceof JsonNumber n) {
            return n.toString();
        }
        if (value instanceof JsonString s) {
            return s.getString();
        }
        throw new BatchRefused(BatchRefused.Reason.NOT_A_NUMBER, "'value' is a number (e.g. 7.02), not "
                + value.getValueType().name().toLowerCase() + ".", "value", "a number");
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
