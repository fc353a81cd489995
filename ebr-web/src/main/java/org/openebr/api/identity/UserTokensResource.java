package org.openebr.api.identity;

import jakarta.annotation.security.RolesAllowed;
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

/** Administrators see and revoke anyone's API tokens. */
@Path("users/{userName}/tokens")
@RolesAllowed("ADMIN")
@Tag(name = "identity")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "basicAuth")
@SecurityRequirement(name = "bearerAuth")
public class UserTokensResource {

    @Inject
    ApiTokens tokens;

    @GET
    @Operation(operationId = "listUserApiTokens", summary = "A user's API tokens, newest first (ADMIN; never the token itself)")
    @APIResponse(responseCode = "200", description = "The tokens")
    @APIResponse(responseCode = "401", description = "Not authenticated",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not an administrator",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such account",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public List<ApiTokens.TokenDetails> list(@PathParam("userName") String userName) {
        return tokens.of(userName);
    }

    @POST
    @Path("{id}/revoke")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "revokeUserApiToken", summary = "Revoke a user's API token, with a reason (ADMIN)",
            description = "Takes effect at once. Locking or deactivating the account makes all its tokens unusable too.")
    @APIResponse(responseCode = "200", description = "Revoked")
    @APIResponse(responseCode = "401", description = "Not authenticated",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not an administrator",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such account or token",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Already revoked",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "No reason given",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ApiTokens.TokenDetails revoke(@PathParam("userName") String userName, @PathParam("id") UUID id,
                                         @Valid @NotNull UsersResource.Reason reason) {
        return tokens.revoke(userName, id, reason.reason());
    }
}
