package org.openebr.api.labeling;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.openebr.labeling.boundary.LabelContent;
import org.openebr.labeling.boundary.Labels;
import org.openebr.material.boundary.ContainerLabels;

/**
 * A container's printable label: a one-page PDF (100 x 70 mm) with the GS1 DataMatrix (GTIN,
 * lot, expiry, container id as serial) and the human-readable text, from the container's data now.
 */
@Path("containers/{containerId}/label.pdf")
@Tag(name = "labels")
@RolesAllowed({"WAREHOUSE", "QA_REVIEWER", "QA_RELEASER", "INSPECTOR"})
@APIResponse(responseCode = "401", ref = "Unauthorized")
@APIResponse(responseCode = "403", ref = "Forbidden")
public class ContainerLabelResource {

    @Inject
    ContainerLabels containers;

    @Inject
    Labels labels;

    @GET
    @Produces("application/pdf")
    @Operation(operationId = "getContainerLabel",
            summary = "The container's label as PDF with its GS1 DataMatrix (WAREHOUSE, QA, INSPECTOR)")
    @APIResponse(responseCode = "200", description = "The label, one page of 100 x 70 mm",
            content = @Content(mediaType = "application/pdf", schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Response label(@PathParam("containerId") String containerId) {
        LabelContent content = containers.content(containerId);
        return Response.ok(labels.containerLabel(content), "application/pdf")
                .header("Content-Disposition", "inline; filename=\"label-" + content.containerId() + ".pdf\"")
                .build();
    }
}
