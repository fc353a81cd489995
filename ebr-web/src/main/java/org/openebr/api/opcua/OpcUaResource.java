package org.openebr.api.opcua;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.openebr.mde.boundary.Connections;
import org.openebr.mde.boundary.MdeRefused;

/**
 * OPC UA equipment connections (machine data): configured and trusted by administrators, watched by
 * supervisors; the equipment's tags; OpenEBR's own application certificate for the machines' trust lists.
 */
@Path("opcua")
@Tag(name = "opcua")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"ADMIN", "SUPERVISOR"})
@APIResponse(responseCode = "401", ref = "Unauthorized")
@APIResponse(responseCode = "403", ref = "Forbidden")
public class OpcUaResource {

    /** The decision to trust the certificate the server presents: its thumbprint as compared, and why. */
    public record TrustRequest(String thumbprint, String reason) {
    }

    /** An acknowledgement of an alarm: what was seen and done. */
    public record AcknowledgeRequest(String comment) {
    }

    @Inject
    Connections connections;

    @Inject
    org.openebr.mde.boundary.Alarms alarms;

    @Context
    UriInfo uriInfo;

    @GET
    @Path("connections")
    @Operation(operationId = "listOpcUaConnections", summary = "The equipment connections with their state")
    @APIResponse(responseCode = "200", description = "The connections",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = Connections.ConnectionFacts.class)))
    public List<Connections.ConnectionFacts> connections() {
        return connections.connections();
    }

    @POST
    @Path("connections")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("ADMIN")
    @Operation(operationId = "createOpcUaConnection", summary = "Configure an equipment connection (ADMIN)",
            description = "endpointUrl opc.tcp://..., securityPolicy Basic256Sha256 | Aes256_Sha256_RsaPss (None only with"
                    + " EBR_OPCUA_ALLOW_NONE), securityMode SignAndEncrypt | Sign, identity USERNAME (userName, password) |"
                    + " CERTIFICATE, samplingMs (default 1000). The server certificate is trusted only by an explicit"
                    + " decision (POST .../trust). 422 opcua-connection-invalid, opcua-security-none; 409"
                    + " opcua-connection-exists.")
    @APIResponse(responseCode = "201", description = "Configured; it connects once its certificate is trusted",
            headers = @Header(name = "Location", description = "The connection",
                    schema = @Schema(type = SchemaType.STRING, format = "uri")),
            content = @Content(schema = @Schema(implementation = Connections.ConnectionFacts.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "413", ref = "ContentTooLarge")
    @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
    @APIResponse(responseCode = "422", ref = "UnprocessableContent")
    public Response create(Connections.NewConnection connection) {
        Connections.ConnectionFacts made = connections.create(connection);
        return Response.created(uriInfo.getAbsolutePathBuilder().path(made.id().toString()).build()).entity(made).build();
    }

    @GET
    @Path("connections/{id}")
    @Operation(operationId = "getOpcUaConnection", summary = "One connection: its state, the server certificate it presents"
            + " (thumbprint) and the one trusted, its tags")
    @APIResponse(responseCode = "200", description = "The connection",
            content = @Content(schema = @Schema(implementation = Connections.ConnectionFacts.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Connections.ConnectionFacts connection(@PathParam("id") String id) {
        return connections.connection(id(id));
    }

    @GET
    @Path("connections/{id}/log")
    @Operation(operationId = "getOpcUaConnectionLog", summary = "The connection's log, newest first: connected, lost (a"
            + " gap in the machine data until the next connected), refused, trusted")
    @APIResponse(responseCode = "200", description = "The log",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = Connections.EventFacts.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public List<Connections.EventFacts> log(@PathParam("id") String id, @QueryParam("limit") @DefaultValue("100") int limit) {
        return connections.log(id(id), limit);
    }

    @POST
    @Path("connections/{id}/trust")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("ADMIN")
    @Operation(operationId = "trustOpcUaServerCertificate", summary = "Trust the certificate the server presents (ADMIN)",
            description = "thumbprint: the SHA-1 thumbprint as compared with the machine's (it must be the one presented"
                    + " now); reason: why. Audited; the connection starts afresh. 409 opcua-thumbprint-mismatch; 422"
                    + " opcua-connection-invalid without a reason.")
    @APIResponse(responseCode = "200", description = "Trusted",
            content = @Content(schema = @Schema(implementation = Connections.ConnectionFacts.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
    @APIResponse(responseCode = "422", ref = "UnprocessableContent")
    public Connections.ConnectionFacts trust(@PathParam("id") String id, TrustRequest request) {
        return connections.trust(id(id), request == null ? null : request.thumbprint(),
                request == null ? null : request.reason());
    }

    @POST
    @Path("connections/{id}/tags")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("ADMIN")
    @Operation(operationId = "defineOpcUaTag", summary = "A tag of an equipment unit read from a node of this connection (ADMIN)",
            description = "equipmentId, tag (the name recipes use, e.g. V101.Temperature), nodeId (e.g."
                    + " nsu=urn:openebr:sim;s=V-101.Temperature), engineeringUnit, rangeLow/rangeHigh (the instrument's"
                    + " range) and maxUnchangedSeconds (plausibility). 422 opcua-tag-invalid; 409 opcua-tag-exists.")
    @APIResponse(responseCode = "201", description = "Defined",
            content = @Content(schema = @Schema(implementation = Connections.TagFacts.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
    @APIResponse(responseCode = "422", ref = "UnprocessableContent")
    public Response defineTag(@PathParam("id") String id, Connections.NewTag tag) {
        return Response.status(Response.Status.CREATED).entity(connections.defineTag(id(id), tag)).build();
    }

    @GET
    @Path("alarms")
    @RolesAllowed({"OPERATOR", "SUPERVISOR", "ADMIN", "QA_REVIEWER", "QA_RELEASER", "INSPECTOR"})
    @Operation(operationId = "listEquipmentAlarms", summary = "The equipment's alarm log, newest first: all, or of one batch",
            description = "Each alarm with when it was raised and cleared (active until then), the batch that held the"
                    + " unit and the deviation it raised, and its acknowledgement with the comment.")
    @APIResponse(responseCode = "200", description = "The alarms",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = org.openebr.mde.boundary.Alarms.AlarmFacts.class)))
    public List<org.openebr.mde.boundary.Alarms.AlarmFacts> alarms(@QueryParam("batch") String batch,
                                                                   @QueryParam("limit") @DefaultValue("100") int limit) {
        return alarms.alarms(batch, limit);
    }

    @POST
    @Path("alarms/{id}/acknowledge")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"OPERATOR", "SUPERVISOR"})
    @Operation(operationId = "acknowledgeEquipmentAlarm", summary = "Acknowledge an alarm with a comment (OPERATOR, SUPERVISOR)",
            description = "A new line of the alarm log; nothing is changed. 422 comment-required; 404"
                    + " equipment-alarm-not-found; 409 equipment-alarm-acknowledged.")
    @APIResponse(responseCode = "200", description = "Acknowledged",
            content = @Content(schema = @Schema(implementation = org.openebr.mde.boundary.Alarms.AlarmFacts.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
    @APIResponse(responseCode = "422", ref = "UnprocessableContent")
    public org.openebr.mde.boundary.Alarms.AlarmFacts acknowledge(@PathParam("id") String id, AcknowledgeRequest request) {
        long alarm;
        try {
            alarm = Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw new MdeRefused(MdeRefused.Reason.ALARM_NOT_FOUND, "There is no equipment alarm '" + id + "'.");
        }
        return alarms.acknowledge(alarm, request == null ? null : request.comment());
    }

    @GET
    @Path("figures")
    @Operation(operationId = "getOpcUaValueFigures", summary = "The process values since the server started: received from"
            + " the subscriptions, stored, lost to a full queue, waiting")
    @APIResponse(responseCode = "200", description = "The figures",
            content = @Content(schema = @Schema(implementation = Connections.ValueFigures.class)))
    public Connections.ValueFigures figures() {
        return connections.figures();
    }

    @GET
    @Path("client-certificate")
    @Produces({"application/x-pem-file", "application/problem+json"})
    @Operation(operationId = "getOpcUaClientCertificate", summary = "OpenEBR's OPC UA application certificate (PEM), for"
            + " the machines' lists of trusted clients")
    @APIResponse(responseCode = "200", description = "The certificate",
            content = @Content(mediaType = "application/x-pem-file", schema = @Schema(type = SchemaType.STRING)))
    public Response clientCertificate() {
        return Response.ok(connections.clientCertificate(), "application/x-pem-file").build();
    }

    private static UUID id(String text) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw new MdeRefused(MdeRefused.Reason.NOT_FOUND, "There is no OPC UA connection '" + text + "'.");
        }
    }
}
