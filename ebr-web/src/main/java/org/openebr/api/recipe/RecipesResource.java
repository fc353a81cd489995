package org.openebr.api.recipe;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.openebr.api.Problem;
import org.openebr.api.StorableDate;
import org.openebr.platform.boundary.DomainException;
import org.openebr.recipe.boundary.RecipeComparison;
import org.openebr.recipe.boundary.RecipeDocument;
import org.openebr.recipe.boundary.Recipes;
import org.openebr.recipe.boundary.ScaledFormula;

/**
 * Master recipes. A version's document is served in exactly the JSON schema that import takes
 * (README: "Recipe document"); submission for review and approval are signatures of record type
 * {@code RECIPE_VERSION} on {@code POST /signatures} (record id {@code <recipe id>:<version>}).
 * Operators and supervisors read the effective version only: any other is a {@code 403
 * recipe-effective-only}, and lists show them the effective version alone.
 */
@Path("recipes")
@Tag(name = "recipes")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({"RECIPE_AUTHOR", "RECIPE_APPROVER", "QA_REVIEWER", "QA_RELEASER", "INSPECTOR", "SUPERVISOR", "OPERATOR"})
@APIResponse(responseCode = "401", ref = "Unauthorized")
@APIResponse(responseCode = "403", ref = "Forbidden")
public class RecipesResource {

    /** Why: required for every change of an existing version. */
    @Schema(name = "RecipeReason") // the identity API has its own Reason
    public record Reason(@NotBlank @Size(max = 1000) String reason) {
    }

    /** A new draft copied from an existing version. */
    public record NewVersion(@NotNull @Min(1) Integer basedOn, @NotBlank @Size(max = 1000) String reason) {
    }

    /**
     * A new content for a draft.
     *
     * @param draftRevision the revision the change was made on (optimistic locking)
     */
    public record DraftChange(@NotNull Integer draftRevision, @NotBlank @Size(max = 1000) String reason,
                              @NotNull RecipeDocument document) {
    }

    /** When an approved version becomes effective; absent: now. */
    public record Effective(@StorableDate Instant effectiveFrom, @NotBlank @Size(max = 1000) String reason) {
    }

    /** The problems of a document checked without saving. */
    public record Check(boolean valid,
                        @Schema(type = SchemaType.ARRAY, implementation = Problem.Violation.class)
                        List<DomainException.Violation> problems) {
    }

    @Inject
    Recipes recipes;

    @Context
    UriInfo uriInfo;

    @GET
    @Operation(operationId = "listRecipes",
            summary = "Every master recipe with its versions, their status and which one is effective",
            description = "Operators and supervisors get only recipes with an effective version, and only that version.")
    @APIResponse(responseCode = "200", description = "Every recipe")
    public List<Recipes.RecipeSummary> list() {
        return recipes.list();
    }

    @GET
    @Path("{recipeId}")
    @Operation(operationId = "getRecipe",
            summary = "One master recipe with every version (status, content hash, authors, effective dates)",
            description = "Operators and supervisors get the effective version only (403 recipe-effective-only when"
                    + " there is none).")
    @APIResponse(responseCode = "200", description = "The recipe with its versions")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Recipes.RecipeSummary recipe(@PathParam("recipeId") String recipeId) {
        return recipes.recipe(recipeId);
    }

