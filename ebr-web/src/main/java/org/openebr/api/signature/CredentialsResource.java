package org.openebr.api.signature;

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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.openebr.signature.boundary.SigningCredentials;

/** Roles declared here as on the service, so that a caller without them is refused before the input is judged. */
@Path("signing-credentials/{userName}")
@Tag(name = "signatures")
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "401", ref = "Unauthorized")
@APIResponse(responseCode = "403", ref = "Forbidden")
@APIResponse(responseCode = "404", ref = "NotFound")
public class CredentialsResource {

    /** How the identity was verified, e.g. "passport checked in person by the site HR officer". */
    public record Verification(@NotBlank @Size(max = 300) String method) {
    }

    @Inject
    SigningCredentials credentials;

    @POST
    @Path("identity-verification")
    @RolesAllowed("ADMIN")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "recordIdentityVerification",
            summary = "Record that the person's identity was verified; issues their signing certificate (ADMIN)")
    @APIResponse(responseCode = "201", description = "Recorded; the new signing certificate",
            content = @Content(schema = @Schema(implementation = SigningCredentials.CredentialDetails.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "409", ref = "Conflict") // the key store is not ready for signing credentials
    @APIResponse(responseCode = "413", ref = "ContentTooLarge")
    @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
    @APIResponse(responseCode = "503", ref = "ServiceUnavailable")
    public Response verify(@PathParam("userName") String userName, @Valid @NotNull Verification verification) {
        return Response.status(Response.Status.CREATED)
                .entity(credentials.recordIdentityVerification(userName, verification.method())).build();
    }

    @GET
    @RolesAllowed({"ADMIN", "INSPECTOR", "QA_REVIEWER", "QA_RELEASER"})
    @Operation(operationId = "listSigningCredentials",
            summary = "The person's signing certificates, active and revoked (never a key)")
    @APIResponse(responseCode = "200", description = "The person's certificates")
    public List<SigningCredentials.CredentialDetails> list(@PathParam("userName") String userName) {
        return credentials.credentialsOf(userName);
    }
}
