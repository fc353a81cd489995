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
import org.openebr.api.StorableInstants;
import org.openebr.periodic.boundary.PeriodicReviews;

@Path("periodic-review")
@Tag(name = "periodic-review")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"QA_REVIEWER", "QA_RELEASER", "INSPECTOR"})
@APIResponse(responseCode = "401", ref = "Unauthorized")
@APIResponse(responseCode = "403", ref = "Forbidden")
public class PeriodicReviewResource {

    @Inject
    PeriodicReviews reviews;

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
}
