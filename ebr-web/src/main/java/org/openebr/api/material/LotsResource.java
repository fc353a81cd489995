package org.openebr.api.material;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.openebr.api.StorableDate;
import org.openebr.material.boundary.LotFacts;
import org.openebr.material.boundary.Lots;
import org.openebr.material.boundary.Receipt;

/**
 * Lots: goods receipt (WAREHOUSE) into QUARANTINE, reading with the status that counts now
 * (EXPIRED computed from the dates), and QA's block and its lifting. QA's release and rejection are
 * signatures: {@code POST /signatures} with record type {@code LOT}, the lot id, meaning RELEASED
 * or REJECTED.
 */
@Path("lots")
@Tag(name = "lots")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({"OPERATOR", "SUPERVISOR", "QA_REVIEWER", "QA_RELEASER", "WAREHOUSE", "INSPECTOR"})
@APIResponse(responseCode = "401", ref = "Unauthorized")
@APIResponse(responseCode = "403", ref = "Forbidden")
public class LotsResource {

    /** One container as received. */
    public record ContainerRequest(BigDecimal quantity, String unit, BigDecimal tare) {
    }

    /** A goods receipt; location: where the containers are put (the quarantine store when absent). */
    public record ReceiptRequest(String materialNumber, String supplier, String supplierLot,
                                 @StorableDate LocalDate expiryDate, @StorableDate LocalDate retestDate,
                                 List<ContainerRequest> containers, String location, String reason) {
    }

    /** Why: required for a block and its lifting. */
    @Schema(name = "LotReason")
    public record Reason(@NotBlank @Size(max = 1000) String reason) {
    }

    @Inject
    Lots lots;

    @Context
    UriInfo uriInfo;

    @GET
    @Operation(operationId = "listLots", summary = "Every lot, newest receipt first, with its status now and its containers")
    @APIResponse(responseCode = "200", description = "Every lot")
    public List<LotFacts> list() {
        return lots.list();
    }

    @GET
    @Path("{lotId}")
    @Operation(operationId = "getLot", summary = "One lot with its status now (EXPIRED computed from its dates) and containers")
    @APIResponse(responseCode = "200", description = "The lot")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public LotFacts lot(@PathParam("lotId") String lotId) {
        return lots.lot(lotId);
    }

    @POST
    @RolesAllowed("WAREHOUSE")
    @Operation(operationId = "receiveLot", summary = "Goods receipt: a new lot in QUARANTINE with its containers (WAREHOUSE)",
            description = "422 with a specific problem type: material-unknown, quantity-not-positive, unit-unknown,"
                    + " unit-not-convertible (a unit of another dimension than the material's), lot-dates-invalid,"
                    + " material-input-incomplete.")
    @APIResponse(responseCode = "201", description = "The lot in QUARANTINE with its containers",
            headers = @Header(name = "Location", description = "The lot",
                    schema = @Schema(type = SchemaType.STRING, format = "uri")),
            content = @Content(schema = @Schema(implementation = LotFacts.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "413", ref = "ContentTooLarge")
    @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
    @APIResponse(responseCode = "422", ref = "UnprocessableContent")
    public Response receive(@Valid @NotNull ReceiptRequest request) {
        List<Receipt.ReceivedContainer> containers = request.containers() == null ? null : request.containers().stream()
                .map(c -> c == null ? null : new Receipt.ReceivedContainer(c.quantity(), c.unit(), c.tare())).toList();
        LotFacts lot = lots.receive(new Receipt(request.materialNumber(), request.supplier(), request.supplierLot(),
                request.expiryDate(), request.retestDate(), containers, request.location(), request.reason()));
        return Response.created(uriInfo.getBaseUriBuilder().path("lots").path(lot.lotId()).build()).entity(lot).build();
    }

    @POST
    @Path("{lotId}/block")
    @RolesAllowed({"QA_REVIEWER", "QA_RELEASER"})
    @Operation(operationId = "blockLot", summary = "Block a lot in quarantine or released, with a reason (QA)")
    @APIResponse(responseCode = "200", description = "Blocked; the lot")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict") // blocked or rejected already
    @APIResponse(responseCode = "413", ref = "ContentTooLarge")
    @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
    public LotFacts block(@PathParam("lotId") String lotId, @Valid @NotNull Reason reason) {
        return lots.block(lotId, reason.reason());
    }

    @POST
    @Path("{lotId}/unblock")
    @RolesAllowed({"QA_REVIEWER", "QA_RELEASER"})
    @Operation(operationId = "unblockLot", summary = "Lift the block of a lot, with a reason (QA): back to its status before")
    @APIResponse(responseCode = "200", description = "Block lifted; the lot")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict") // not blocked
    @APIResponse(responseCode = "413", ref = "ContentTooLarge")
    @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
    public LotFacts unblock(@PathParam("lotId") String lotId, @Valid @NotNull Reason reason) {
        return lots.unblock(lotId, reason.reason());
    }
}
