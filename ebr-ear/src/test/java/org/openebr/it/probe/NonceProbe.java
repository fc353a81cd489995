package org.openebr.it.probe;

import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import java.time.Duration;
import java.time.Instant;
import org.openebr.signature.control.NonceLedger;

/** Test-only: runs the hourly purge of expired signing nonces now, so that a test need not wait for the hour. */
@Path("it-probe/nonces")
public class NonceProbe {

    @Inject
    NonceLedger ledger;

    @POST
    @Path("purge")
    public String purge() {
        return String.valueOf(ledger.purgeUnusedExpiredBefore(Instant.now().minus(Duration.ofDays(1)).minus(Duration.ofHours(1))));
    }
}
