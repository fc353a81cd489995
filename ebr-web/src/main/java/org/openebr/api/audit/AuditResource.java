package org.openebr.api.audit;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.openebr.api.StorableInstants;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.openebr.audit.boundary.AuditAction;
import org.openebr.audit.boundary.AuditFilter;
import org.openebr.audit.boundary.AuditIntegrity;
import org.openebr.audit.boundary.AuditPage;
import org.openebr.audit.boundary.AuditSort;
import org.openebr.audit.boundary.AuditTrail;
import org.openebr.audit.boundary.AuditVerification;
import org.openebr.audit.boundary.ChangeReasons;
import org.openebr.audit.boundary.RecordVersion;

@Path("audit")
@Tag(name = "audit")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"INSPECTOR", "QA_REVIEWER", "QA_RELEASER"})
@APIResponse(responseCode = "401", ref = "Unauthorized")
@APIResponse(responseCode = "403", ref = "Forbidden")
public class AuditResource {

    @Inject
    AuditTrail trail;

    @Inject
    AuditIntegrity integrity;

    @Inject
    ChangeReasons reasons;

    @GET
    @Operation(operationId = "searchAuditTrail", summary = "Search the audit trail",
            description = "One entry per record per revision: the record's name (recordName, e.g. a recipe version as"
                    + " '<recipe> version <n> (<product>)', an account as '<user name> (<full name>)'; null when the id is"
                    + " its best name) and each changed field with its old and new value; a recipe document's change also"
                    + " in words (readable). All filters optional: entityType"
                    + " (see /audit/record-types), recordId, user, action (CREATED|CHANGED|DELETED), from/to (ISO-8601"
                    + " instants, to exclusive), text (in user, name, role, command, reason, client, record), batch (a"
                    + " batch number: the trail of that batch's own records, as QA reviews it). Paged:"
                    + " page (from 0), size (1-200, default 50); sort=time|user|recordType|action, order=asc|desc"
                    + " (default time desc).")
    @APIResponse(responseCode = "200", description = "One page of entries")
    @APIResponse(responseCode = "400", ref = "BadRequest") // a filter, page, size or sort that is not valid
    public AuditPage search(@QueryParam("entityType") String entityType, @QueryParam("recordId") String recordId,
                            @QueryParam("user") String user, @QueryParam("action") String action,
                            @QueryParam("from") String from, @QueryParam("to") String to,
                            @QueryParam("text") String text, @QueryParam("page") String page,
                            @QueryParam("size") String size, @QueryParam("sort") String sort,
                            @QueryParam("order") String order, @QueryParam("batch") String batch) {
        return trail.search(filter(entityType, recordId, user, action, from, to, text, batch),
                number("page", page, 0), number("size", size, 50), sort(sort, order));
    }

    @GET
    @Path("reasons")
    @PermitAll
    @Operation(operationId = "listChangeReasons",
            summary = "The configured reasons for change (a pick-list; free text is allowed too)")
    @APIResponse(responseCode = "200", description = "The configured reasons")
    public List<String> reasons() {
        return reasons.configured();
    }

    @GET
    @Path("record-types")
    @Operation(operationId = "listAuditedRecordTypes", summary = "The record types that have an audit trail")
    @APIResponse(responseCode = "200", description = "The record types")
    public List<String> recordTypes() {
        return trail.recordTypes();
    }

    @GET
    @Path("records/{entityType}/{recordId}")
    @Operation(operationId = "getRecordHistory", summary = "A record's full value history, oldest first")
    @APIResponse(responseCode = "200", description = "Every version of the record, oldest first")
    @APIResponse(responseCode = "400", ref = "BadRequest") // unknown record type
    @APIResponse(responseCode = "404", ref = "NotFound") // no such record in the audit trail
    public List<RecordVersion> history(@PathParam("entityType") String entityType, @PathParam("recordId") String recordId) {
        return trail.history(entityType, recordId);
    }

