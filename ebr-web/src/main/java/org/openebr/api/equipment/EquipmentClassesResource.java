package org.openebr.api.equipment;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.openebr.equipment.boundary.Equipment;
import org.openebr.equipment.boundary.EquipmentViews.EquipmentClassSummary;

/**
 * Equipment classes, the names recipes give as a step's equipment class: whether calibration
 * applies, and the clean-hold and dirty-hold times. A class is defined once and never changed.
 */
@Path("equipment-classes")
@Tag(name = "equipment")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({"OPERATOR", "SUPERVISOR", "RECIPE_AUTHOR", "RECIPE_APPROVER", "QA_REVIEWER", "QA_RELEASER", "WAREHOUSE",
        "MAINTENANCE", "INSPECTOR"})
@APIResponse(responseCode = "401", ref = "Unauthorized")
@APIResponse(responseCode = "403", ref = "Forbidden")
public class EquipmentClassesResource {

    /** A new class. Hold times in ISO-8601 (PT72H); absent: no limit. */
    public record NewEquipmentClass(@Size(max = 100) String name, Boolean calibrationRequired, Duration cleanHold,
                                    Duration dirtyHold, @Size(max = 1000) String reason) {
    }

    @Inject
    Equipment equipment;

    @GET
    @Operation(operationId = "listEquipmentClasses", summary = "Every equipment class")
    @APIResponse(responseCode = "200", description = "Every class, by name")
    public List<EquipmentClassSummary> list() {
        return equipment.classes();
    }

    @POST
    @RolesAllowed("MAINTENANCE")
    @Operation(operationId = "defineEquipmentClass", summary = "Define an equipment class (MAINTENANCE)")
    @APIResponse(responseCode = "201", description = "The new class",
            content = @Content(schema = @Schema(implementation = EquipmentClassSummary.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "409", ref = "Conflict") // the name exists
    @APIResponse(responseCode = "413", ref = "ContentTooLarge")
    @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
    @APIResponse(responseCode = "422", ref = "UnprocessableContent")
    public Response define(@Valid @NotNull NewEquipmentClass definition) {
        return Response.status(Response.Status.CREATED).entity(equipment.defineClass(new Equipment.EquipmentClassDefinition(
                definition.name(), definition.calibrationRequired(), definition.cleanHold(), definition.dirtyHold(),
                definition.reason()))).build();
    }
}
