package org.openebr.api.material;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.openebr.material.boundary.Dispense;
import org.openebr.material.boundary.DispensingFacts;
import org.openebr.material.boundary.Dispensings;

/** Weigh and dispense from a released container into a new container for one batch and step. */
@Path("dispensings")
@Tag(name = "dispensings")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({"OPERATOR", "SUPERVISOR", "QA_REVIEWER", "QA_RELEASER", "WAREHOUSE", "INSPECTOR"})
@APIResponse(responseCode = "401", ref = "Unauthorized")
@APIResponse(responseCode = "403", ref = "Forbidden")
public class DispensingsResource {

    /**
     * One weighing: net = gross - tare, in unit, within tolerancePercent of target; location is where it
     * is weighed; a controlled material (API) needs a verifier (another person) and their password.
     */
    public record DispensingRequest(String sourceContainerId, String materialNumber, String batch, String step,
                                    BigDecimal target, BigDecimal tolerancePercent, BigDecimal gross, BigDecimal tare,
                                    String unit, String balanceId, String location, String verifier,
                                    String verifierPassword) {
    }

    @Inject
    Dispensings dispensings;

    @GET
    @Operation(operationId = "listDispensings", summary = "Every dispensing for a batch, in the order weighed (?batch=)")
    @APIResponse(responseCode = "200", description = "The batch's dispensings")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    public List<DispensingFacts> ofBatch(@QueryParam("batch") String batch) {
        if (batch == null || batch.isBlank()) {
            throw new BadRequestException("'batch' is required, e.g. ?batch=B-2026-0001");
        }
        return dispensings.ofBatch(batch.strip());
    }

    @POST
    @RolesAllowed({"OPERATOR", "SUPERVISOR"})
    @Operation(operationId = "dispense",
            summary = "Weigh and dispense from a released container into a new container for a batch and step",
            description = "201 with the dispensing. 409 lot-quarantined, lot-rejected, lot-blocked, lot-expired,"
                    + " lot-retest-due, wrong-material, container-overdraw; 422 quantity-not-positive, unit-unknown,"
                    + " unit-not-convertible, out-of-tolerance, verifier-required; 403 witness-not-allowed,"
                    + " witness-not-authenticated.")
    @APIResponse(responseCode = "201", description = "Dispensed: the dispensing with the new container's id",
            content = @Content(schema = @Schema(implementation = DispensingFacts.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "413", ref = "ContentTooLarge")
    @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
    @APIResponse(responseCode = "422", ref = "UnprocessableContent")
    public Response dispense(@NotNull DispensingRequest request) {
        DispensingFacts done = dispensings.dispense(new Dispense(request.sourceContainerId(), request.materialNumber(),
                request.batch(), request.step(), request.target(), request.tolerancePercent(), request.gross(),
                request.tare(), request.unit(), request.balanceId(), request.location(), request.verifier(),
                request.verifierPassword() == null ? null : request.verifierPassword().toCharArray()));
        return Response.status(Response.Status.CREATED).entity(done).build();
    }
}
