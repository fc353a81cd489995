package org.openebr.api.erp;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.bind.Jsonb;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.openebr.api.JsonbConfiguration;
import org.openebr.batch.boundary.Idempotency;
import org.openebr.erp.boundary.ErpMessages;
import org.openebr.erp.boundary.ErpOrders;
import org.openebr.erp.boundary.ErpRefused;

/**
 * The ERP interface (ISA-95 level 4): production orders in (JSON or B2MML OperationsSchedule), the
 * confirmations' feed for an ERP that pulls, and the interface monitor of the outbox for administrators
 * and supervisors, with an administrator's retry of a parked message.
 */
@Path("erp")
@Tag(name = "erp")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"ERP_INTERFACE", "ADMIN", "SUPERVISOR"})
@APIResponse(responseCode = "401", ref = "Unauthorized")
@APIResponse(responseCode = "403", ref = "Forbidden")
public class ErpResource {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    private static final Jsonb JSON = JsonbConfiguration.create();

    /**
     * A production order: the ERP order number, the ERP material number of the product, the quantity and
     * its unit, the due date (YYYY-MM-DD) and, optionally, the recipe version the ERP expects.
     */
    public record OrderRequest(String orderNumber, String material, BigDecimal quantity, String unit, String dueDate,
                               Integer recipeVersion) {
    }

    /** Why a parked message is retried. */
    public record RetryRequest(String reason) {
    }

    @Inject
    ErpOrders orders;

    @Inject
    ErpMessages messages;

    @Inject
    Idempotency idempotency;

