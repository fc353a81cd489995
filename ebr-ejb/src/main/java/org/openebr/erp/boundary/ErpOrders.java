package org.openebr.erp.boundary;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.openebr.batch.boundary.BatchSummary;
import org.openebr.batch.boundary.Batches;
import org.openebr.erp.control.ErpOrderXml;
import org.openebr.erp.control.ErpStore;
import org.openebr.erp.entity.ErpOrder;
import org.openebr.platform.control.ChangeContext;
import org.openebr.recipe.boundary.Recipes;
import org.openebr.trust.control.Digests;

/**
 * Production orders from the ERP. An order becomes a PLANNED batch of the recipe that makes its material,
 * through {@link Batches#create} as a supervisor's would; the same order again is answered with the same
 * batch and changes nothing; a changed order re-plans its batch while it is PLANNED (audited as the
 * technical account) and is refused once the batch is dispatched: the shop floor works from the plan it
 * has.
 */
@Stateless
@RolesAllowed("ERP_INTERFACE")
public class ErpOrders {

    /** The longest order number (SAP process orders have 12 digits; room for prefixes). */
    public static final int ORDER_NUMBER = 40;

    /** An order as the ERP sends it. */
    public record Order(String orderNumber, String material, BigDecimal quantity, String unit, LocalDate dueDate,
                        Integer recipeVersion) {
    }

    /** What became of an order: its batch, and whether this call created it, changed its plan or repeated it. */
    public record Received(String orderNumber, String batchId, String batchStatus, String recipeId, int recipeVersion,
                           BigDecimal plannedQuantity, String unit, int revision, String outcome) {

        public boolean created() {
            return "CREATED".equals(outcome);
        }
    }

    /** An order as the interface monitor shows it. */
    public record OrderFacts(String orderNumber, String batchId, String material, BigDecimal quantity, String unit,
                             LocalDate dueDate, Integer requestedVersion, String format, int revision, Instant receivedAt,
                             String receivedBy) {
    }

    @Inject
    ErpStore store;

    @Inject
    Batches batches;

    @Inject
    Recipes recipes;

    @Inject
    ChangeContext change;

    @Inject
    Clock clock;

    @Resource
    SessionContext session;

    /** An order sent as JSON. */
    public Received receive(Order order) {
        return receive(order, "JSON");
    }

    /** An order sent as B2MML OperationsSchedule: validated against the schema, one OperationsRequest. */
    public Received receiveB2mml(byte[] xml) {
        List<ErpOrderXml.Parsed> parsed = ErpOrderXml.parse(xml);
        if (parsed.size() != 1) {
            throw new ErpRefused(ErpRefused.Reason.INVALID, "Send one OperationsRequest per order; this document has "
                    + parsed.size() + ".", "OperationsRequest", "exactly one");
        }
        ErpOrderXml.Parsed p = parsed.get(0);
        return receive(new Order(p.orderNumber(), p.material(), p.quantity(), p.unit(), p.dueDate(), p.requestedVersion()),
                "B2MML");
    }

