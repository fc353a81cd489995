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
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.openebr.api.StorableDate;
import org.openebr.identity.boundary.Accounts;
import org.openebr.identity.boundary.Training;
import org.openebr.identity.control.Role;

@Path("users")
@Tag(name = "identity")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
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
    @Operation(summary = "All accounts with their roles and state (never passwords)")
    public List<Accounts.AccountDetails> list() {
        return accounts.list();
    }

    @GET
    @Path("{userName}")
    @RolesAllowed({"ADMIN", "INSPECTOR", "QA_REVIEWER", "QA_RELEASER"})
    @Operation(summary = "One account")
    public Accounts.AccountDetails find(@PathParam("userName") String userName) {
        return accounts.find(userName);
    }

    @POST
    @RolesAllowed("ADMIN")
    @Operation(summary = "Create an account (ADMIN)",
            description = "The account starts without roles and with a one-time password, returned once, that must be"
                    + " changed at the first sign-in. User names are unique forever, ignoring case.")
    public Response create(@Valid @NotNull NewAccount account) {
        Accounts.OneTimeCredential created = accounts.create(account.userName(), account.fullName(), account.technical(),
                account.reason());
        return Response.created(uriInfo.getAbsolutePathBuilder().path(created.account().userName()).build())
                .entity(created).build();
    }

    @POST
    @Path("{userName}/unlock")
    @RolesAllowed("ADMIN")
    @Operation(summary = "Unlock a locked account, with a reason (ADMIN)")
    public Accounts.AccountDetails unlock(@PathParam("userName") String userName, @Valid @NotNull Reason reason) {
        return accounts.unlock(userName, reason.reason());
    }

    @POST
    @Path("{userName}/deactivate")
    @RolesAllowed("ADMIN")
    @Operation(summary = "Deactivate an account for good, with a reason (ADMIN); its roles are revoked")
    public Accounts.AccountDetails deactivate(@PathParam("userName") String userName, @Valid @NotNull Reason reason) {
        return accounts.deactivate(userName, reason.reason());
    }

    @POST
    @Path("{userName}/password-reset")
    @RolesAllowed("ADMIN")
    @Operation(summary = "Reset a password to a one-time password that must be changed at the next sign-in (ADMIN)")
    public Accounts.OneTimeCredential resetPassword(@PathParam("userName") String userName, @Valid @NotNull Reason reason) {
        return accounts.resetPassword(userName, reason.reason());
    }

    @POST
    @Path("{userName}/roles")
    @RolesAllowed("ADMIN")
    @Operation(summary = "Grant or revoke a role, with a reason (ADMIN)",
            description = "Segregation of duties: ADMIN and INSPECTOR hold no other role; technical roles only on"
                    + " technical accounts; administrators cannot change their own roles.")
    public Accounts.AccountDetails changeRole(@PathParam("userName") String userName, @Valid @NotNull RoleChange change) {
        return change.action() == RoleChange.Action.GRANT
                ? accounts.grantRole(userName, change.role(), change.reason())
                : accounts.revokeRole(userName, change.role(), change.reason());
    }

    @GET
    @Path("{userName}/training")
    @RolesAllowed({"ADMIN", "SUPERVISOR", "QA_REVIEWER", "QA_RELEASER", "INSPECTOR"})
    @Operation(summary = "Training and qualification records of a user, voided ones included")
    public List<Training.TrainingEntry> trainingOf(@PathParam("userName") String userName) {
        return training.recordsOf(userName);
    }

    @POST
    @Path("{userName}/training")
    @RolesAllowed({"ADMIN", "SUPERVISOR"})
    @Operation(summary = "Record a training or qualification (ADMIN, SUPERVISOR)")
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
    @Operation(summary = "Whether a user holds a current training record for a qualification (server time, site day)")
    public Qualification qualification(@PathParam("userName") String userName,
                                       @PathParam("qualification") String qualification) {
        java.time.Instant now = clock.instant();
        return new Qualification(userName, qualification, training.isQualified(userName, qualification, now), now);
    }

    @POST
    @Path("{userName}/training/{id}/void")
    @RolesAllowed({"ADMIN", "SUPERVISOR"})
    @Operation(summary = "Void a wrong training record, with a reason (ADMIN, SUPERVISOR)")
    public Training.TrainingEntry voidTraining(@PathParam("userName") String userName, @PathParam("id") UUID id,
                                              @Valid @NotNull Reason reason) {
        return training.voidRecord(userName, id, reason.reason());
    }
}