    @POST
    @Path("orders")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("ERP_INTERFACE")
    @Operation(operationId = "receiveErpOrder", summary = "A production order from the ERP (JSON) becomes a PLANNED batch",
            description = "201 with batchId for a new order; 200 with the same batchId for a repeat (outcome REPEATED) or a"
                    + " change before dispatch (outcome CHANGED: the batch is re-planned). 409 erp-order-dispatched for a"
                    + " change after dispatch; 422 erp-order-invalid, erp-material-unknown, idempotency-key-reused.")
    @APIResponse(responseCode = "201", description = "Planned", content = @Content(schema = @Schema(implementation = ErpOrders.Received.class)))
    @APIResponse(responseCode = "200", description = "Repeated or changed", content = @Content(schema = @Schema(implementation = ErpOrders.Received.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "413", ref = "ContentTooLarge")
    @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
    @APIResponse(responseCode = "422", ref = "UnprocessableContent")
    public Response receive(@Parameter(in = ParameterIn.HEADER, name = IDEMPOTENCY_KEY) @HeaderParam(IDEMPOTENCY_KEY) String key,
                            OrderRequest request) {
        ErpOrders.Order order = request == null ? null : new ErpOrders.Order(request.orderNumber(), request.material(),
                request.quantity(), request.unit(), date(request.dueDate()), request.recipeVersion());
        return answer(key, "erp-order\n" + JSON.toJson(request), () -> orders.receive(order));
    }

    @POST
    @Path("orders")
    @Consumes({MediaType.APPLICATION_XML, MediaType.TEXT_XML})
    @RolesAllowed("ERP_INTERFACE")
    @Operation(operationId = "receiveErpOrderB2mml", summary = "A production order from the ERP as B2MML OperationsSchedule",
            description = "Validated against OpenEBR's profile of B2MML V0701 OperationsSchedule (one OperationsRequest:"
                    + " ID = order number, EndTime = due date, MaterialRequirement with MaterialUse Produced ="
                    + " material, quantity, unit). 422 erp-schema-invalid names the schema error with its line and"
                    + " column. Answers as the JSON order.")
    @APIResponse(responseCode = "201", description = "Planned", content = @Content(schema = @Schema(implementation = ErpOrders.Received.class)))
    @APIResponse(responseCode = "200", description = "Repeated or changed", content = @Content(schema = @Schema(implementation = ErpOrders.Received.class)))
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "413", ref = "ContentTooLarge")
    @APIResponse(responseCode = "422", ref = "UnprocessableContent")
    public Response receiveB2mml(@Parameter(in = ParameterIn.HEADER, name = IDEMPOTENCY_KEY) @HeaderParam(IDEMPOTENCY_KEY) String key,
                                 byte[] body) {
        byte[] xml = body == null ? new byte[0] : body;
        return answer(key, "erp-order-xml\n" + HexFormat.of().formatHex(sha256(xml)), () -> orders.receiveB2mml(xml));
    }

    @GET
    @Path("orders")
    @Operation(operationId = "listErpOrders", summary = "The orders received from the ERP, newest first, with their batch")
    @APIResponse(responseCode = "200", description = "The orders",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = ErpOrders.OrderFacts.class)))
    public List<ErpOrders.OrderFacts> orders(@QueryParam("limit") @DefaultValue("100") int limit) {
        return orders.orders(limit);
    }

    @GET
    @Path("confirmations")
    @RolesAllowed({"ERP_INTERFACE", "ADMIN"})
    @Operation(operationId = "erpConfirmationFeed", summary = "The confirmations after a cursor, oldest first (for an ERP that pulls)",
            description = "Each confirmation is the JSON message also pushed (format openebr-erp-confirmation/1, with"
                    + " messageId and sequence per batch). Ask again with after = next; an empty page keeps the cursor."
                    + " 422 erp-cursor-invalid.")
    @APIResponse(responseCode = "200", description = "A page of the feed: after, next and confirmations",
            content = @Content(schema = @Schema(type = SchemaType.OBJECT)))
    @APIResponse(responseCode = "422", ref = "UnprocessableContent")
    public Response confirmations(@QueryParam("after") String after, @QueryParam("limit") @DefaultValue("100") int limit) {
        ErpMessages.Feed feed = messages.after(after, limit);
        JsonArrayBuilder items = Json.createArrayBuilder();
        for (String body : feed.confirmations()) {
            try (var reader = Json.createReader(new StringReader(body))) {
                items.add(reader.readObject());
            }
        }
        String page = Json.createObjectBuilder().add("after", String.valueOf(feed.after()))
                .add("next", String.valueOf(feed.next())).add("confirmations", items).build().toString();
        return Response.ok(page, MediaType.APPLICATION_JSON_TYPE).build();
    }

    @GET
    @Path("overview")
    @RolesAllowed({"ADMIN", "SUPERVISOR"})
    @Operation(operationId = "erpOverview", summary = "The outbox in numbers (pending, delivered, parked) and where it goes")
    @APIResponse(responseCode = "200", description = "The overview", content = @Content(schema = @Schema(implementation = ErpMessages.Overview.class)))
    public ErpMessages.Overview overview() {
        return messages.overview();
    }

    @GET
    @Path("messages")
    @Operation(operationId = "listErpMessages", summary = "Outbox messages, newest first: all, or pending, delivered or parked",
            description = "422 erp-order-invalid for an unknown state.")
    @APIResponse(responseCode = "200", description = "The messages",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = ErpMessages.MessageFacts.class)))
    @APIResponse(responseCode = "422", ref = "UnprocessableContent")
    public List<ErpMessages.MessageFacts> messages(@QueryParam("state") String state,
                                                   @QueryParam("limit") @DefaultValue("100") int limit) {
        return messages.messages(state, limit);
    }

    @GET
    @Path("messages/{messageId}")
    @Operation(operationId = "getErpMessage", summary = "One outbox message: its state, its content and every delivery attempt")
    @APIResponse(responseCode = "200", description = "The message", content = @Content(schema = @Schema(implementation = ErpMessages.MessageDetail.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public ErpMessages.MessageDetail message(@PathParam("messageId") String messageId) {
        return messages.message(id(messageId));
    }

    @GET
    @Path("messages/{messageId}/b2mml")
    @Produces({MediaType.APPLICATION_XML, "application/problem+json"})
    @Operation(operationId = "getErpMessageB2mml", summary = "One outbox message as B2MML OperationsPerformance",
            description = "What the relay sends with EBR_ERP_FORMAT=b2mml (valid against OpenEBR's profile of B2MML V0701"
                    + " OperationsPerformance), whatever the configured format. 404 erp-message-not-found.")
    @APIResponse(responseCode = "200", description = "The B2MML document",
            content = @Content(mediaType = MediaType.APPLICATION_XML, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Response messageB2mml(@PathParam("messageId") String messageId) {
        return Response.ok(messages.b2mml(id(messageId)), MediaType.APPLICATION_XML_TYPE).build();
    }

    @POST
    @Path("messages/{messageId}/retry")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("ADMIN")
    @Operation(operationId = "retryErpMessage", summary = "A parked message back to pending (its attempts counted afresh)",
            description = "The retry is logged with who asked and why. 409 erp-message-not-parked; 404 erp-message-not-found.")
    @APIResponse(responseCode = "200", description = "Pending again", content = @Content(schema = @Schema(implementation = ErpMessages.MessageFacts.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public ErpMessages.MessageFacts retry(@PathParam("messageId") String messageId, RetryRequest request) {
        return messages.retry(id(messageId), request == null ? null : request.reason());
    }

    private Response answer(String key, String what, Supplier<ErpOrders.Received> effect) {
        if (key == null) {
            ErpOrders.Received received = effect.get();
            return Response.status(received.created() ? 201 : 200).entity(received).build();
        }
        Idempotency.Answer answer = idempotency.once(key.strip(), HexFormat.of().formatHex(
                sha256(what.getBytes(StandardCharsets.UTF_8))), () -> {
                    ErpOrders.Received received = effect.get();
                    return new Idempotency.Effect(received.created() ? 201 : 200, JSON.toJson(received));
                });
        return Response.status(answer.status()).entity(answer.body()).type(MediaType.APPLICATION_JSON_TYPE)
                .header("Idempotent-Replayed", answer.replayed()).build();
    }

    private static byte[] sha256(byte[] content) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(content);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static LocalDate date(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new ErpRefused(ErpRefused.Reason.INVALID, "The due date is a date as YYYY-MM-DD, not '"
                    + text.strip() + "'; nothing was planned.", "dueDate", "YYYY-MM-DD");
        }
    }

    private static UUID id(String text) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw new ErpRefused(ErpRefused.Reason.MESSAGE_NOT_FOUND, "There is no ERP message " + text
                    + " (a message id is a UUID).");
        }
    }
}
