package org.openebr.api.identity;

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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.openebr.identity.boundary.SystemSettings;

/**
 * System settings under change control (Annex 11 section 10): read them and their changes; an administrator proposes
 * a change, then signs it (POST /signatures, record type SYSTEM_SETTING_CHANGE, meaning PERFORMED), and QA approves
 * (APPROVED) or rejects (REJECTED) it with an electronic signature. Only an approved change takes effect.
 */
@Path("settings")
@Tag(name = "identity")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"ADMIN", "QA_REVIEWER", "QA_RELEASER", "INSPECTOR"})
@APIResponse(responseCode = "401", ref = "Unauthorized")
@APIResponse(responseCode = "403", ref = "Forbidden")
public class SettingsResource {

    /** A proposed change: the setting, its new value and why. */
    public record Proposal(@NotBlank String setting, @NotNull Integer value, @NotBlank @Size(max = 2000) String reason) {
    }

    @Inject
    SystemSettings settings;

    @GET
    @Operation(operationId = "listSettings", summary = "The settings under change control, with their values now",
            description = "Each setting's value, where it comes from (an approved change, or the environment variable"
                    + " or the release's default), its bounds and its open change, if any.")
    @APIResponse(responseCode = "200", description = "Every setting under change control")
    public List<SystemSettings.Setting> list() {
        return settings.settings();
    }

    @GET
    @Path("changes")
    @Operation(operationId = "listSettingChanges", summary = "Every setting change, newest first, with where it stands")
    @APIResponse(responseCode = "200", description = "The changes")
    public List<SystemSettings.Change> changes() {
        return settings.changes();
    }

    @GET
    @Path("changes/{changeId}")
    @Operation(operationId = "getSettingChange", summary = "One setting change (SC-0001)")
    @APIResponse(responseCode = "200", description = "The change")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public SystemSettings.Change change(@PathParam("changeId") String changeId) {
        return settings.change(changeId);
    }

    @POST
    @Path("changes")
    @RolesAllowed("ADMIN")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "proposeSettingChange", summary = "Propose a new value for a setting, with the reason",
            description = "The change is PROPOSED: it takes effect only after its administrator signs it (POST"
                    + " /signatures, recordType SYSTEM_SETTING_CHANGE, recordId the changeId, meaning PERFORMED) and a"
                    + " second person from QA approves it (meaning APPROVED). One open change per setting.")
    @APIResponse(responseCode = "201", description = "Proposed",
            content = @Content(schema = @Schema(implementation = SystemSettings.Change.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest") // setting, value or reason missing
    @APIResponse(responseCode = "409", ref = "Conflict") // an open change of the setting
    @APIResponse(responseCode = "413", ref = "ContentTooLarge")
    @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
    @APIResponse(responseCode = "422", ref = "UnprocessableContent") // unknown setting, value out of bounds or unchanged
    public Response propose(@Valid @NotNull Proposal proposal) {
        return Response.status(Response.Status.CREATED)
                .entity(settings.propose(proposal.setting(), String.valueOf(proposal.value()), proposal.reason()))
                .build();
    }
}