    @GET
    @Path("export")
    @Produces({"text/csv", MediaType.APPLICATION_JSON, "application/pdf"})
    @Operation(operationId = "exportAuditTrail", summary = "Export the filtered audit trail as csv, json or pdf",
            description = "Same filters as the search; oldest entry first; at most 20,000 entries. The export is itself"
                    + " recorded in the audit trail with the file's SHA-256 (response header X-Content-SHA256).")
    @APIResponse(responseCode = "200", description = "The file, as an attachment",
            headers = {
                    @Header(name = "X-Content-SHA256", description = "SHA-256 of the file, as recorded in the audit trail",
                            schema = @Schema(type = SchemaType.STRING)),
                    @Header(name = "X-Audit-Entries", description = "How many entries the file holds",
                            schema = @Schema(type = SchemaType.INTEGER))},
            content = {
                    @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING)),
                    @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT)),
                    @Content(mediaType = "application/pdf", schema = @Schema(type = SchemaType.STRING, format = "binary"))})
    @APIResponse(responseCode = "400", ref = "BadRequest") // format missing or unknown, or a filter that is not valid
    @APIResponse(responseCode = "422", ref = "UnprocessableContent") // more entries than an export holds
    public Response export(@QueryParam("format") String format, @QueryParam("entityType") String entityType,
                           @QueryParam("recordId") String recordId, @QueryParam("user") String user,
                           @QueryParam("action") String action, @QueryParam("from") String from,
                           @QueryParam("to") String to, @QueryParam("text") String text,
                           @QueryParam("batch") String batch) {
        AuditTrail.ExportedFile file = trail.export(filter(entityType, recordId, user, action, from, to, text, batch),
                format(format));
        return Response.ok(file.content(), file.contentType())
                .header("Content-Disposition", "attachment; filename=\"" + file.fileName() + "\"")
                .header("X-Content-SHA256", file.sha256())
                .header("X-Audit-Entries", file.entryCount())
                .build();
    }

    @GET
    @Path("certificate")
    @Produces("application/x-pem-file")
    @RolesAllowed({"INSPECTOR", "QA_REVIEWER", "QA_RELEASER", "ADMIN"})
    @Operation(operationId = "getAuditCaCertificate",
            summary = "The installation's CA certificate (PEM) that verifies checkpoints and time stamps with openssl")
    @APIResponse(responseCode = "200", description = "The CA certificate, PEM encoded")
    public String certificate() {
        return integrity.caCertificatePem();
    }

    @GET
    @Path("verification")
    @RolesAllowed({"INSPECTOR", "QA_REVIEWER", "QA_RELEASER", "ADMIN"})
    @Operation(operationId = "verifyAuditTrail", summary = "Verify the audit trail's integrity now",
            description = "Recomputes the hash chain from the database and holds it against every signed checkpoint;"
                    + " the same check as bin/ebr verify-audit. intact=false names the first bad revision.")
    @APIResponse(responseCode = "200", description = "The result: intact, or the first bad revision")
    public AuditVerification verification() {
        return integrity.verify();
    }

    @POST
    @Path("checkpoints")
    @RolesAllowed({"INSPECTOR", "QA_REVIEWER", "QA_RELEASER", "ADMIN"})
    @Operation(operationId = "createAuditCheckpoint",
            summary = "Sign a checkpoint of the chain head now (written outside the database)")
    @APIResponse(responseCode = "201", description = "Signed and written",
            headers = @Header(name = "Location", description = "The checkpoint's name (the file is kept outside the"
                    + " database, not served by the API)",
                    schema = @Schema(type = SchemaType.STRING, format = "uri-reference")),
            content = @Content(schema = @Schema(implementation = AuditIntegrity.CheckpointInfo.class)))
    @APIResponse(responseCode = "204", description = "Nothing to sign: the audit trail is empty")
    @APIResponse(responseCode = "503", ref = "ServiceUnavailable") // the key store or time-stamp authority
    public Response checkpoint() {
        return integrity.checkpointNow()
                .map(info -> Response.created(URI.create("audit/checkpoints/" + info.fileName())).entity(info).build())
                .orElseGet(() -> Response.noContent().build());
    }

    static AuditFilter filter(String entityType, String recordId, String user, String action, String from, String to,
                              String text, String batch) {
        return new AuditFilter(blankToNull(entityType), blankToNull(recordId), blankToNull(user), action(action),
                instant("from", from), instant("to", to), blankToNull(text), blankToNull(batch));
    }

    private static AuditTrail.ExportFormat format(String value) {
        if (blankToNull(value) == null) {
            throw new BadRequestException("'format' is required: csv, json or pdf.");
        }
        try {
            return AuditTrail.ExportFormat.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("'format' must be csv, json or pdf.");
        }
    }

    private static AuditAction action(String value) {
        if (blankToNull(value) == null) {
            return null;
        }
        try {
            return AuditAction.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("'action' must be one of CREATED, CHANGED, DELETED.");
        }
    }

    private static AuditSort sort(String sort, String order) {
        boolean ascending;
        if (blankToNull(order) == null || order.strip().equalsIgnoreCase("desc")) {
            ascending = false;
        } else if (order.strip().equalsIgnoreCase("asc")) {
            ascending = true;
        } else {
            throw new BadRequestException("'order' must be asc or desc.");
        }
        if (blankToNull(sort) == null) {
            return new AuditSort(AuditSort.Field.TIME, ascending);
        }
        return switch (sort.strip().toLowerCase(Locale.ROOT)) {
            case "time" -> new AuditSort(AuditSort.Field.TIME, ascending);
            case "user" -> new AuditSort(AuditSort.Field.USER, ascending);
            case "recordtype" -> new AuditSort(AuditSort.Field.RECORD_TYPE, ascending);
            case "action" -> new AuditSort(AuditSort.Field.ACTION, ascending);
            default -> throw new BadRequestException("'sort' must be one of time, user, recordType, action.");
        };
    }

    private static int number(String name, String value, int absent) {
        if (blankToNull(value) == null) {
            return absent;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new BadRequestException("'" + name + "' must be a whole number.");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static Instant instant(String name, String value) {
        return StorableInstants.parameter(name, value);
    }
}
