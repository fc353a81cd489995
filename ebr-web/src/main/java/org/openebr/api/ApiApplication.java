package org.openebr.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.info.License;
import org.eclipse.microprofile.openapi.annotations.servers.Server;

@ApplicationPath("/api/v1")
@OpenAPIDefinition(
        info = @Info(title = "OpenEBR API", version = "1",
                description = "Electronic batch record API. Errors are RFC 9457 application/problem+json documents.",
                license = @License(name = "Apache-2.0")),
        servers = @Server(url = "/ebr"))
public class ApiApplication extends Application {
}
