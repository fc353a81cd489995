package org.openebr.api.identity;

import jakarta.annotation.security.RolesAllowed;
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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.openebr.api.StorableInstants;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.openebr.identity.boundary.AccessReview;
import org.openebr.identity.boundary.SecurityLog;

@Path("")
@Tag(name = "identity")
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "401", ref = "Unauthorized")
@APIResponse(responseCode = "403", ref = "Forbidden")
public class SecurityResource {

    /** What an administrator did about an alert. */
    public record Acknowledgement(@NotBlank @Size(max = 1000) String comment) {
    }

    @Inject
    SecurityLog log;

    @Inject
    AccessReview accessReview;

    @Context
    SecurityContext security;

    @GET
    @Path("security-events")
    @RolesAllowed({"ADMIN", "QA_REVIEWER", "QA_RELEASER", "INSPECTOR"})
    @Operation(operationId = "searchSecurityEvents", summary = "Search the security event log",
            description = "user matches the actor or the subject; from/to are ISO-8601 instants (UTC); newest first.")
    @APIResponse(responseCode = "200", description = "The matching events, newest first")
    @APIResponse(responseCode = "400", ref = "BadRequest") // from, to or max malformed
    @APIResponse(responseCode = "422", ref = "UnprocessableContent") // unknown event type
    public List<SecurityLog.Event> events(@QueryParam("user") String user, @QueryParam("type") String type,
                                          @QueryParam("from") String from, @QueryParam("to") String to,
                                          @QueryParam("max") String max) {
        return log.search(new SecurityLog.Filter(blankToNull(user), blankToNull(type), instant("from", from), instant("to", to),
                count("max", max)));
    }

    @GET
    @Path("security-alerts")
    @RolesAllowed("ADMIN")
    @Operation(operationId = "listSecurityAlerts", summary = "Security alerts (e.g. lockouts) not yet acknowledged")
    @APIResponse(responseCode = "200", description = "The open alerts, newest first")
    public List<SecurityLog.Event> alerts() {
        return log.openAlerts();
    }

    @POST
    @Path("security-alerts/{id}/acknowledge")
    @RolesAllowed("ADMIN")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "acknowledgeSecurityAlert", summary = "Acknowledge a security alert with a comment")
    @APIResponse(responseCode = "204", description = "Acknowledged")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound") // an id that is not a number
    @APIResponse(responseCode = "413", ref = "ContentTooLarge")
    @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
    @APIResponse(responseCode = "422", ref = "UnprocessableContent") // not an alert, or already acknowledged
    public void acknowledge(@PathParam("id") long id, @Valid @NotNull Acknowledgement acknowledgement) {
        log.acknowledge(id, acknowledgement.comment(), security.getUserPrincipal().getName());
    }

    @GET
    @Path("access-review")
    @RolesAllowed({"ADMIN", "INSPECTOR", "QA_REVIEWER", "QA_RELEASER"})
    @Operation(operationId = "getAccessReview",
            summary = "Access review: users, roles, last sign-in, dormant and locked accounts")
    @APIResponse(responseCode = "200", description = "The review as of now")
    public AccessReview.Report accessReview() {
        return accessReview.report();
    }

    @POST
    @Path("access-review/records")
    @RolesAllowed("ADMIN")
    @Operation(operationId = "recordAccessReview",
            summary = "Record the access review as it stands, to be signed (meaning REVIEWED, record type ACCESS_REVIEW)")
    @APIResponse(responseCode = "201", description = "Recorded; sign it with record type ACCESS_REVIEW and this id",
            content = @Content(schema = @Schema(implementation = AccessReview.RecordedReview.class)))
    public jakarta.ws.rs.core.Response recordReview() {
        return jakarta.ws.rs.core.Response.status(jakarta.ws.rs.core.Response.Status.CREATED)
                .entity(accessReview.recordForSignature()).build();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** 0 (the default) when absent. */
    private static int count(String name, String value) {
        if (blankToNull(value) == null) {
            return 0;
        }
        try {
            int count = Integer.parseInt(value.strip());
            if (count >= 0) {
                return count;
            }
        } catch (NumberFormatException notANumber) {
            // answered below
        }
        throw new BadRequestException("'" + name + "' must be a whole number of 0 or more.");
    }

    private static Instant instant(String name, String value) {
        return StorableInstants.parameter(name, value);
    }
}
