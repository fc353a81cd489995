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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.openebr.api.StorableDate;
import org.openebr.identity.boundary.Accounts;
import org.openebr.identity.boundary.Role;
import org.openebr.identity.boundary.Training;

@Path("users")
@Tag(name = "identity")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "401", ref = "Unauthorized")
@APIResponse(responseCode = "403", ref = "Forbidden")
public class UsersResource {

    /** A new account; the server issues a one-time password that must be changed at first sign-in. */
    public record NewAccount(@NotBlank @Size(max = 64) String userName, @NotBlank @Size(max = 200) String fullName,
                             boolean technical, @NotBlank @Size(max = 1000) String reason) {
    }

    /** Why an administrator does what they do: required for every change. */
    public record Reason(@NotBlank @Size(max = 1000) String reason) {
    }

    /** Grant or revoke one role. */
    public record RoleChange(@NotNull Action action, @NotNull Role role, @NotBlank @Size(max = 1000) String reason) {
        public enum Action { GRANT, REVOKE }
    }

    /** A training or qualification record to add. */
    public record NewTraining(@NotBlank @Size(max = 100) String qualification, @Size(max = 500) String description,
                              @NotNull @StorableDate LocalDate validFrom, @StorableDate LocalDate validUntil) {
    }

    @Inject
    Accounts accounts;

    @Inject
    Training training;

    @Context
    UriInfo uriInfo;

    @Inject
    java.time.Clock clock;

    @GET
    @RolesAllowed({"ADMIN", "SUPERVISOR", "INSPECTOR", "QA_REVIEWER", "QA_RELEASER"})
    @Operation(operationId = "listUsers", summary = "All accounts with their roles and state (never passwords)")
    @APIResponse(responseCode = "200", description = "Every account")
    public List<Accounts.AccountDetails> list() {
        return accounts.list();
    }

    @GET
    @Path("{userName}")
    @RolesAllowed({"ADMIN", "INSPECTOR", "QA_REVIEWER", "QA_RELEASER"})
    @Operation(operationId = "getUser", summary = "One account")
    @APIResponse(responseCode = "200", description = "The account")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Accounts.AccountDetails find(@PathParam("userName") String userName) {
        return accounts.find(userName);
    }

