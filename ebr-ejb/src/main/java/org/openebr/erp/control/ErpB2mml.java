package org.openebr.erp.control;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.nio.charset.StandardCharsets;
import org.openebr.platform.control.IndentedXml;

/**
 * A confirmation as B2MML V0701 {@code OperationsPerformance} (ISA-95 part 5): the ERP order is the
 * operations schedule and request, the batch the operations response, the confirmation one segment
 * response with its material actuals (consumed per lot, produced as the batch's lot, rejects), the
 * operation times as child segment responses and the rest as segment data. Valid against OpenEBR's
 * profile {@value #SCHEMA}.
 */
public final class ErpB2mml {

    public static final String NAMESPACE = "http://www.mesa.org/xml/B2MML";

    /** OpenEBR's profile of B2MML-OperationsPerformance.xsd, on the class path. */
    public static final String SCHEMA = "b2mml/B2MML-OperationsPerformance-OpenEBR.xsd";

    private ErpB2mml() {
    }

    public static String performance(JsonObject m) {
        String kind = m.getString("kind");
        String batch = m.getString("batchId");
        String order = m.getString("orderNumber");
        String state = switch (kind) {
            case "BATCH_STARTED", "MATERIAL_CONSUMED" -> "Running";
            case "PRODUCTION_REPORTED" -> "Completed";
            case "BATCH_RELEASED", "BATCH_REJECTED" -> "Closed";
            default -> "Aborted";
        };
        String what = switch (kind) {
            case "BATCH_STARTED" -> "Batch " + batch + " started";
            case "MATERIAL_CONSUMED" -> "Material consumed by batch " + batch;
            case "PRODUCTION_REPORTED" -> "Production of batch " + batch + " completed";
            case "BATCH_RELEASED" -> "Batch " + batch + " released by QA (usage decision)";
            case "BATCH_REJECTED" -> "Batch " + batch + " rejected by QA (usage decision)";
            default -> "Batch " + batch + " aborted";
        };
        IndentedXml x = new IndentedXml("OperationsPerformance", NAMESPACE,
                "The Business To Manufacturing Markup Language (B2MML) is used courtesy of MESA International.");
        x.leaf("ID", m.getString("messageId"));
        x.leaf("Description", what + " (" + ErpDocuments.FORMAT + " " + kind + ", message " + m.getInt("sequence")
                + " of the batch)");
        x.leaf("PublishedDate", m.getString("occurredAt"));
        x.leaf("StartTime", text(m, "actualStart"));
        x.leaf("Endtime", text(m, "actualEnd"));
        x.leaf("OperationsType", "Production");
        x.leaf("OperationsScheduleID", order);
        x.leaf("PerformanceState", state);
        x.start("OperationsResponse");
        x.leaf("ID", batch);
        x.leaf("Description", "Batch " + batch + " of order " + order + ", material " + m.getString("material"));
        x.leaf("OperationsType", "Production");
        x.leaf("OperationsRequestID", order);
        x.leaf("ResponseState", state);
        x.start("SegmentResponse");
        x.leaf("ID", batch + "-" + m.getInt("sequence"));
        x.leaf("Description", what);
        x.leaf("PostingDate", m.getString("occurredAt"));
        x.leaf("ActualStartTime", text(m, "actualStart"));
        x.leaf("ActualEndTime", text(m, "actualEnd"));
        x.leaf("OperationsType", "Production");
        x.leaf("SegmentState", state);
        data(x, "Kind", kind, "string", null);
        data(x, "MessageID", m.getString("messageId"), "string", null);
        data(x, "Sequence", String.valueOf(m.getInt("sequence")), "decimal", null);
        data(x, "RecordedBy", text(m, "recordedBy"), "string", null);
        data(x, "Decision", text(m, "decision"), "string", null);
        data(x, "Reason", text(m, "reason"), "string", null);
        if (m.containsKey("yield")) {
            JsonObject y = m.getJsonObject("yield");
            data(x, "Yield", y.getJsonNumber("value").bigDecimalValue().toPlainString(), "decimal", y.getString("unit"));
        }
        if (m.containsKey("consumption")) {
            JsonObject c = m.getJsonObject("consumption");
            if (c.containsKey("replaces")) {
                JsonObject r = c.getJsonObject("replaces");
                material(x, batch + "-" + c.getString("stepId") + "-" + r.getInt("entry") + "-reversed", c.getString("material"),
                        r.getString("lot"), "Reversal of entry " + r.getInt("entry") + " (corrected)", "Other", "Reversed",
                        r.getJsonNumber("quantity").bigDecimalValue().toPlainString(), c.getString("unit"));
            }
            material(x, batch + "-" + c.getString("stepId") + "-" + c.getInt("entry"), c.getString("material"),
                    c.getString("lot"), "Charged at step " + c.getString("stepId") + " from container "
                            + c.getString("container"), "Consumed", null,
                    c.getJsonNumber("quantity").bigDecimalValue().toPlainString(), c.getString("unit"));
        }
        if (m.containsKey("produced") && m.get("produced").getValueType() == JsonValue.ValueType.OBJECT) {
            JsonObject p = m.getJsonObject("produced");
            material(x, batch + "-produced", p.getString("material"), p.getString("lot"), "Produced, as recorded at step "
                    + p.getString("stepId"), "Produced", null, p.getJsonNumber("quantity").bigDecimalValue()
                    .toPlainString(), p.getString("unit"));
        }
        if (m.containsKey("rejects")) {
            for (JsonObject r : m.getJsonArray("rejects").getValuesAs(JsonObject.class)) {
                material(x, batch + "-" + r.getString("stepId"), m.getString("material"), batch, "Rejected: "
                        + r.getString("reason"), "Other", "Scrap", r.getJsonNumber("quantity").bigDecimalValue()
                        .toPlainString(), r.getString("unit"));
            }
        }
        if (m.containsKey("operations")) {
            for (JsonObject o : m.getJsonArray("operations").getValuesAs(JsonObject.class)) {
                x.start("SegmentResponseChild");
                x.leaf("ID", o.getString("unitProcedure") + "/" + o.getString("operation"));
                x.leaf("Description", "Operation " + o.getString("operation") + " of unit procedure "
                        + o.getString("unitProcedure"));
                x.leaf("ActualStartTime", o.getString("start"));
                x.leaf("ActualEndTime", o.getString("end"));
                x.leaf("OperationsType", "Production");
                x.leaf("SegmentState", "Completed");
                x.end();
            }
        }
        x.end();
        x.end();
        return new String(x.finish(), StandardCharsets.UTF_8);
    }

    private static void data(IndentedXml x, String id, String value, String type, String unit) {
        if (value == null) {
            return;
        }
        x.start("SegmentData");
        x.leaf("ID", id);
        x.start("Value");
        x.leaf("ValueString", value);
        x.leaf("DataType", type);
        x.leaf("UnitOfMeasure", unit);
        x.end();
        x.end();
    }

    private static void material(IndentedXml x, String id, String material, String lot, String description, String use,
                                 String otherUse, String quantity, String unit) {
        x.start("MaterialActual");
        x.leaf("ID", id);
        x.leaf("MaterialDefinitionID", material);
        x.leaf("MaterialLotID", lot);
        x.leaf("Description", description);
        x.leaf("MaterialUse", use, "OtherValue", otherUse);
        x.start("Quantity");
        x.leaf("QuantityString", quantity);
        x.leaf("DataType", "decimal");
        x.leaf("UnitOfMeasure", unit);
        x.end();
        x.end();
    }

    private static String text(JsonObject m, String key) {
        return m.containsKey(key) && m.get(key).getValueType() == JsonValue.ValueType.STRING ? m.getString(key) : null;
    }
}
