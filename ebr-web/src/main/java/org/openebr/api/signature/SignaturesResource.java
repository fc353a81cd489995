package org.openebr.api.signature;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.openebr.signature.boundary.SignatureRefused;
import org.openebr.signature.boundary.Signatures;

@Path("signatures")
@Tag(name = "signatures")
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "401", ref = "Unauthorized")
@APIResponse(responseCode = "403", ref = "Forbidden")
public class SignaturesResource {

    /**
     * A signing request on the API: every component of the re-authentication, every time.
     *
     * @param role optional when the signer holds one role
     * @param recordSha256 optional: the record's hash as the signer saw it ({@code GET signatures/record-hash});
     *                     a record changed since is not signed (409)
     */
    public record SignatureRequest(@NotBlank @Size(max = 64) String recordType, @NotBlank @Size(max = 100) String recordId,
                                   @NotBlank String meaning, @Size(max = 32) String role,
                                   @NotBlank @Size(max = 64) String userName, @NotBlank @Size(max = 256) String password,
                                   @NotBlank @Size(max = 64) String nonce, @Size(max = 64) String recordSha256) {
    }

    @Inject
    Signatures signatures;

    @POST
    @Path("nonces")
    @Operation(operationId = "issueSigningNonce",
            summary = "A one-time nonce for your next signing request (valid 10 minutes, usable once)")
    @APIResponse(responseCode = "201", description = "A new nonce",
            content = @Content(schema = @Schema(implementation = Signatures.Nonce.class)))
    public Response nonce() {
        return Response.status(Response.Status.CREATED).entity(signatures.issueNonce()).build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "signRecord", summary = "Sign a record",
            description = "Re-authenticates with userName (must be you) and password, consumes the nonce, checks the"
                    + " record type's policy (meaning, role, second person) and binds a CMS signature with an RFC 3161"
                    + " time stamp to the record's current version. 201 with the signature's manifestation.")
    @APIResponse(responseCode = "201", description = "Signed: the signature's manifestation",
            headers = @Header(name = "Location", description = "The signature",
                    schema = @Schema(type = SchemaType.STRING, format = "uri-reference")),
            content = @Content(schema = @Schema(implementation = Signatures.Manifestation.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound") // no such record or record type
    @APIResponse(responseCode = "409", ref = "Conflict") // nonce refused, already signed, record changed, no credential
    @APIResponse(responseCode = "413", ref = "ContentTooLarge")
    @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
    @APIResponse(responseCode = "503", ref = "ServiceUnavailable")
    public Response sign(@Valid @NotNull SignatureRequest request) {
        Signatures.Manifestation signed = withNonceState(signatures, request.nonce(), () -> signatures.sign(
                new Signatures.SignRequest(request.recordType(), request.recordId(), request.meaning(), request.role(),
                        request.userName(), request.password().toCharArray(), request.nonce(), false,
                        request.recordSha256())));
        return Response.created(URI.create("signatures/" + signed.id())).entity(signed).build();
    }

    @GET
    @Path("record-hash")
    @Operation(operationId = "getRecordHash",
            summary = "The SHA-256 of a record's current signable content, to send back as recordSha256 when signing")
    @APIResponse(responseCode = "200", description = "The record's hash as recordSha256")
    @APIResponse(responseCode = "400", ref = "BadRequest") // recordType or recordId missing
    @APIResponse(responseCode = "404", ref = "NotFound")
    public java.util.Map<String, String> recordHash(@QueryParam("recordType") String recordType,
                                                    @QueryParam("recordId") String recordId) {
        if (recordType == null || recordType.isBlank() || recordId == null || recordId.isBlank()) {
            throw new BadRequestException("'recordType' and 'recordId' are required.");
        }
        return java.util.Map.of("recordSha256", signatures.recordSha256(recordType.strip(), recordId.strip()));
    }

    @GET
    @Operation(operationId = "listRecordSignatures",
            summary = "The signatures of a record, each with its manifestation and whether it verifies now")
    @APIResponse(responseCode = "200", description = "The record's signatures, oldest first")
    @APIResponse(responseCode = "400", ref = "BadRequest") // recordType or recordId missing
    public List<Signatures.Manifestation> ofRecord(@QueryParam("recordType") String recordType,
                                                   @QueryParam("recordId") String recordId) {
        if (recordType == null || recordType.isBlank() || recordId == null || recordId.isBlank()) {
            throw new BadRequestException("'recordType' and 'recordId' are required.");
        }
        return signatures.ofRecord(recordType.strip(), recordId.strip());
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getSignature",
            summary = "One signature: manifestation (printed name, user name, role, meaning, time with zone) and verification")
    @APIResponse(responseCode = "200", description = "The signature")
    @APIResponse(responseCode = "400", ref = "BadRequest") // an id that is no UUID
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Signatures.Manifestation find(@PathParam("id") String id) {
        return signatures.find(uuid(id));
    }

    @GET
    @Path("{id}/bundle")
    @Produces("application/zip")
    @Operation(operationId = "getSignatureBundle",
            summary = "Offline verification bundle (zip): record.json, signature.p7s, signature-value.bin, timestamp.tsr, ca.pem",
            description = "openssl cms -verify -binary -inform DER -in signature.p7s -content record.json -CAfile ca.pem -out /dev/null;"
                    + " openssl ts -verify -data signature-value.bin -in timestamp.tsr -CAfile ca.pem")
    @APIResponse(responseCode = "200", description = "The bundle, as an attachment",
            content = @Content(mediaType = "application/zip", schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "400", ref = "BadRequest") // an id that is no UUID
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Response bundle(@PathParam("id") String id) {
        UUID signature = uuid(id);
        return Response.ok(signatures.bundle(signature), "application/zip")
                .header("Content-Disposition", "attachment; filename=\"signature-" + signature + ".zip\"").build();
    }

    /**
     * A refused signing says whether its nonce is spent: one refused before the nonce was consumed
     * (incomplete, not yourself) can be sent again as it is; one refused after needs a new nonce.
     */
    static Signatures.Manifestation withNonceState(Signatures signatures, String nonce,
                                                   java.util.function.Supplier<Signatures.Manifestation> signing) {
        try {
            return signing.get();
        } catch (SignatureRefused refused) {
            if (refused.reason() == SignatureRefused.Reason.NONCE) {
                throw refused; // its message already says to ask for a new one
            }
            throw new SignatureRefused(refused.reason(), refused.getMessage() + (signatures.nonceUsedUp(nonce)
                    ? " The nonce of this request is used up: ask for a new one (POST /ebr/api/v1/signatures/nonces)"
                            + " before you try again."
                    : " The nonce was not used: you can retry with it."), refused.violations());
        }
    }

    private static UUID uuid(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("'" + id + "' is not a signature id.");
        }
    }
}
