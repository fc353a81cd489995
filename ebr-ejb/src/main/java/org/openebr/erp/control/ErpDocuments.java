package org.openebr.erp.control;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.openebr.batch.boundary.BatchHappened;

/**
 * The confirmations as JSON (format {@value #FORMAT}), the outbox's stored content. Every message names
 * its id, kind, the ERP order and batch, its sequence in the batch, when it happened and who did it.
 */
public final class ErpDocuments {

    /** The format name inside every message. */
    public static final String FORMAT = "openebr-erp-confirmation/1";

    /** The kinds of confirmation. */
    public enum Kind {
        BATCH_STARTED, MATERIAL_CONSUMED, PRODUCTION_REPORTED, BATCH_RELEASED, BATCH_REJECTED, BATCH_ABORTED
    }

    /** Who and what a message is about. */
    public record Header(UUID messageId, Kind kind, String orderNumber, String batchId, int sequence, String material,
                         Instant occurredAt, String recordedBy) {
    }

    private ErpDocuments() {
    }

    public static String started(Header h) {
        return header(h).add("startedAt", h.occurredAt().toString()).build().toString();
    }

    /** A charge of a material lot; a correction names the entry it replaces and that entry's quantity and lot. */
    public static String consumed(Header h, BatchHappened.Consumption c, BigDecimal replacedQuantity, String replacedLot,
                                  Integer replacedEntry) {
        JsonObjectBuilder consumption = Json.createObjectBuilder().add("material", c.materialNumber())
                .add("lot", c.lotId()).add("container", c.containerId()).add("quantity", c.quantity())
                .add("unit", c.unit()).add("stepId", c.stepId()).add("entry", c.seq())
                .add("correction", "CORRECTION".equals(c.entryKind()));
        if (replacedEntry != null) {
            consumption.add("replaces", Json.createObjectBuilder().add("entry", replacedEntry)
                    .add("quantity", replacedQuantity).add("lot", replacedLot));
        }
        return header(h).add("consumption", consumption).build().toString();
    }

    /** The quantity produced with the produced lot (the batch), the rejects, the yield and the operation times. */
    public static String production(Header h, ErpFigures.Figures f) {
        JsonObjectBuilder body = header(h);
        addFigures(body, h, f);
        return body.build().toString();
    }

    /** QA's decision with the released (or rejected) figures, taken from the record as decided. */
    public static String decision(Header h, String decision, ErpFigures.Figures f) {
        JsonObjectBuilder body = header(h).add("decision", decision).add("decidedBy", h.recordedBy())
                .add("decidedAt", h.occurredAt().toString());
        addFigures(body, h, f);
        return body.build().toString();
    }

    public static String aborted(Header h, String reason) {
        return header(h).add("reason", reason == null ? "" : reason).build().toString();
    }

    private static void addFigures(JsonObjectBuilder body, Header h, ErpFigures.Figures f) {
        if (f.produced() != null) {
            body.add("produced", Json.createObjectBuilder().add("material", h.material()).add("lot", h.batchId())
                    .add("quantity", f.produced().quantity()).add("unit", f.produced().unit())
                    .add("stepId", f.produced().stepId()));
        } else {
            body.addNull("produced");
        }
        JsonArrayBuilder rejects = Json.createArrayBuilder();
        f.rejects().forEach(r -> rejects.add(Json.createObjectBuilder().add("reason", r.name()).add("stepId", r.stepId())
                .add("quantity", r.quantity()).add("unit", r.unit())));
        body.add("rejects", rejects);
        if (f.yield() != null) {
            body.add("yield", Json.createObjectBuilder().add("value", f.yield().quantity()).add("unit", f.yield().unit()));
        }
        JsonArrayBuilder operations = Json.createArrayBuilder();
        for (ErpFigures.OperationTimes o : f.operations()) {
            // shop-floor data of the operation (MES-BDE-1): downtime in minutes and each loss with its cause code
            JsonArrayBuilder losses = Json.createArrayBuilder();
            o.losses().forEach(l -> {
                JsonObjectBuilder loss = Json.createObjectBuilder().add("event", l.seq()).add("kind", l.kind())
                        .add("cause", l.cause());
                if (l.from() != null) {
                    loss.add("from", l.from().toString()).add("to", l.to().toString()).add("minutes", l.minutes());
                } else {
                    loss.add("quantity", l.quantity()).add("unit", l.unit());
                }
                losses.add(l.comment() == null ? loss : loss.add("comment", l.comment()));
            });
            operations.add(Json.createObjectBuilder().add("unitProcedure", o.unitProcedure())
                    .add("operation", o.operation()).add("start", o.start().toString()).add("end", o.end().toString())
                    .add("downtimeMinutes", o.downtimeMinutes()).add("losses", losses));
        }
        body.add("operations", operations);
        if (f.start() != null) {
            body.add("actualStart", f.start().toString()).add("actualEnd", f.end().toString());
        }
    }

    private static JsonObjectBuilder header(Header h) {
        JsonObjectBuilder b = Json.createObjectBuilder().add("format", FORMAT).add("messageId", h.messageId().toString())
                .add("kind", h.kind().name()).add("orderNumber", h.orderNumber()).add("batchId", h.batchId())
                .add("sequence", h.sequence()).add("material", h.material()).add("occurredAt", h.occurredAt().toString());
        return h.recordedBy() == null ? b.addNull("recordedBy") : b.add("recordedBy", h.recordedBy());
    }

    public static JsonObject parse(String body) {
        try (var reader = Json.createReader(new StringReader(body))) {
            return reader.readObject();
        }
    }
}
