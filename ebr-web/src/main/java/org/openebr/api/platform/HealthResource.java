package org.openebr.api.platform;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.openebr.platform.boundary.HealthReport;
import org.openebr.platform.boundary.SystemHealth;
import org.openebr.platform.control.SiteSettings;

@Path("health")
@PermitAll
@Tag(name = "platform")
public class HealthResource {

    /**
     * @param status         UP only when the database answers and the schema is at the expected version
     * @param database       UP when a query on the application's connection succeeded
     * @param schemaVersion  the schema version the database is at (null when unknown)
     * @param expectedSchemaVersion the schema version this build needs
     * @param detail         what is wrong when DOWN
     * @param checkedAt      server time of the check, UTC
     * @param siteTimeZone   the time zone the site's users see times in
     * @param version        the OpenEBR release this installation runs (bin/ebr oq checks its target by it)
     */
    @JsonbPropertyOrder({"status", "database", "schemaVersion", "expectedSchemaVersion", "detail", "checkedAt",
            "siteTimeZone", "version"})
    public record Health(String status, String database, String schemaVersion, String expectedSchemaVersion,
                         String detail, Instant checkedAt, String siteTimeZone, String version) {
    }

    /** The release's version, written into release.properties by the build. */
    static final String VERSION = releaseVersion();

    private static String releaseVersion() {
        java.util.Properties release = new java.util.Properties();
        try (java.io.InputStream in = HealthResource.class.getResourceAsStream("release.properties")) {
            if (in != null) {
                release.load(in);
            }
        } catch (java.io.IOException e) {
            // unknown: reported as such
        }
        return release.getProperty("version", "unknown");
    }

    @Inject
    SystemHealth systemHealth;

    @Inject
    SiteSettings site;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getHealth", summary = "Health of the system",
            description = "No authentication. 200 and status UP when the database is reachable and its schema is at"
                    + " the version this build expects; 503 and status DOWN otherwise, with the reason.")
    @APIResponse(responseCode = "200", description = "UP",
            content = @Content(schema = @Schema(implementation = Health.class)))
    @APIResponse(responseCode = "503", description = "DOWN",
            content = @Content(schema = @Schema(implementation = Health.class)))
    @SecurityRequirementsSet // an empty set: no credentials needed (monitoring, load balancers)
    public Response health() {
        HealthReport report = systemHealth.check();
        Health health = new Health(report.status().name(), report.databaseReachable() ? "UP" : "DOWN",
                report.schemaVersion(), report.expectedSchemaVersion(), report.detail(), report.checkedAt(),
                site.zone().getId(), VERSION);
        CacheControl noStore = new CacheControl();
        noStore.setNoStore(true);
        return Response.status(report.up() ? Response.Status.OK : Response.Status.SERVICE_UNAVAILABLE)
                .cacheControl(noStore)
                .entity(health)
                .build();
    }
}
