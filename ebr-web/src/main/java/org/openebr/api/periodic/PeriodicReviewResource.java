package org.openebr.api.periodic;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.openebr.api.Attachments;
import org.openebr.api.StorableInstants;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.openebr.periodic.boundary.PeriodicReviews;
import org.openebr.report.boundary.BatchReports;
import org.openebr.report.boundary.PeriodicReviewReports;

@Path("periodic-review")
@Tag(name = "periodic-review")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"QA_REVIEWER", "QA_RELEASER", "INSPECTOR"})
@APIResponse(responseCode = "401", ref = "Unauthorized")
@APIResponse(responseCode = "403", ref = "Forbidden")
public class PeriodicReviewResource {

    @Inject
    PeriodicReviews reviews;

    @Inject
    PeriodicReviewReports reports;

    @GET
    @Operation(operationId = "getPeriodicReviewPack", summary = "The periodic review pack of a period",
            description = "from and to (ISO-8601 instants, to exclusive; at most 400 days): the changes (audit trail"
                    + " entries per record type created/changed/deleted, account and role events), the incidents"
                    + " (security alerts with whether they were acknowledged), the integrity checks (the audit trail"
                    + " verified now; failures and checkpoints of the period), the access reviews recorded with"
                    + " their signatures, the failed sign-ins per account tried, and the ERP messages parked now."
                    + " Counted from the records when asked; generatedAt and generatedBy say when and for whom.")
    @APIResponse(responseCode = "200", description = "The pack")
    @APIResponse(responseCode = "400", ref = "BadRequest") // no period, an end before its start, too long
    public PeriodicReviews.Pack pack(@QueryParam("from") String from, @QueryParam("to") String to) {
        return reviews.pack(StorableInstants.parameter("from", from), StorableInstants.parameter("to", to));
    }

    @GET
    @Path("report.pdf")
    @Produces({"application/pdf", "application/problem+json"})
    @Operation(operationId = "getPeriodicReviewReport", summary = "The periodic review pack of a period as a signed PDF/A-3"
            + " document",
            description = "The same pack as JSON, laid out for the reviewer with a place for the conclusion and the"
                    + " reviewer's signature; the pack's data attached (PDF/A-3 associated file); signed by the"
                    + " installation's document signer with a time-stamp.")
    @APIResponse(responseCode = "200", description = "The PDF, as an attachment",
            content = @Content(mediaType = "application/pdf", schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    public Response report(@QueryParam("from") String from, @QueryParam("to") String to) {
        BatchReports.Document document = reports.report(StorableInstants.parameter("from", from),
                StorableInstants.parameter("to", to));
        return Attachments.of(document);
    }
}
