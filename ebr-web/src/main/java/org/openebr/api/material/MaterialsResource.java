package org.openebr.api.material;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
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
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.openebr.material.boundary.MaterialMaster;
import org.openebr.material.boundary.MaterialType;
import org.openebr.material.boundary.MaterialFacts;
import org.openebr.material.boundary.NewMaterial;

/** The material master: materials by the number the ERP knows them by. QA adds materials. */
@Path("materials")
@Tag(name = "materials")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({"OPERATOR", "SUPERVISOR", "RECIPE_AUTHOR", "RECIPE_APPROVER", "QA_REVIEWER", "QA_RELEASER",
        "WAREHOUSE", "MAINTENANCE", "INSPECTOR"})
@APIResponse(responseCode = "401", ref = "Unauthorized")
@APIResponse(responseCode = "403", ref = "Forbidden")
public class MaterialsResource {

    /** A new material; the GTIN (14 digits, GS1 check digit) where it has one. */
    public record MaterialRequest(String materialNumber, String name, MaterialType type, String baseUnit,
                                  String storageConditions, Integer shelfLifeMonths, Integer retestMonths, String gtin,
                                  String reason) {
    }

    @Inject
    MaterialMaster master;

    @Context
    UriInfo uriInfo;

    @GET
    @Operation(operationId = "listMaterials", summary = "Every material of the material master")
    @APIResponse(responseCode = "200", description = "Every material, by material number")
    public List<MaterialFacts> list() {
        return master.list();
    }

    @GET
    @Path("{materialNumber}")
    @Operation(operationId = "getMaterial", summary = "One material by its material number")
    @APIResponse(responseCode = "200", description = "The material")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public MaterialFacts material(@PathParam("materialNumber") String materialNumber) {
        return master.material(materialNumber);
    }

    @POST
    @RolesAllowed({"QA_REVIEWER", "QA_RELEASER"})
    @Operation(operationId = "createMaterial", summary = "Add a material to the material master (QA), with a reason",
            description = "422 names every missing or malformed field, a GTIN with a wrong check digit"
                    + " (gtin-invalid); 409 when the number, name or GTIN is taken.")
    @APIResponse(responseCode = "201", description = "The new material",
            headers = @Header(name = "Location", description = "The material",
                    schema = @Schema(type = SchemaType.STRING, format = "uri")),
            content = @Content(schema = @Schema(implementation = MaterialFacts.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "413", ref = "ContentTooLarge")
    @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
    @APIResponse(responseCode = "422", ref = "UnprocessableContent")
    public Response create(@NotNull MaterialRequest request) {
        MaterialFacts created = master.create(new NewMaterial(request.materialNumber(), request.name(), request.type(),
                request.baseUnit(), request.storageConditions(), request.shelfLifeMonths(), request.retestMonths(),
                request.gtin(), request.reason()));
        return Response.created(uriInfo.getBaseUriBuilder().path("materials").path(created.materialNumber()).build())
                .entity(created).build();
    }
}