    @GET
    @Path("{recipeId}/versions/{version}")
    @Operation(operationId = "getRecipeVersionDocument", summary = "One version's document in the import/export schema",
            description = "The JSON as stored. Headers: X-Recipe-Status, X-Recipe-Content-Hash (SHA-256 of the RFC 8785"
                    + " canonical form, the hash a batch keeps). ?download=true adds a file name.")
    @APIResponse(responseCode = "200", description = "The document in the import/export schema",
            headers = {
                    @Header(name = "X-Recipe-Status", description = "The version's lifecycle status",
                            schema = @Schema(type = SchemaType.STRING)),
                    @Header(name = "X-Recipe-Content-Hash", description = "SHA-256 of the document's RFC 8785 canonical form",
                            schema = @Schema(type = SchemaType.STRING))},
            content = @Content(schema = @Schema(implementation = RecipeDocument.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Response version(@PathParam("recipeId") String recipeId, @PathParam("version") int version,
                            @QueryParam("download") boolean download) {
        Recipes.VersionSummary summary = recipes.version(recipeId, version);
        Response.ResponseBuilder response = Response.ok(recipes.export(recipeId, version), MediaType.APPLICATION_JSON)
                .header("X-Recipe-Status", summary.status())
                .header("X-Recipe-Content-Hash", summary.contentHash());
        if (download) {
            response.header("Content-Disposition", "attachment; filename=\"recipe-" + recipeId + "-v" + version + ".json\"");
        }
        return response.build();
    }

    @GET
    @Path("{recipeId}/versions/{version}/summary")
    @Operation(operationId = "getRecipeVersionSummary", summary = "One version's lifecycle facts without its document")
    @APIResponse(responseCode = "200", description = "The version's lifecycle facts")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Recipes.VersionSummary summary(@PathParam("recipeId") String recipeId, @PathParam("version") int version) {
        return recipes.version(recipeId, version);
    }

    @GET
    @Path("{recipeId}/versions/{from}/diff/{to}")
    @Operation(operationId = "diffRecipeVersions",
            summary = "What changed from one version to another: added, removed, changed and moved elements")
    @APIResponse(responseCode = "200", description = "The differences")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public RecipeComparison diff(@PathParam("recipeId") String recipeId, @PathParam("from") int from,
                                 @PathParam("to") int to) {
        return recipes.diff(recipeId, from, to);
    }

    @GET
    @Path("{recipeId}/versions/{version}/scaled")
    @Operation(operationId = "scaleRecipeVersion",
            summary = "The formula and material charges scaled to an actual batch size, with tolerance bands")
    @APIResponse(responseCode = "200", description = "The scaled formula")
    @APIResponse(responseCode = "400", ref = "BadRequest") // batchSize missing or not a number
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "422", ref = "UnprocessableContent") // a batch size or unit the recipe cannot scale to
    public ScaledFormula scaled(@PathParam("recipeId") String recipeId, @PathParam("version") int version,
                                @QueryParam("batchSize") String batchSize, @QueryParam("unit") String unit) {
        if (batchSize == null || batchSize.isBlank()) {
            throw new BadRequestException("'batchSize' is required, e.g. ?batchSize=40.0&unit=L");
        }
        try {
            return recipes.scaled(recipeId, version, new BigDecimal(batchSize.strip()), unit);
        } catch (NumberFormatException notANumber) {
            throw new BadRequestException("'batchSize' must be a decimal number such as 40.0, not '" + batchSize + "'");
        }
    }

    @GET
    @Path("{recipeId}/effective")
    @Operation(operationId = "getEffectiveRecipe",
            summary = "The effective version, the only one a batch may be made from (409 when there is none)")
    @APIResponse(responseCode = "200", description = "The effective version with its document")
    @APIResponse(responseCode = "409", ref = "Conflict") // no effective version, or it fails its hash or signature check
    public Recipes.ExecutableRecipe effective(@PathParam("recipeId") String recipeId) {
        return recipes.forExecution(recipeId);
    }

    @POST
    @Path("import")
    @RolesAllowed("RECIPE_AUTHOR")
    @Operation(operationId = "importRecipeDraft",
            summary = "Import a recipe document as a new draft version (RECIPE_AUTHOR)",
            description = "The body is a document in the export schema. It is validated completely: 422 with every"
                    + " problem and its JSON location in 'violations', nothing saved; else 201 with the new draft. The"
                    + " server assigns the version number (the next of the recipe id). Optional ?reason=.")
    @APIResponse(responseCode = "201", description = "The new draft version",
            headers = @Header(name = "Location", description = "The new version's document",
                    schema = @Schema(type = SchemaType.STRING, format = "uri")),
            content = @Content(schema = @Schema(implementation = Recipes.VersionSummary.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "409", ref = "Conflict") // another author created the same version meanwhile
    @APIResponse(responseCode = "413", ref = "ContentTooLarge")
    @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
    @APIResponse(responseCode = "422", ref = "UnprocessableContent") // every problem of the document in 'violations'
    public Response importDraft(@NotNull RecipeDocument document, @QueryParam("reason") String reason) {
        Recipes.VersionSummary created = recipes.importDraft(document, reason);
        return created(created);
    }

    @POST
    @Path("validate")
    @Operation(operationId = "validateRecipeDocument",
            summary = "Check a recipe document without saving it: every problem with its JSON location")
    @APIResponse(responseCode = "200",
            description = "The result: valid, or every problem with its JSON location (nothing is saved either way)")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "413", ref = "ContentTooLarge")
    @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
    public Check validate(@NotNull RecipeDocument document) {
        List<DomainException.Violation> problems = recipes.check(document);
        return new Check(problems.isEmpty(), problems);
    }

    @POST
    @Path("{recipeId}/versions")
    @RolesAllowed("RECIPE_AUTHOR")
    @Operation(operationId = "createRecipeVersion",
            summary = "A new draft version copied from an existing one, to be changed (RECIPE_AUTHOR)")
    @APIResponse(responseCode = "201", description = "The new draft version",
            headers = @Header(name = "Location", description = "The new version's document",
                    schema = @Schema(type = SchemaType.STRING, format = "uri")),
            content = @Content(schema = @Schema(implementation = Recipes.VersionSummary.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict") // another author created the same version meanwhile
    @APIResponse(responseCode = "413", ref = "ContentTooLarge")
    @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
    public Response newVersion(@PathParam("recipeId") String recipeId, @Valid @NotNull NewVersion request) {
        return created(recipes.newVersion(recipeId, request.basedOn(), request.reason()));
    }

    @PUT
    @Path("{recipeId}/versions/{version}")
    @RolesAllowed("RECIPE_AUTHOR")
    @Operation(operationId = "saveRecipeDraft",
            summary = "Save a new content of a draft (RECIPE_AUTHOR); 409 once the version is submitted or later")
    @APIResponse(responseCode = "200", description = "Saved; the draft")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict") // not a draft, or saved by someone else since draftRevision
    @APIResponse(responseCode = "413", ref = "ContentTooLarge")
    @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
    @APIResponse(responseCode = "422", ref = "UnprocessableContent") // every problem of the document in 'violations'
    public Recipes.VersionSummary saveDraft(@PathParam("recipeId") String recipeId, @PathParam("version") int version,
                                            @Valid @NotNull DraftChange change) {
        return recipes.saveDraft(recipeId, version, change.draftRevision(), change.document(), change.reason());
    }

    @POST
    @Path("{recipeId}/versions/{version}/reject")
    @RolesAllowed("RECIPE_APPROVER")
    @Operation(operationId = "rejectRecipeVersion",
            summary = "Reject a version in review, with a reason (RECIPE_APPROVER)")
    @APIResponse(responseCode = "200", description = "Rejected; the version")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict") // the version's status does not allow it
    @APIResponse(responseCode = "413", ref = "ContentTooLarge")
    @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
    public Recipes.VersionSummary reject(@PathParam("recipeId") String recipeId, @PathParam("version") int version,
                                         @Valid @NotNull Reason reason) {
        return recipes.reject(recipeId, version, reason.reason());
    }

    @POST
    @Path("{recipeId}/versions/{version}/effective")
    @RolesAllowed("RECIPE_APPROVER")
    @Operation(operationId = "makeRecipeVersionEffective",
            summary = "Make an approved version effective now or from a later date (RECIPE_APPROVER)",
            description = "The version effective until then is superseded at that moment.")
    @APIResponse(responseCode = "200", description = "Effective now or scheduled; the version")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict") // the version's status does not allow it
    @APIResponse(responseCode = "413", ref = "ContentTooLarge")
    @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
    @APIResponse(responseCode = "422", ref = "UnprocessableContent") // an effective date in the past
    public Recipes.VersionSummary makeEffective(@PathParam("recipeId") String recipeId, @PathParam("version") int version,
                                                @Valid @NotNull Effective request) {
        return recipes.makeEffective(recipeId, version, request.effectiveFrom(), request.reason());
    }

    @POST
    @Path("{recipeId}/versions/{version}/retire")
    @RolesAllowed("RECIPE_APPROVER")
    @Operation(operationId = "retireRecipeVersion",
            summary = "Retire an approved or effective version, with a reason (RECIPE_APPROVER)")
    @APIResponse(responseCode = "200", description = "Retired; the version")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict") // the version's status does not allow it
    @APIResponse(responseCode = "413", ref = "ContentTooLarge")
    @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
    public Recipes.VersionSummary retire(@PathParam("recipeId") String recipeId, @PathParam("version") int version,
                                         @Valid @NotNull Reason reason) {
        return recipes.retire(recipeId, version, reason.reason());
    }

    private Response created(Recipes.VersionSummary version) {
        return Response.created(uriInfo.getBaseUriBuilder().path("recipes").path(version.recipeId()).path("versions")
                .path(Integer.toString(version.version())).build()).entity(version).build();
    }
}
