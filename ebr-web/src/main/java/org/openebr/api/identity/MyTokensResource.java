package org.openebr.api.identity;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.openebr.api.Problem;
import org.openebr.identity.boundary.ApiTokens;

/** The caller's own API tokens: listed (never the token itself) and revoked with a reason. */
@Path("me/tokens")
@PermitAll
@Tag(name = "identity")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "basicAuth")
@SecurityRequirement(name = "bearerAuth")
public class MyTokensResource {

    @Inject
    ApiTokens tokens;

    @GET
    @Operation(operationId = "listMyApiTokens", summary = "The caller's API tokens, newest first (never the token itself)")
    @APIResponse(responseCode = "200", description = "The tokens")
    @APIResponse(responseCode = "401", description = "Not authenticated",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public List<ApiTokens.TokenDetails> list() {
        return tokens.mine();
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getMyApiToken", summary = "One of the caller's API tokens (never the token itself)")
    @APIResponse(responseCode = "200", description = "The token")
    @APIResponse(responseCode = "401", description = "Not authenticated",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "The caller has no token with this id",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ApiTokens.TokenDetails find(@PathParam("id") UUID id) {
        return tokens.mine(id);
    }

    @POST
    @Path("{id}/revoke")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "revokeMyApiToken", summary = "Revoke one of the caller's API tokens, with a reason",
            description = "Takes effect at once. Someone else's token is answered 404, like one that does not exist.")
    @APIResponse(responseCode = "200", description = "Revoked")
    @APIResponse(responseCode = "401", description = "Not authenticated",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "The caller has no token with this id",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Already revoked",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "No reason given",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ApiTokens.TokenDetails revoke(@PathParam("id") UUID id, @Valid @NotNull UsersResource.Reason reason) {
        return tokens.revokeOwn(id, reason.reason());
    }
}
