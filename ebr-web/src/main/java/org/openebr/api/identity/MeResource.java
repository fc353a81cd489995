package org.openebr.api.identity;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.openebr.identity.boundary.Accounts;

@Path("me")
@PermitAll
@Tag(name = "identity")
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "401", ref = "Unauthorized")
public class MeResource {

    /** Who the caller is. {@code technical}: an account of a system, not a person. */
    public record Me(String userName, String fullName, Set<String> roles, boolean technical,
                     boolean passwordChangeRequired) {
    }

    /** A password change by the account's owner. */
    public record PasswordChange(@NotBlank @Size(max = 256) String currentPassword,
                                 @NotNull @Size(max = 256) String newPassword) {
    }

    @Inject
    Accounts accounts;

    @GET
    @Operation(operationId = "getMe",
            summary = "The caller's own account: user name, full name, roles, technical or not")
    @APIResponse(responseCode = "200", description = "The caller's account")
    public Me me() {
        Accounts.AccountDetails account = accounts.me();
        return new Me(account.userName(), account.fullName(), account.roles(), account.technical(),
                account.passwordChangeRequired());
    }

    @POST
    @Path("password")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "changeOwnPassword", summary = "Change the caller's own password",
            description = "The current password is checked like a sign-in (wrong ones count toward lockout);"
                    + " the new one must meet the password policy and differ from the last passwords.")
    @APIResponse(responseCode = "200", description = "Changed; the caller's account")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "413", ref = "ContentTooLarge")
    @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
    @APIResponse(responseCode = "422", ref = "UnprocessableContent") // wrong current password, weak new one
    public Me changePassword(@Valid @NotNull PasswordChange change) {
        Accounts.AccountDetails account = accounts.changeOwnPassword(change.currentPassword().toCharArray(),
                change.newPassword().toCharArray());
        return new Me(account.userName(), account.fullName(), account.roles(), account.technical(),
                account.passwordChangeRequired());
    }
}
