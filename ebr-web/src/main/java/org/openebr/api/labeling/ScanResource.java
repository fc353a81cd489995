package org.openebr.api.labeling;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.openebr.labeling.boundary.ScanService;
import org.openebr.labeling.boundary.Scanned;

/**
 * What a scanner typed, resolved: a GS1 element string (with group separators, character 29, or the
 * {@code ]d2} prefix), its human-readable form with parentheses, or an OpenEBR id. A code that names
 * nothing is a 404 problem whose {@code type} says why (gs1-check-digit, gs1-impossible-date,
 * gs1-unknown-ai, gs1-truncated, gs1-malformed, scan-no-match, scan-unknown-code, scan-ambiguous)
 * and whose {@code detail} says what was scanned. A scan is a read: nothing is recorded.
 */
@Path("scan")
// The tag's description here, not in ApiApplication: the tag list there is where parallel work meets.
@Tag(name = "labels", description = "Container labels (PDF with a GS1 DataMatrix) and what a scanned code names")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({"WAREHOUSE", "OPERATOR", "SUPERVISOR", "QA_REVIEWER", "QA_RELEASER", "MAINTENANCE", "INSPECTOR"})
@APIResponse(responseCode = "401", ref = "Unauthorized")
@APIResponse(responseCode = "403", ref = "Forbidden")
public class ScanResource {

    /**
     * What the scanner typed, exactly (a trailing Enter or spaces are ignored).
     *
     * @param code the scanned text; control characters allowed (GS, character 29, separates GS1 elements)
     */
    public record Scan(@NotNull @Size(max = 500) String code) {
    }

    @Inject
    ScanService scans;

    @POST
    @Operation(operationId = "resolveScan",
            summary = "What a scanned code names: a container, a lot or an equipment unit (404 saying what was scanned)")
    @APIResponse(responseCode = "200", description = "The container, lot or equipment unit, with the GS1 data read")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound") // names nothing: the problem's type says why
    @APIResponse(responseCode = "413", ref = "ContentTooLarge")
    @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
    public Scanned resolve(@Valid @NotNull Scan scan) {
        return scans.resolve(scan.code());
    }
}
