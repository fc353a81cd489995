package org.openebr.api.material;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.openebr.material.boundary.ContainerFacts;
import org.openebr.material.boundary.Containers;
import org.openebr.material.boundary.MaterialAdmission;
import org.openebr.material.boundary.MaterialGate;
import org.openebr.material.boundary.MaterialUse;
import org.openebr.material.boundary.Transfer;

/** Containers with their complete custody history, and transfers (movements and hand-overs). */
@Path("containers")
@Tag(name = "containers")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({"OPERATOR", "SUPERVISOR", "QA_REVIEWER", "QA_RELEASER", "WAREHOUSE", "INSPECTOR"})
@APIResponse(responseCode = "401", ref = "Unauthorized")
@APIResponse(responseCode = "403", ref = "Forbidden")
public class ContainersResource {

    /**
     * A movement to a place; with toPerson a hand-over into that person's hands. A controlled material
     * (API) handed to another person needs their password (receiverPassword), checked like at signing.
     */
    public record TransferRequest(String toLocation, String toPerson, String receiverPassword, String reason) {
    }

    /** A part of a container into a new container of the same lot (sub-lotting), in any unit of its dimension. */
    public record SplitRequest(BigDecimal quantity, String unit, String reason) {
    }

    @Inject
    Containers containers;

    @Inject
    MaterialGate gate;

    @GET
    @Path("{containerId}")
    @Operation(operationId = "getContainer", summary = "One container with its lot's status and its complete custody history")
    @APIResponse(responseCode = "200", description = "The container and its history, oldest first")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public ContainerFacts container(@PathParam("containerId") String containerId) {
        return containers.container(containerId);
    }

    @GET
    @Path("{containerId}/admission")
    @RolesAllowed({"OPERATOR", "SUPERVISOR", "QA_REVIEWER", "QA_RELEASER", "INSPECTOR"})
    @Operation(operationId = "admitContainer",
            summary = "The material gate: may this container be charged to this batch and step now?",
            description = "200 with the admission, or the refusal naming the rule and the value: 409 wrong-material,"
                    + " lot-quarantined, lot-rejected, lot-blocked, lot-expired, lot-retest-due,"
                    + " container-not-dispensed-for-step; 422 out-of-tolerance, unit-unknown, unit-not-convertible.")
    @APIResponse(responseCode = "200", description = "Admitted: the container may be charged")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "422", ref = "UnprocessableContent")
    public MaterialAdmission admission(@PathParam("containerId") String containerId,
                                       @QueryParam("materialNumber") String materialNumber,
                                       @QueryParam("batch") String batch, @QueryParam("step") String step,
                                       @QueryParam("target") String target,
                                       @QueryParam("tolerancePercent") String tolerancePercent,
                                       @QueryParam("unit") String unit) {
        for (String[] parameter : new String[][] {{"materialNumber", materialNumber}, {"batch", batch}, {"step", step},
                {"target", target}, {"tolerancePercent", tolerancePercent}, {"unit", unit}}) {
            if (parameter[1] == null || parameter[1].isBlank()) {
                throw new BadRequestException("'" + parameter[0] + "' is required, e.g. ?materialNumber=RM-NACL&batch="
                        + "B-2026-0001&step=weigh%20NaCl&target=405.0&tolerancePercent=1&unit=g");
            }
        }
        return gate.admit(new MaterialUse(containerId, materialNumber, batch, step, decimal(target, "target"),
                decimal(tolerancePercent, "tolerancePercent"), unit));
    }

    private static BigDecimal decimal(String text, String parameter) {
        try {
            return new BigDecimal(text.strip());
        } catch (NumberFormatException notANumber) {
            throw new BadRequestException("'" + parameter + "' must be a decimal number such as 405.0, not '" + text + "'");
        }
    }

    @POST
    @Path("{containerId}/transfers")
    @RolesAllowed({"WAREHOUSE", "OPERATOR", "SUPERVISOR"})
    @Operation(operationId = "transferContainer",
            summary = "Move a container or hand it over (from its place and holder to another), with a reason",
            description = "201 with the container and its history. 422 receiver-signature-required when a controlled"
                    + " material is handed over without the receiver's password; 403 witness-not-authenticated when the"
                    + " password is not accepted, witness-not-allowed for oneself or a person without a receiving role.")
    @APIResponse(responseCode = "201", description = "Recorded; the container with its history",
            content = @Content(schema = @Schema(implementation = ContainerFacts.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "413", ref = "ContentTooLarge")
    @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
    @APIResponse(responseCode = "422", ref = "UnprocessableContent")
    public Response transfer(@PathParam("containerId") String containerId, @NotNull TransferRequest request) {
        ContainerFacts moved = containers.transfer(containerId, new Transfer(request.toLocation(), request.toPerson(),
                request.receiverPassword() == null ? null : request.receiverPassword().toCharArray(), request.reason()));
        return Response.status(Response.Status.CREATED).entity(moved).build();
    }

    @POST
    @Path("{containerId}/splits")
    @RolesAllowed("WAREHOUSE")
    @Operation(operationId = "splitContainer",
            summary = "Split a part of a container into a new container of the same lot (WAREHOUSE), with a reason",
            description = "201 with the new container; both histories record the split and a SPLIT genealogy edge links"
                    + " them. 409 container-overdraw when the part is not less than the container holds.")
    @APIResponse(responseCode = "201", description = "The new container with its history",
            content = @Content(schema = @Schema(implementation = ContainerFacts.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "413", ref = "ContentTooLarge")
    @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
    @APIResponse(responseCode = "422", ref = "UnprocessableContent")
    public Response split(@PathParam("containerId") String containerId, @NotNull SplitRequest request) {
        return Response.status(Response.Status.CREATED)
                .entity(containers.split(containerId, request.quantity(), request.unit(), request.reason())).build();
    }
}
