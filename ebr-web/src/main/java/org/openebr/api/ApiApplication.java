package org.openebr.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.Components;
import org.eclipse.microprofile.openapi.annotations.ExternalDocumentation;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Contact;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.info.License;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.servers.Server;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The API and its OpenAPI contract (served at {@code /openapi}). Every operation except health
 * needs credentials (either scheme). The shared error answers are named responses here, so an
 * operation says {@code @APIResponse(responseCode = "404", ref = "NotFound")} instead of repeating
 * the problem schema; ApiContractIT keeps the document lint-clean and complete.
 */
@ApplicationPath("/api/v1")
@OpenAPIDefinition(
        info = @Info(title = "OpenEBR API", version = "1",
                description = "Electronic batch record API. Errors are RFC 9457 application/problem+json documents"
                        + " (schema Problem). Every operation except health needs credentials: HTTP Basic, or an API"
                        + " token as a bearer token.",
                contact = @Contact(name = "OpenEBR maintainers"),
                license = @License(name = "Apache-2.0", url = "https://www.apache.org/licenses/LICENSE-2.0")),
        // WildFly always writes an externalDocs object for the host, which is invalid without a url.
        externalDocs = @ExternalDocumentation(description = "OpenEBR; problem types are named"
                + " https://openebr.org/problems/<kind>", url = "https://openebr.org/"),
        // The paths carry the web context (/ebr/api/v1/...): the server is the host that serves this document.
        servers = @Server(url = "/", description = "The OpenEBR server that serves this document"),
        security = {@SecurityRequirement(name = "basicAuth"), @SecurityRequirement(name = "bearerAuth")},
        tags = {
                @Tag(name = "platform", description = "Health of the system, for monitoring and load balancers"),
                @Tag(name = "identity", description = "The caller's account, user administration, training records,"
                        + " security events and the access review"),
                @Tag(name = "audit", description = "The audit trail: search, value history, export, integrity"
                        + " verification and checkpoints (read-only)"),
                @Tag(name = "periodic-review", description = "The periodic review pack (Annex 11 section 11): changes,"
                        + " incidents, integrity checks, access reviews, failed sign-ins and parked interface"
                        + " messages of a period"),
                @Tag(name = "recipes", description = "Master recipes: versions in the import/export schema, drafts,"
                        + " lifecycle, diff and scaling"),
                @Tag(name = "signatures", description = "Electronic signatures: nonces, signing, manifestation and"
                        + " verification, offline bundles, signing credentials"),
                @Tag(name = "equipment", description = "Equipment classes and units, their logbooks and events, and"
                        + " whether a unit may be used now"),
                // materials (issue 15)
                @Tag(name = "materials", description = "The material master: materials by their ERP material number"),
                @Tag(name = "lots", description = "Goods receipt into quarantine, lots with their status now, QA's"
                        + " block; release and rejection are signatures of record type LOT"),
                @Tag(name = "containers", description = "Containers with their custody history, transfers, splits and"
                        + " the material gate"),
                @Tag(name = "dispensings", description = "Weigh and dispense for a batch and step"),
                @Tag(name = "batches", description = "Batches (process orders) from effective master recipes, their"
                        + " execution step by step, corrections, deviations and the electronic batch record"),
                @Tag(name = "erp", description = "The ERP interface (ISA-95): production orders in as JSON or B2MML,"
                        + " confirmations out through a transactional outbox (pushed, or pulled from the feed), and the"
                        + " interface monitor"),
                @Tag(name = "opcua", description = "Machine data over OPC UA: equipment connections, the explicit trust"
                        + " of their server certificates, the equipment's tags")},
        components = @Components(
                schemas = @Schema(name = "Problem", implementation = Problem.class,
                        description = "An RFC 9457 problem document: type names the kind of problem, detail says"
                                + " what is wrong with this request; violations lists each invalid field.",
                        requiredProperties = {"type", "title", "status", "detail"}),
                responses = {
                        @APIResponse(name = "BadRequest", description = "The request cannot be read: malformed JSON,"
                                + " a wrong type, an unknown field, an invalid parameter; 'violations' names each field",
                                content = @Content(mediaType = Problem.MEDIA_TYPE,
                                        schema = @Schema(ref = "Problem"))),
                        @APIResponse(name = "Unauthorized", description = "No credentials, or credentials that do not"
                                + " authenticate an active account",
                                content = @Content(mediaType = Problem.MEDIA_TYPE,
                                        schema = @Schema(ref = "Problem"))),
                        @APIResponse(name = "Forbidden", description = "The caller's roles do not allow this (recorded"
                                + " as a security event), or the account must change its password first",
                                content = @Content(mediaType = Problem.MEDIA_TYPE,
                                        schema = @Schema(ref = "Problem"))),
                        @APIResponse(name = "NotFound", description = "No such resource (a path parameter names"
                                + " nothing that exists)",
                                content = @Content(mediaType = Problem.MEDIA_TYPE,
                                        schema = @Schema(ref = "Problem"))),
                        @APIResponse(name = "Conflict", description = "The state of the resource does not allow"
                                + " this now, or someone else changed it meanwhile",
                                content = @Content(mediaType = Problem.MEDIA_TYPE,
                                        schema = @Schema(ref = "Problem"))),
                        @APIResponse(name = "ContentTooLarge", description = "The request body is larger than the"
                                + " API accepts (1 MiB)",
                                content = @Content(mediaType = Problem.MEDIA_TYPE,
                                        schema = @Schema(ref = "Problem"))),
                        @APIResponse(name = "UnsupportedMediaType", description = "The body is not sent as"
                                + " application/json",
                                content = @Content(mediaType = Problem.MEDIA_TYPE,
                                        schema = @Schema(ref = "Problem"))),
                        @APIResponse(name = "UnprocessableContent", description = "Well-formed, but a business rule"
                                + " refuses the content; 'violations' names each problem where there are several",
                                content = @Content(mediaType = Problem.MEDIA_TYPE,
                                        schema = @Schema(ref = "Problem"))),
                        @APIResponse(name = "ServiceUnavailable", description = "A service the request needs (the"
                                + " key store, the time-stamp authority) is not available now; try again later",
                                content = @Content(mediaType = Problem.MEDIA_TYPE,
                                        schema = @Schema(ref = "Problem")))}))
@SecurityScheme(securitySchemeName = "basicAuth", type = SecuritySchemeType.HTTP, scheme = "basic",
        description = "User name and password of an account on every request (slow by design: each request verifies"
                + " the password hash). For scripts; use HTTPS.")
@SecurityScheme(securitySchemeName = "bearerAuth", type = SecuritySchemeType.HTTP, scheme = "bearer",
        description = "An API token (POST /ebr/api/v1/auth/tokens) as 'Authorization: Bearer <token>'.")
public class ApiApplication extends Application {
}
