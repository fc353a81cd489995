package org.openebr.erp.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openebr.batch.boundary.BatchDetail;
import org.openebr.batch.boundary.BatchHappened;
import org.openebr.batch.boundary.EntryFacts;
import org.openebr.erp.boundary.ErpRefused;

/**
 * The ERP documents: every kind of confirmation as JSON and as B2MML OperationsPerformance valid against
 * OpenEBR's profile, the figures taken from the record (produced, rejects, operation times), and orders
 * read from B2MML OperationsSchedule with their schema errors named.
 */
@Tag("INT-ERP-2")
class ErpB2mmlTest {

    private static final Instant T0 = Instant.parse("2026-12-04T07:00:00Z");

    @Test
    void every_kind_of_confirmation_is_valid_b2mml_operations_performance_with_its_figures() throws Exception {
        Schema schema = schema(ErpB2mml.SCHEMA);
        ErpFigures.Figures figures = ErpFigures.of(batch());
        BatchHappened.Consumption charge = new BatchHappened.Consumption("weigh_api", 2, "CORRECTION", "RM-DEMOPROFEN",
                "LOT-API-7", "C-17", new BigDecimal("450.2"), "g");
        List<String> messages = List.of(
                ErpDocuments.started(header(ErpDocuments.Kind.BATCH_STARTED, 1)),
                ErpDocuments.consumed(header(ErpDocuments.Kind.MATERIAL_CONSUMED, 2), charge, new BigDecimal("449.0"),
                        "LOT-API-6", 1),
                ErpDocuments.production(header(ErpDocuments.Kind.PRODUCTION_REPORTED, 3), figures),
                ErpDocuments.decision(header(ErpDocuments.Kind.BATCH_RELEASED, 4), "RELEASED", figures),
                ErpDocuments.aborted(header(ErpDocuments.Kind.BATCH_ABORTED, 5), "filter integrity failed"));
        for (String json : messages) {
            String xml = ErpB2mml.performance(ErpDocuments.parse(json));
            schema.newValidator().validate(new StreamSource(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8))));
            assertThat(xml).contains("<OperationsScheduleID>PO-4711</OperationsScheduleID>")
                    .contains("courtesy of MESA International");
        }
        String production = ErpB2mml.performance(ErpDocuments.parse(messages.get(2)));
        assertThat(production).containsPattern("<MaterialUse>Produced</MaterialUse>\\s*<Quantity>\\s*<QuantityString>19740<")
                .containsPattern("<MaterialLotID>B-2026-0042</MaterialLotID>")
                .containsPattern("<MaterialUse OtherValue=\"Scrap\">Other</MaterialUse>\\s*<Quantity>\\s*<QuantityString>40<")
                .contains("<SegmentResponseChild>");
        String consumed = ErpB2mml.performance(ErpDocuments.parse(messages.get(1)));
        assertThat(consumed).contains("<MaterialUse>Consumed</MaterialUse>").contains("<MaterialLotID>LOT-API-7<")
                .contains("<MaterialUse OtherValue=\"Reversed\">Other</MaterialUse>").contains("LOT-API-6");
    }

    @Test
    void the_figures_come_from_the_record_produced_rejects_yield_and_operation_times() {
        ErpFigures.Figures f = ErpFigures.of(batch());
        assertThat(f.produced().stepId()).isEqualTo("good_vials");
        assertThat(f.produced().quantity()).isEqualByComparingTo("19740");
        assertThat(f.rejects()).extracting(ErpFigures.Quantity::stepId).containsExactly("rejects_particles");
        assertThat(f.yield().quantity()).isEqualByComparingTo("98.7");
        assertThat(f.operations()).extracting(ErpFigures.OperationTimes::operation).containsExactly("fill", "inspection");
        assertThat(f.start()).isEqualTo(T0);
        assertThat(f.end()).isEqualTo(T0.plusSeconds(400));
    }

    @Test
    void an_order_is_read_from_b2mml_and_a_schema_error_is_named_with_its_place() {
        List<ErpOrderXml.Parsed> orders = ErpOrderXml.parse(schedule("<ID>PO-4711</ID>").getBytes(StandardCharsets.UTF_8));
        assertThat(orders).containsExactly(new ErpOrderXml.Parsed("PO-4711", "FG-DEMOPROFEN-2ML", new BigDecimal("45"), "L",
                LocalDate.of(2026, 12, 20), 3));
        assertThatThrownBy(() -> ErpOrderXml.parse(schedule("").getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(ErpRefused.class).hasMessageContaining("line ").hasMessageContaining("Description");
        assertThatThrownBy(() -> ErpOrderXml.parse("<x".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(ErpRefused.class).hasMessageContaining("not well-formed");
    }

    private static String schedule(String id) {
        return """
                <OperationsSchedule xmlns="http://www.mesa.org/xml/B2MML"><ID>S-1</ID>
                  <OperationsRequest>%s<Description>order</Description><EndTime>2026-12-20T18:00:00+01:00</EndTime>
                    <OperationsDefinitionID>DEMOPROFEN-10-2ML/3</OperationsDefinitionID>
                    <SegmentRequirement><ID>10</ID><ProcessSegmentID>FILL</ProcessSegmentID>
                      <OperationsDefinitionID>R</OperationsDefinitionID><OperationsSegmentID>10</OperationsSegmentID>
                      <MaterialRequirement><ID>1</ID><MaterialDefinitionID>FG-DEMOPROFEN-2ML</MaterialDefinitionID>
                        <MaterialUse>Produced</MaterialUse><Quantity><QuantityString>45</QuantityString>
                        <UnitOfMeasure>L</UnitOfMeasure></Quantity></MaterialRequirement>
                    </SegmentRequirement></OperationsRequest></OperationsSchedule>""".formatted(id);
    }

    private static ErpDocuments.Header header(ErpDocuments.Kind kind, int seq) {
        return new ErpDocuments.Header(UUID.randomUUID(), kind, "PO-4711", "B-2026-0042", seq, "FG-DEMOPROFEN-2ML",
                T0.plusSeconds(seq), "operator1");
    }

    private static BatchDetail batch() {
        List<BatchDetail.StepDetail> steps = List.of(
                step("fill_weight", "fill", "NUMERIC_ENTRY", "g", null, "2.10", 0),
                step("rejects_particles", "inspection", "NUMERIC_ENTRY", "vials", null, "40", 100),
                step("good_vials", "inspection", "NUMERIC_ENTRY", "vials", null, "19740", 200),
                step("yield", "inspection", "CALCULATION", "%", "round(good_vials / theoretical_vials * 100, 1)", "98.7", 300),
                step("vial_difference", "inspection", "CALCULATION", "vials", "filled_vials - good_vials - rejects_particles",
                        "0", 400));
        return new BatchDetail("B-2026-0042", "DEMOPROFEN-10-2ML", 3, "ab".repeat(32), "Demoprofen", new BigDecimal("45"),
                "L", BigDecimal.ONE, "COMPLETED", null, "FL-1", "done", T0, "op1", T0, "sup1", "PO-4711", steps, List.of(),
                List.of());
    }

    private static BatchDetail.StepDetail step(String id, String operation, String type, String unit, String formula,
                                               String value, int second) {
        EntryFacts e = new EntryFacts(id, 1, "ENTRY", value, new BigDecimal(value), unit, null, false, null, null, null,
                null, "IN_SPEC", false, false, null, null, null, null, "op1", T0.plusSeconds(second));
        return new BatchDetail.StepDetail(id, id, type, "filling", operation, List.of(), "DONE", false, null, List.of(),
                unit, 0, null, null, null, null, null, null, null, List.of(), formula, null, List.of(), 1, e, "op1", "op1",
                null, false);
    }

    private static Schema schema(String resource) throws Exception {
        SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        return factory.newSchema(Objects.requireNonNull(ErpB2mmlTest.class.getClassLoader().getResource(resource)));
    }
}