    private Received receive(Order raw, String format) {
        Order order = checked(raw);
        String sha = HexFormat.of().formatHex(Digests.sha256((order.orderNumber() + "\n" + order.material() + "\n"
                + order.quantity().stripTrailingZeros().toPlainString() + "\n" + order.unit() + "\n" + order.dueDate()
                + "\n" + order.recipeVersion()).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        String by = session.getCallerPrincipal().getName();
        Instant now = clock.instant();
        ErpOrder.Content content = new ErpOrder.Content(order.orderNumber(), order.material(), order.quantity(),
                order.unit(), order.dueDate(), order.recipeVersion(), format, sha);
        Optional<ErpOrder> known = store.orderLocked(order.orderNumber());
        if (known.isEmpty()) {
            String recipeId = recipes.recipeMaking(order.material()).orElseThrow(() -> new ErpRefused(
                    ErpRefused.Reason.UNKNOWN_MATERIAL, "No effective master recipe makes material " + order.material()
                    + "; nothing was planned. The recipe's material number must be the ERP's material number of the"
                    + " product.", "material", "the material number of a product with an effective recipe"));
            if (order.recipeVersion() != null) {
                recipes.forExecution(recipeId, order.recipeVersion()); // refuses a version that is not effective
            }
            BatchSummary batch = batches.create(recipeId, order.quantity(), order.unit(), reason(order));
            change.record("Receive ERP order " + order.orderNumber() + " for batch " + batch.batchId(), reason(order))
                    .actingAs("ERP_INTERFACE");
            store.persist(new ErpOrder(content, batch.batchId(), by, now));
            store.flush();
            return received(order.orderNumber(), batch, 1, "CREATED");
        }
        ErpOrder existing = known.get();
        if (existing.contentSha256().equals(sha)) {
            return received(existing.orderNumber(), summary(existing), existing.revision(), "REPEATED");
        }
        if (!existing.material().equals(order.material())) {
            throw new ErpRefused(ErpRefused.Reason.INVALID, "Order " + order.orderNumber() + " was received for material "
                    + existing.material() + "; an order does not change its material. Send a new order.", "material",
                    existing.material());
        }
        if (!batches.planned(existing.batchId())) {
            throw new ErpRefused(ErpRefused.Reason.DISPATCHED, "Order " + order.orderNumber() + " changed after its batch "
                    + existing.batchId() + " was dispatched to the shop floor; the batch keeps its plan. Nothing was"
                    + " changed: agree the change with production planning (a new order, or a deviation).");
        }
        if (order.recipeVersion() != null && !order.recipeVersion().equals(summary(existing).recipeVersion())) {
            throw new ErpRefused(ErpRefused.Reason.INVALID, "Order " + order.orderNumber() + " asks for recipe version "
                    + order.recipeVersion() + "; its batch " + existing.batchId() + " is planned with version "
                    + summary(existing).recipeVersion() + " and keeps it. Send a new order for another version.",
                    "recipeVersion", String.valueOf(summary(existing).recipeVersion()));
        }
        BatchSummary replanned = batches.replan(existing.batchId(), order.quantity(), order.unit(), "ERP order "
                + order.orderNumber() + " changed (revision " + (existing.revision() + 1) + ")");
        change.record("Change ERP order " + order.orderNumber() + " of batch " + existing.batchId(), "order changed by"
                + " the ERP before dispatch").actingAs("ERP_INTERFACE");
        existing.changed(content, by, now);
        store.flush();
        return received(existing.orderNumber(), replanned, existing.revision(), "CHANGED");
    }

    /** The orders received, newest first. */
    @RolesAllowed({"ERP_INTERFACE", "ADMIN", "SUPERVISOR"})
    public List<OrderFacts> orders(int limit) {
        return store.orders(Math.max(1, Math.min(limit, 500))).stream().map(o -> new OrderFacts(o.orderNumber(),
                o.batchId(), o.material(), o.quantity(), o.unit(), o.dueDate(), o.requestedVersion(), o.format(),
                o.revision(), o.receivedAt(), o.receivedBy())).toList();
    }

    private BatchSummary summary(ErpOrder order) {
        return batches.summary(order.batchId());
    }

    private static Received received(String orderNumber, BatchSummary b, int revision, String outcome) {
        return new Received(orderNumber, b.batchId(), b.status(), b.recipeId(), b.recipeVersion(), b.plannedQuantity(),
                b.unit(), revision, outcome);
    }

    private static String reason(Order order) {
        return "ERP order " + order.orderNumber() + (order.dueDate() == null ? "" : ", due " + order.dueDate());
    }

    private static Order checked(Order o) {
        if (o == null) {
            throw new ErpRefused(ErpRefused.Reason.INVALID, "Send the order: orderNumber, material, quantity, unit,"
                    + " dueDate.", "body", "an order");
        }
        String number = o.orderNumber() == null ? "" : o.orderNumber().strip();
        if (!number.matches("[A-Za-z0-9][A-Za-z0-9._/-]{0," + (ORDER_NUMBER - 1) + "}")) {
            throw new ErpRefused(ErpRefused.Reason.INVALID, "The order number is 1 to " + ORDER_NUMBER + " letters, digits"
                    + " or . _ / - (starting with a letter or digit); nothing was planned.", "orderNumber",
                    "1 to " + ORDER_NUMBER + " characters [A-Za-z0-9._/-]");
        }
        String material = o.material() == null ? "" : o.material().strip();
        if (material.isEmpty() || material.length() > 40) {
            throw new ErpRefused(ErpRefused.Reason.INVALID, "Name the material to produce (the ERP material number, up to"
                    + " 40 characters); nothing was planned.", "material", "1 to 40 characters");
        }
        if (o.quantity() == null || o.quantity().signum() <= 0 || o.quantity().precision() - o.quantity().scale() > 12) {
            throw new ErpRefused(ErpRefused.Reason.INVALID, "The quantity of order " + number + " must be a positive"
                    + " number; nothing was planned.", "quantity", "a positive number");
        }
        String unit = o.unit() == null || o.unit().isBlank() ? null : o.unit().strip();
        if (unit == null || unit.length() > 20) {
            throw new ErpRefused(ErpRefused.Reason.INVALID, "Give the unit of the quantity of order " + number
                    + " (e.g. L); nothing was planned.", "unit", "1 to 20 characters");
        }
        if (o.recipeVersion() != null && o.recipeVersion() < 1) {
            throw new ErpRefused(ErpRefused.Reason.INVALID, "A recipe version is 1 or more.", "recipeVersion", ">= 1");
        }
        return new Order(number, material, o.quantity(), unit, o.dueDate(), o.recipeVersion());
    }
}
