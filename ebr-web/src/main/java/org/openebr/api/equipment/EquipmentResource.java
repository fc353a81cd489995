package org.openebr.api.equipment;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.openebr.api.StorableDate;
import org.openebr.equipment.boundary.Equipment;
import org.openebr.equipment.boundary.EquipmentAdmission;
import org.openebr.equipment.boundary.EquipmentGate;
import org.openebr.equipment.boundary.EquipmentUse;
import org.openebr.equipment.boundary.EquipmentViews.EquipmentEvent;
import org.openebr.equipment.boundary.EquipmentViews.EquipmentLogbookEntry;
import org.openebr.equipment.boundary.EquipmentViews.EquipmentSummary;
import org.openebr.recipe.boundary.EquipmentCheck;

/**
 * Equipment units (items carry {@code equipmentId} and {@code status}), their read-only logbooks,
 * the events that move a unit (cleaning, calibration, maintenance, qualification, status), and the
 * gate's answer a terminal asks before use. A cleaning becomes effective when a second person signs
 * its logbook entry on {@code POST /signatures} (record type {@code EQUIPMENT_CLEANING}, record id
 * the entry's id, meaning VERIFIED). Administrators have no access (GMP data).
 */
@Path("equipment")
@Tag(name = "equipment")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({"OPERATOR", "SUPERVISOR", "RECIPE_AUTHOR", "RECIPE_APPROVER", "QA_REVIEWER", "QA_RELEASER", "WAREHOUSE",
        "MAINTENANCE", "INSPECTOR"})
@APIResponse(responseCode = "401", ref = "Unauthorized")
@APIResponse(responseCode = "403", ref = "Forbidden")
public class EquipmentResource {

    /** A new unit; its equipment id is also its barcode text. */
    public record NewEquipmentUnit(@Size(max = 32) String equipmentId, @Size(max = 100) String equipmentClass,
                                   @Size(max = 200) String description, @Size(max = 100) String location,
                                   Integer calibrationIntervalDays, Long wearLimit, @Size(max = 1000) String reason) {
    }

    /** A cleaning as its performer records it; optional note. */
    public record EquipmentCleaning(@Size(max = 200) String procedure, @Size(max = 1000) String reason) {
    }

    /** A calibration result: PASS or FAIL, the certificate, when performed (absent: now), the next due date for PASS. */
    public record EquipmentCalibration(String result, @StorableDate Instant performedAt, @Size(max = 100) String certificate,
                                       @StorableDate Instant nextDue, @Size(max = 1000) String reason) {
    }

    /** Maintenance STARTED or COMPLETED. */
    public record EquipmentMaintenance(String phase, @Size(max = 500) String description, @Size(max = 1000) String reason) {
    }

    /** QUALIFIED or NOT_QUALIFIED, with the document that states it. */
    public record EquipmentQualification(String qualification, @Size(max = 100) String reference,
                                         @Size(max = 1000) String reason) {
    }

    /** OUT_OF_SERVICE, or DIRTY (marked dirty; back in service from out of service). */
    public record EquipmentStatusEvent(String status, @Size(max = 1000) String reason) {
    }

    @Inject
    Equipment equipment;

    @Inject
    EquipmentGate gate;

    @Context
    UriInfo uriInfo;

    @GET
    @Operation(operationId = "listEquipment",
            summary = "Every equipment unit with its status, clean-hold, calibration due date and qualification")
    @APIResponse(responseCode = "200", description = "Every unit")
    public List<EquipmentSummary> list() {
        return equipment.units();
    }