    @POST
    @RolesAllowed("ADMIN")
    @Operation(operationId = "createUser", summary = "Create an account (ADMIN)",
            description = "The account starts without roles and with a one-time password, returned once, that must be"
                    + " changed at the first sign-in. User names are unique forever, ignoring case.")
    @APIResponse(responseCode = "201", description = "Created; the one-time password is in the body, only this once",
            headers = @Header(name = "Location", description = "The new account",
                    schema = @Schema(type = SchemaType.STRING, format = "uri")),
            content = @Content(schema = @Schema(implementation = Accounts.OneTimeCredential.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "409", ref = "Conflict") // the user name is taken
    @APIResponse(responseCode = "413", ref = "ContentTooLarge")
    @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
    @APIResponse(responseCode = "422", ref = "UnprocessableContent")
    public Response create(@Valid @NotNull NewAccount account) {
        Accounts.OneTimeCredential created = accounts.create(account.userName(), account.fullName(), account.technical(),
                account.reason());
        return Response.created(uriInfo.getAbsolutePathBuilder().path(created.account().userName()).build())
                .entity(created).build();
    }

    @POST
    @Path("{userName}/unlock")
    @RolesAllowed("ADMIN")
    @Operation(operationId = "unlockUser", summary = "Unlock a locked account, with a reason (ADMIN)")
    @APIResponse(responseCode = "200", description = "Unlocked; the account")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict") // the account's state does not allow it
    @APIResponse(responseCode = "413", ref = "ContentTooLarge")
    @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
    public Accounts.AccountDetails unlock(@PathParam("userName") String userName, @Valid @NotNull Reason reason) {
        return accounts.unlock(userName, reason.reason());
    }

    @POST
    @Path("{userName}/deactivate")
    @RolesAllowed("ADMIN")
    @Operation(operationId = "deactivateUser",
            summary = "Deactivate an account for good, with a reason (ADMIN); its roles are revoked")
    @APIResponse(responseCode = "200", description = "Deactivated; the account")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict") // the account's state does not allow it
    @APIResponse(responseCode = "413", ref = "ContentTooLarge")
    @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
    public Accounts.AccountDetails deactivate(@PathParam("userName") String userName, @Valid @NotNull Reason reason) {
        return accounts.deactivate(userName, reason.reason());
    }

    @POST
    @Path("{userName}/password-reset")
    @RolesAllowed("ADMIN")
    @Operation(operationId = "resetUserPassword",
            summary = "Reset a password to a one-time password that must be changed at the next sign-in (ADMIN)")
    @APIResponse(responseCode = "200", description = "Reset; the one-time password is in the body, only this once")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict") // the account's state does not allow it
    @APIResponse(responseCode = "413", ref = "ContentTooLarge")
    @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
    public Accounts.OneTimeCredential resetPassword(@PathParam("userName") String userName, @Valid @NotNull Reason reason) {
        return accounts.resetPassword(userName, reason.reason());
    }

    @POST
    @Path("{userName}/roles")
    @RolesAllowed("ADMIN")
    @Operation(operationId = "changeUserRole", summary = "Grant or revoke a role, with a reason (ADMIN)",
            description = "Segregation of duties: ADMIN and INSPECTOR hold no other role; technical roles only on"
                    + " technical accounts; administrators cannot change their own roles.")
    @APIResponse(responseCode = "200", description = "Changed; the account with its roles")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict") // segregation of duties, role or account state
    @APIResponse(responseCode = "413", ref = "ContentTooLarge")
    @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
    public Accounts.AccountDetails changeRole(@PathParam("userName") String userName, @Valid @NotNull RoleChange change) {
        return change.action() == RoleChange.Action.GRANT
                ? accounts.grantRole(userName, change.role(), change.reason())
                : accounts.revokeRole(userName, change.role(), change.reason());
    }

    @GET
    @Path("{userName}/training")
    @RolesAllowed({"ADMIN", "SUPERVISOR", "QA_REVIEWER", "QA_RELEASER", "INSPECTOR"})
    @Operation(operationId = "listTrainingRecords",
            summary = "Training and qualification records of a user, voided ones included")
    @APIResponse(responseCode = "200", description = "The records, voided ones included")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public List<Training.TrainingEntry> trainingOf(@PathParam("userName") String userName) {
        return training.recordsOf(userName);
    }

    @POST
    @Path("{userName}/training")
    @RolesAllowed({"ADMIN", "SUPERVISOR"})
    @Operation(operationId = "recordTraining", summary = "Record a training or qualification (ADMIN, SUPERVISOR)")
    @APIResponse(responseCode = "201", description = "Recorded",
            content = @Content(schema = @Schema(implementation = Training.TrainingEntry.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict") // technical account, own training, malformed code or dates
    @APIResponse(responseCode = "413", ref = "ContentTooLarge")
    @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
    public Response recordTraining(@PathParam("userName") String userName, @Valid @NotNull NewTraining entry) {
        Training.TrainingEntry recorded = training.record(userName, entry.qualification(), entry.description(),
                entry.validFrom(), entry.validUntil());
        return Response.status(Response.Status.CREATED).entity(recorded).build();
    }

    /** The answer the execution gate relies on: is this user qualified for this operation today. */
    public record Qualification(String userName, String qualification, boolean qualified, java.time.Instant at) {
    }

    @GET
    @Path("{userName}/qualifications/{qualification}")
    @RolesAllowed({"ADMIN", "SUPERVISOR", "QA_REVIEWER", "QA_RELEASER", "INSPECTOR", "OPERATOR"})
    @Operation(operationId = "getQualification",
            summary = "Whether a user holds a current training record for a qualification (server time, site day)")
    @APIResponse(responseCode = "200", description = "The answer, with the instant it was given for")
    public Qualification qualification(@PathParam("userName") String userName,
                                       @PathParam("qualification") String qualification) {
        java.time.Instant now = clock.instant();
        return new Qualification(userName, qualification, training.isQualified(userName, qualification, now), now);
    }

    @POST
    @Path("{userName}/training/{id}/void")
    @RolesAllowed({"ADMIN", "SUPERVISOR"})
    @Operation(operationId = "voidTrainingRecord",
            summary = "Void a wrong training record, with a reason (ADMIN, SUPERVISOR)")
    @APIResponse(responseCode = "200", description = "Voided; the record")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound") // no such record of this user, or an id that is no UUID
    @APIResponse(responseCode = "409", ref = "Conflict") // no reason, or already void
    @APIResponse(responseCode = "413", ref = "ContentTooLarge")
    @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
    public Training.TrainingEntry voidTraining(@PathParam("userName") String userName, @PathParam("id") UUID id,
                                              @Valid @NotNull Reason reason) {
        return training.voidRecord(userName, id, reason.reason());
    }
}
