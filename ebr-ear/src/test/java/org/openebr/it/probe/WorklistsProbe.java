package org.openebr.it.probe;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.openebr.identity.boundary.AccountWorklists;
import org.openebr.recipe.boundary.RecipeWorklists;
import org.openebr.signature.boundary.SigningWorklists;

/**
 * Test-only: the boundaries' worklist queries as JSON, called as whoever signs the request in, so
 * that a test sees what each query answers to each role (and that a role it does not serve is
 * refused with 403 by the boundary itself, not by a screen).
 */
@Path("it-probe/worklists")
public class WorklistsProbe {

    private static final int LIMIT = 50;

    @Inject
    RecipeWorklists recipes;

    @Inject
    AccountWorklists accounts;

    @Inject
    SigningWorklists signing;

    @GET
    @Path("{list}")
    @Produces(MediaType.APPLICATION_JSON)
    public Object list(@PathParam("list") String list) {
        return switch (list) {
            case "in-review" -> recipes.inReview(LIMIT);
            case "approved-without-date" -> recipes.approvedWithoutDate(LIMIT);
            case "my-drafts" -> recipes.myDrafts(LIMIT);
            case "my-rejections" -> recipes.myRejections(LIMIT);
            case "effective" -> recipes.effective(LIMIT);
            case "open-alerts" -> accounts.openAlerts(LIMIT);
            case "locked" -> accounts.locked(LIMIT);
            case "one-time-passwords" -> accounts.unusedOneTimePasswords(LIMIT);
            case "qualifications-due" -> accounts.qualificationsDue(30, LIMIT);
            case "my-qualifications" -> accounts.myQualifications(30);
            case "security-events" -> accounts.recentSecurityEvents(7, LIMIT);
            case "pending-verifications" -> signing.pendingIdentityVerifications(LIMIT);
            case "my-readiness" -> signing.myReadiness();
            case "access-review" -> signing.accessReview();
            default -> throw new NotFoundException("no worklist " + list);
        };
    }
}
