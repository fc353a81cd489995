package org.openebr.ui.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.openebr.api.JsonbConfiguration;
import org.openebr.api.Problem;
import org.openebr.platform.boundary.SystemHealth;

/**
 * The answer when nobody can be authenticated because the database cannot be reached: 503 like
 * {@code /health}, a problem document on the API and a plain page in the browser (which needs
 * neither Faces nor the database), never a stack trace. Whether the database is the cause is
 * asked of the health check, so any other failure stays what it is.
 */
@ApplicationScoped
public class DatabaseUnavailable {

    private static final Logger LOG = Logger.getLogger(DatabaseUnavailable.class.getName());
    private static final String RETRY_AFTER_SECONDS = "30";
    static final String DETAIL = "The database cannot be reached, so nobody can be authenticated now and nothing was"
            + " recorded. Try again in a minute; GET /ebr/api/v1/health says when the system is UP again.";

    static final String SIGN_IN_MESSAGE = "OpenEBR cannot reach its database, so nobody can sign in right now."
            + " Try again in a minute; if it lasts, tell your administrator.";

    @Inject
    SystemHealth health;

    private final Jsonb jsonb = JsonbConfiguration.create();

    /** True (and logged) when {@code failure} happened because the database is unreachable. */
    boolean explains(RuntimeException failure) {
        if (health.check().databaseReachable()) {
            return false;
        }
        LOG.log(Level.WARNING, "Authentication could not be checked: the database is unreachable", failure);
        return true;
    }

    void problem(HttpServletResponse response, String instance) {
        Problem problem = Problem.of(jakarta.ws.rs.core.Response.Status.SERVICE_UNAVAILABLE, "service-unavailable",
                DETAIL, instance);
        write(response, Problem.MEDIA_TYPE, jsonb.toJson(problem));
    }

    void page(HttpServletResponse response) {
        write(response, "text/html", """
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="UTF-8"><title>OpenEBR is not available</title></head>
                <body>
                <h1>OpenEBR is not available right now</h1>
                <p>The server cannot reach its database, so nobody can sign in or work at the moment.
                Nothing was recorded by this request.</p>
                <p>Try again in a minute. If it lasts, tell your administrator the time it happened.</p>
                </body></html>
                """);
    }

    /** The API's answer while the database's schema is at another version than this release's. */
    void notInService(HttpServletResponse response, String instance, String reason) {
        Problem problem = Problem.of(jakarta.ws.rs.core.Response.Status.SERVICE_UNAVAILABLE, "not-in-service",
                reason, instance);
        write(response, Problem.MEDIA_TYPE, jsonb.toJson(problem));
    }

    /** The browser's answer while the database's schema is at another version than this release's. */
    void notInServicePage(HttpServletResponse response, String reason) {
        write(response, "text/html", """
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="UTF-8"><title>OpenEBR is not in service</title></head>
                <body>
                <h1>OpenEBR is not in service</h1>
                <p>%s</p>
                <p>Tell your administrator the time you saw this page.</p>
                </body></html>
                """.formatted(reason.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")));
    }

    private static void write(HttpServletResponse response, String contentType, String body) {
        try {
            response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            response.setHeader("Retry-After", RETRY_AFTER_SECONDS);
            response.setHeader("Cache-Control", "no-store");
            response.setContentType(contentType);
            response.setCharacterEncoding("UTF-8");
            response.getWriter().write(body);
            // Committed and ended now, so the container cannot swap it for its own error page (nor try to)
            response.flushBuffer();
            response.getWriter().close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
