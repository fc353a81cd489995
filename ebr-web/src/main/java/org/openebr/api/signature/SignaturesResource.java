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
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.openebr.signature.boundary.SignatureRefused;
import org.openebr.signature.boundary.Signatures;

@Path("signatures")
@Tag(name = "signatures")
@Produces(MediaType.APPLICATION_JSON)
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
    @Operation(summary = "A one-time nonce for your next signing request (valid 10 minutes, usable once)")
    public Response nonce() {
        return Response.status(Response.Status.CREATED).entity(signatures.issueNonce()).build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Sign a record",
            description = "Re-authenticates with userName (must be you) and password, consumes the nonce, checks the"
                    + " record type's policy (meaning, role, second person) and binds a CMS signature with an RFC 3161"
                    + " time stamp to the record's current version. 201 with the signature's manifestation.")
    public Response sign(@Valid @NotNull SignatureRequest request) {
        Signatures.Manifestation signed = withNonceState(signatures, request.nonce(), () -> signatures.sign(
                new Signatures.SignRequest(request.recordType(), request.recordId(), request.meaning(), request.role(),
                        request.userName(), request.password().toCharArray(), request.nonce(), false,
                        request.recordSha256())));
        return Response.created(URI.create("signatures/" + signed.id())).entity(signed).build();
    }

    @GET
    @Path("record-hash")
    @Operation(summary = "The SHA-256 of a record's current signable content, to send back as recordSha256 when signing")
    public java.util.Map<String, String> recordHash(@QueryParam("recordType") String recordType,
                                                    @QueryParam("recordId") String recordId) {
        if (recordType == null || recordType.isBlank() || recordId == null || recordId.isBlank()) {
            throw new BadRequestException("'recordType' and 'recordId' are required.");
        }
        return java.util.Map.of("recordSha256", signatures.recordSha256(recordType.strip(), recordId.strip()));
    }

    @GET
    @Operation(summary = "The signatures of a record, each with its manifestation and whether it verifies now")
    public List<Signatures.Manifestation> ofRecord(@QueryParam("recordType") String recordType,
                                                   @QueryParam("recordId") String recordId) {
        if (recordType == null || recordType.isBlank() || recordId == null || recordId.isBlank()) {
            throw new BadRequestException("'recordType' and 'recordId' are required.");
        }
        return signatures.ofRecord(recordType.strip(), recordId.strip());
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One signature: manifestation (printed name, user name, role, meaning, time with zone) and verification")
    public Signatures.Manifestation find(@PathParam("id") String id) {
        return signatures.find(uuid(id));
    }

    @GET
    @Path("{id}/bundle")
    @Produces("application/zip")
    @Operation(summary = "Offline verification bundle (zip): record.json, signature.p7s, signature-value.bin, timestamp.tsr, ca.pem",
            description = "openssl cms -verify -binary -inform DER -in signature.p7s -content record.json -CAfile ca.pem -out /dev/null;"
                    + " openssl ts -verify -data signature-value.bin -in timestamp.tsr -CAfile ca.pem")
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
                    : " The nonce was not used: you can retry with it."));
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
