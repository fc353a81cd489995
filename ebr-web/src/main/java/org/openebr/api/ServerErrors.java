package org.openebr.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A failure of the server, never of the caller: the cause goes to the server log under a
 * correlation id, the caller gets that id and no internals (no stack trace, no class names). An
 * unreachable database is 503 (try again), anything else 500.
 */
@ApplicationScoped
public class ServerErrors {

    private static final Logger LOG = Logger.getLogger(ServerErrors.class.getName());

    Problem problemFor(Throwable cause, String path) {
        String id = UUID.randomUUID().toString();
        if (DatabaseOutage.causes(cause)) {
            LOG.log(Level.WARNING, "Database unavailable " + id + " on " + path + ": " + cause);
            return Problem.of(Response.Status.SERVICE_UNAVAILABLE, "service-unavailable",
                    "The database cannot be reached just now; nothing was recorded by this request. Try again in a"
                            + " minute; if it persists, quote correlation id " + id + " to your administrator.", path)
                    .withCorrelationId(id);
        }
        LOG.log(Level.SEVERE, "Server error " + id + " on " + path, cause);
        return Problem.of(Response.Status.INTERNAL_SERVER_ERROR, "server-error",
                "The server could not complete the request. Nothing was recorded by this request."
                        + " Quote correlation id " + id + " to your administrator.", path)
                .withCorrelationId(id);
    }
}
