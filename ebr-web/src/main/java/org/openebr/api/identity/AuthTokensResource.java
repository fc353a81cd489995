package org.openebr.api.identity;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.openebr.api.Problem;
import org.openebr.identity.boundary.ApiTokens;

/**
 * Sign-in of an API client: once, with the password (HTTP Basic), for a token that authenticates
 * the requests that follow cheaply. The sign-in is recorded once, here.
 */
@Path("auth/tokens")
@PermitAll
@Tag(name = "identity")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AuthTokensResource {

    /** What the token is for, e.g. "ERP interface, line 4" (optional). */
    public record NewToken(@Size(max = 100) String name) {
    }

    /**
     * A new token, shown this once and never again (the server keeps only its SHA-256).
     *
     * @param tokenType always {@code Bearer}: send {@code Authorization: Bearer <token>}
     */
    public record Issued(String token, String tokenType, ApiTokens.TokenDetails details) {
    }

    @Inject
    ApiTokens tokens;

    @Context
    UriInfo uriInfo;

    @POST
    @SecurityRequirement(name = "basicAuth")
    @Operation(operationId = "issueApiToken", summary = "Sign in once with the password and get an API token",
            description = "HTTP Basic only (a token cannot get another token). The token is shown once; send it as"
                    + " 'Authorization: Bearer <token>'. It expires after EBR_API_TOKEN_HOURS (personal accounts) or"
                    + " EBR_API_TECHNICAL_TOKEN_DAYS (technical accounts), and ends when it is revoked, the account is"
                    + " locked or deactivated, or its password is set anew. A token never signs: signatures still"
                    + " need the password.")
    @APIResponse(responseCode = "201", description = "Issued",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Issued.class)))
    @APIResponse(responseCode = "401", description = "Not signed in with a valid password",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "The account must change its password first",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Invalid name",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response issue(@Valid NewToken request) {
        ApiTokens.IssuedToken issued = tokens.issue(request == null ? null : request.name());
        CacheControl noStore = new CacheControl();
        noStore.setNoStore(true);
        return Response.created(uriInfo.getBaseUriBuilder().path("me/tokens").path(issued.details().id().toString()).build())
                .cacheControl(noStore)
                .entity(new Issued(issued.token(), "Bearer", issued.details()))
                .build();
    }
}
