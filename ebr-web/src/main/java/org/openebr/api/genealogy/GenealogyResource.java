package org.openebr.api.genealogy;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.openebr.genealogy.boundary.Genealogy;
import org.openebr.genealogy.boundary.GenealogyTrace;
import org.openebr.genealogy.boundary.TraceDirection;

/**
 * A lot's genealogy: every link reached forward (where its material went: containers, dispensed
 * containers, lots split or merged from it, batches) or backward (what it was made from), each once
 * at the depth first reached, whether the trace is complete, and links that close a cycle.
 */
@Path("genealogy")
@Tag(name = "genealogy", description = "Forward (where used) and backward (where from) traces of a lot")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"WAREHOUSE", "OPERATOR", "SUPERVISOR", "QA_REVIEWER", "QA_RELEASER", "INSPECTOR"})
@APIResponse(responseCode = "401", ref = "Unauthorized")
@APIResponse(responseCode = "403", ref = "Forbidden")
public class GenealogyResource {

    @Inject
    Genealogy genealogy;

    @GET
    @Path("{lotId}")
    @Operation(operationId = "traceLot", summary = "A lot's trace forward (where used) or backward (where from), any depth")
    @APIResponse(responseCode = "200", description = "The trace")
    @APIResponse(responseCode = "400", ref = "BadRequest") // direction missing or not forward/backward
    @APIResponse(responseCode = "404", ref = "NotFound")
    public GenealogyTrace trace(@PathParam("lotId") String lotId,
                                @Parameter(description = "forward (where used) or backward (where from)", required = true,
                                        schema = @Schema(type = SchemaType.STRING, enumeration = {"forward", "backward"}))
                                @QueryParam("direction") String direction) {
        TraceDirection way = TraceDirection.named(direction).orElseThrow(() -> new BadRequestException(
                "'direction' must be forward (where used) or backward (where from)"
                        + (direction == null ? "" : ", not '" + direction + "'")));
        return genealogy.trace(lotId, way);
    }
}
