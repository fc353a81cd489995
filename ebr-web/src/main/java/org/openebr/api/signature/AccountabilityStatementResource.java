package org.openebr.api.signature;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.openebr.signature.boundary.AccountabilityStatement;
import org.openebr.signature.boundary.Signatures;

@Path("me/accountability-statement")
@Tag(name = "signatures")
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "401", ref = "Unauthorized")
public class AccountabilityStatementResource {

    /** The re-authentication components and the nonce (POST /ebr/api/v1/signatures/nonces). */
    public record StatementSignature(@NotBlank @Size(max = 64) String userName, @NotBlank @Size(max = 256) String password,
                                     @NotBlank @Size(max = 64) String nonce) {
    }

    @Inject
    Signatures signatures;

    @jakarta.ws.rs.core.Context
    SecurityContext security;

    @GET
    @Operation(operationId = "getAccountabilityStatement",
            summary = "Your signature-accountability statement: its text and, once signed, your signature")
    @APIResponse(responseCode = "200", description = "The statement, with your signature once signed")
    public Signatures.Statement statement() {
        return signatures.statement();
    }

    @POST
    @Path("signature")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "signAccountabilityStatement",
            summary = "Sign your signature-accountability statement (needed before your first signature)",
            description = "Body: {\"userName\": your user id, \"password\": your password, \"nonce\": from POST"
                    + " /ebr/api/v1/signatures/nonces}. 201 with the signature (its id is the 'id' field).")
    @APIResponse(responseCode = "201", description = "Signed: the signature's manifestation",
            headers = @Header(name = "Location", description = "The signature",
                    schema = @Schema(type = SchemaType.STRING, format = "uri-reference")),
            content = @Content(schema = @Schema(implementation = Signatures.Manifestation.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "403", ref = "Forbidden") // signing as someone else, or the policy refuses
    @APIResponse(responseCode = "409", ref = "Conflict") // nonce refused, already signed, no credential
    @APIResponse(responseCode = "413", ref = "ContentTooLarge")
    @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
    @APIResponse(responseCode = "503", ref = "ServiceUnavailable")
    public Response sign(@Valid @NotNull StatementSignature request) {
        Signatures.Manifestation signed = SignaturesResource.withNonceState(signatures, request.nonce(),
                () -> signatures.sign(new Signatures.SignRequest(AccountabilityStatement.RECORD_TYPE,
                        security.getUserPrincipal().getName(), "APPROVED", null, request.userName(),
                        request.password().toCharArray(), request.nonce(), false, null)));
        return Response.created(URI.create("../signatures/" + signed.id())).entity(signed).build();
    }
}