    @POST
    @RolesAllowed("MAINTENANCE")
    @Operation(operationId = "registerEquipment", summary = "Register a new unit (MAINTENANCE); it starts DIRTY and"
            + " NOT_QUALIFIED")
    @APIResponse(responseCode = "201", description = "The new unit",
            headers = @Header(name = "Location", description = "The new unit",
                    schema = @Schema(type = SchemaType.STRING, format = "uri")),
            content = @Content(schema = @Schema(implementation = EquipmentSummary.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound") // the class does not exist
    @APIResponse(responseCode = "409", ref = "Conflict") // the equipment id is taken
    @APIResponse(responseCode = "413", ref = "ContentTooLarge")
    @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
    @APIResponse(responseCode = "422", ref = "UnprocessableContent")
    public Response register(@Valid @NotNull NewEquipmentUnit unit) {
        EquipmentSummary registered = equipment.register(new Equipment.UnitRegistration(unit.equipmentId(),
                unit.equipmentClass(), unit.description(), unit.location(), unit.calibrationIntervalDays(),
                unit.wearLimit(), unit.reason()));
        return Response.created(uriInfo.getBaseUriBuilder().path("equipment").path(registered.equipmentId()).build())
                .entity(registered).build();
    }

    @GET
    @Path("{equipmentId}")
    @Operation(operationId = "getEquipment", summary = "One unit with its status and due dates")
    @APIResponse(responseCode = "200", description = "The unit")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public EquipmentSummary unit(@PathParam("equipmentId") String equipmentId) {
        return equipment.unit(equipmentId);
    }

    @GET
    @Path("{equipmentId}/logbook")
    @Operation(operationId = "getEquipmentLogbook",
            summary = "The unit's logbook: every status change, use, cleaning, calibration and maintenance, oldest first")
    @APIResponse(responseCode = "200", description = "The logbook, in the order recorded")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public List<EquipmentLogbookEntry> logbook(@PathParam("equipmentId") String equipmentId) {
        return equipment.logbook(equipmentId);
    }

    @GET
    @Path("{equipmentId}/admission")
    @Operation(operationId = "getEquipmentAdmission",
            summary = "Whether the unit may be used now for a step: the admission, or the refusal naming the rule",
            description = "equipmentClass: the class the step names (absent: any); checks: comma-separated CLEAN,"
                    + " CLEAN_HOLD_TIME, CALIBRATED, QUALIFIED; batch: the batch that would use it. Nothing is recorded.")
    @APIResponse(responseCode = "200", description = "The unit may be used so")
    @APIResponse(responseCode = "400", ref = "BadRequest") // an unknown check
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict") // refused: the problem's type names the rule
    public EquipmentAdmission admission(@PathParam("equipmentId") String equipmentId,
                                        @QueryParam("equipmentClass") String equipmentClass,
                                        @QueryParam("checks") String checks, @QueryParam("batch") String batch) {
        return gate.admit(new EquipmentUse(equipmentId, blankToNull(equipmentClass), checks(checks), blankToNull(batch),
                null));
    }

    @POST
    @Path("{equipmentId}/cleanings")
    @RolesAllowed({"OPERATOR", "SUPERVISOR"})
    @Operation(operationId = "recordEquipmentCleaning", summary = "Record a cleaning (OPERATOR, SUPERVISOR)",
            description = "The unit becomes CLEAN when a second person signs the entry: POST /signatures with record type"
                    + " EQUIPMENT_CLEANING, record id the entry's id, meaning VERIFIED.")
    @APIResponse(responseCode = "201", description = "The cleaning's logbook entry and the unit",
            content = @Content(schema = @Schema(implementation = EquipmentEvent.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "413", ref = "ContentTooLarge")
    @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
    @APIResponse(responseCode = "422", ref = "UnprocessableContent")
    public Response cleaning(@PathParam("equipmentId") String equipmentId, @Valid @NotNull EquipmentCleaning cleaning) {
        return event(equipment.recordCleaning(equipmentId, new Equipment.CleaningRecord(cleaning.procedure(),
                cleaning.reason())));
    }

    @POST
    @Path("{equipmentId}/calibrations")
    @RolesAllowed("MAINTENANCE")
    @Operation(operationId = "recordEquipmentCalibration", summary = "Record a calibration result (MAINTENANCE)",
            description = "A FAIL takes the unit out of service; the answer lists every batch that used it since its last"
                    + " passed calibration.")
    @APIResponse(responseCode = "201", description = "The calibration's logbook entry and the unit",
            content = @Content(schema = @Schema(implementation = EquipmentEvent.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "413", ref = "ContentTooLarge")
    @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
    @APIResponse(responseCode = "422", ref = "UnprocessableContent")
    public Response calibration(@PathParam("equipmentId") String equipmentId,
                                @Valid @NotNull EquipmentCalibration calibration) {
        return event(equipment.recordCalibration(equipmentId, new Equipment.CalibrationRecord(calibration.result(),
                calibration.performedAt(), calibration.certificate(), calibration.nextDue(), calibration.reason())));
    }

    @POST
    @Path("{equipmentId}/maintenance")
    @RolesAllowed("MAINTENANCE")
    @Operation(operationId = "recordEquipmentMaintenance", summary = "Record the start or end of maintenance (MAINTENANCE)")
    @APIResponse(responseCode = "201", description = "The maintenance's logbook entry and the unit",
            content = @Content(schema = @Schema(implementation = EquipmentEvent.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "413", ref = "ContentTooLarge")
    @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
    @APIResponse(responseCode = "422", ref = "UnprocessableContent")
    public Response maintenance(@PathParam("equipmentId") String equipmentId,
                                @Valid @NotNull EquipmentMaintenance maintenance) {
        return event(equipment.recordMaintenance(equipmentId, new Equipment.MaintenanceRecord(maintenance.phase(),
                maintenance.description(), maintenance.reason())));
    }

    @POST
    @Path("{equipmentId}/qualification")
    @RolesAllowed("MAINTENANCE")
    @Operation(operationId = "recordEquipmentQualification", summary = "Record the unit's qualification status (MAINTENANCE)")
    @APIResponse(responseCode = "201", description = "The qualification's logbook entry and the unit",
            content = @Content(schema = @Schema(implementation = EquipmentEvent.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "413", ref = "ContentTooLarge")
    @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
    @APIResponse(responseCode = "422", ref = "UnprocessableContent")
    public Response qualification(@PathParam("equipmentId") String equipmentId,
                                  @Valid @NotNull EquipmentQualification qualification) {
        return event(equipment.recordQualification(equipmentId, new Equipment.QualificationRecord(
                qualification.qualification(), qualification.reference(), qualification.reason())));
    }

    @POST
    @Path("{equipmentId}/status")
    @RolesAllowed({"MAINTENANCE", "SUPERVISOR", "OPERATOR"})
    @Operation(operationId = "recordEquipmentStatus",
            summary = "Take a unit out of service, mark it dirty, or put it back into service (MAINTENANCE)")
    @APIResponse(responseCode = "201", description = "The status event's logbook entry and the unit",
            content = @Content(schema = @Schema(implementation = EquipmentEvent.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "413", ref = "ContentTooLarge")
    @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
    @APIResponse(responseCode = "422", ref = "UnprocessableContent")
    public Response status(@PathParam("equipmentId") String equipmentId, @Valid @NotNull EquipmentStatusEvent event) {
        return event(equipment.recordStatus(equipmentId, new Equipment.StatusEvent(event.status(), event.reason())));
    }

    private Response event(EquipmentEvent event) {
        return Response.status(Response.Status.CREATED).entity(event).build();
    }

    private static Set<EquipmentCheck> checks(String text) {
        if (text == null || text.isBlank()) {
            return Set.of();
        }
        Set<EquipmentCheck> checks = EnumSet.noneOf(EquipmentCheck.class);
        for (String name : text.split(",")) {
            try {
                checks.add(EquipmentCheck.valueOf(name.strip()));
            } catch (IllegalArgumentException unknown) {
                throw new BadRequestException("'checks' takes " + Arrays.stream(EquipmentCheck.values()).map(Enum::name)
                        .collect(Collectors.joining(", ")) + ", comma-separated; not '" + name.strip() + "'");
            }
        }
        return checks;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
