package org.openebr.it.probe;

import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import org.openebr.identity.boundary.DemoAccounts;

/**
 * Test-only: runs what the server does with the demo accounts at start in demo mode (their
 * passwords set to EBR_DEMO_PASSWORD), without restarting the server.
 */
@Path("it-probe/demo-accounts")
public class DemoAccountsProbe {

    @Inject
    DemoAccounts demoAccounts;

    /** The user names whose password was set, one a line. */
    @POST
    @Path("align-passwords")
    public String alignPasswords() {
        return String.join("\n", demoAccounts.alignPasswords());
    }
}
