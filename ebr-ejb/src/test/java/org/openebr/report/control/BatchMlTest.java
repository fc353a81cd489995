package org.openebr.report.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import javax.xml.XMLConstants;
import javax.xml.namespace.NamespaceContext;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openebr.batch.boundary.BatchDetail;
import org.openebr.batch.boundary.BatchRecord;
import org.openebr.batch.boundary.DeviationFacts;
import org.openebr.batch.boundary.EntryFacts;
import org.openebr.batch.boundary.Overrides;
import org.openebr.review.boundary.AddendumFacts;
import org.openebr.review.boundary.BatchReview;
import org.openebr.signature.boundary.Signatures;
import org.w3c.dom.Document;
import org.xml.sax.SAXException;

/**
 * The batch production record as BatchML: valid against OpenEBR's profile of B2MML V0701, and carrying
 * every kind of fact of the record with the digits the PDF prints (ISA-88.00.04 batch production record).
 */
@Tag("ISA88-4-1")
class BatchMlTest {

    private static final Instant T0 = Instant.parse("2026-05-12T06:00:00Z");
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Test
    void a_record_with_every_kind_of_fact_is_valid_batchml_and_carries_each_with_its_values() throws Exception {
        byte[] xml = BatchMl.document(source(), "inspector1");

        BatchMl.schema().newValidator().validate(new StreamSource(new ByteArrayInputStream(xml)));
        Document doc = parse(xml);
        XPath x = xpath();
        assertThat(x.evaluate("/b:BatchProductionRecord/b:BatchID", doc)).isEqualTo("B-2026-0007");
        assertThat(x.evaluate("/b:BatchProductionRecord/b:RecordStatus", doc)).isEqualTo("RELEASED");
        assertThat(x.evaluate("/b:BatchProductionRecord/b:BatchProductionRecordSpec", doc)).isEqualTo(BatchMl.SPEC);
        // the pH reading: recorded 7.04 (typed 7.041), its unit, limits in words, judgement, who and when
        String ph = "//b:Event[b:EntryID='ph-1']";
        assertThat(x.evaluate(ph + "/b:Value/b:ValueString", doc)).isEqualTo("7.04")
                .isEqualTo(ReportDocument.value(entries().get(0)).split(" ")[0]);
        assertThat(x.evaluate(ph + "/b:Value/b:UnitOfMeasure", doc)).isEqualTo("pH");
        assertThat(x.evaluate(ph + "/b:Category", doc)).isEqualTo("OUT_OF_SPEC");
        assertThat(x.evaluate(ph + "/b:PersonID", doc)).isEqualTo("op1");
        assertThat(x.evaluate(ph + "/b:TimeStamp", doc)).isEqualTo("2026-05-12T07:00:00Z");
        assertThat(x.evaluate(ph + "/b:AssociatedEventID", doc)).isEqualTo("DEV-B-2026-0007-01");
        assertThat(x.evaluate(ph + "/b:UserAttribute[b:AttributeID='TypedAs']/b:Value/b:ValueString", doc))
                .isEqualTo("7.041");
        assertThat(x.evaluate(ph + "/b:UserAttribute[b:AttributeID='Limits']/b:Value/b:ValueString", doc))
                .isEqualTo(ReportDocument.limits(source().record().batch().steps().get(2)));
        // the correction: a Change with the value before and the reason
        assertThat(x.evaluate("//b:Change/b:RecordReference", doc)).isEqualTo("ph-1");
        assertThat(x.evaluate("//b:Change/b:PrechangeData/b:ValueString", doc)).isEqualTo("7.04");
        assertThat(x.evaluate("//b:Change/b:Reason", doc)).isEqualTo("meter not yet stable, read again");
        assertThat(x.evaluate("//b:Event[b:EntryID='ph-2']/b:Value/b:ValueString", doc)).isEqualTo("7.31");
        // material with its lot, equipment, deviation closure, gate refusal and override
        String charge = "//b:Event[b:EntryID='charge_api-1']";
        assertThat(x.evaluate(charge + "/b:EventType", doc)).isEqualTo("Material");
        assertThat(x.evaluate(charge + "/b:EventSubType", doc)).isEqualTo("Consume");
        assertThat(x.evaluate(charge + "/b:Value/b:ValueString", doc)).isEqualTo("450.2");
        assertThat(x.evaluate(charge + "/b:UserAttribute[b:AttributeID='Lot']/b:Value/b:ValueString", doc))
                .isEqualTo("LOT-API-2026-031");
        assertThat(x.evaluate("//b:Event[b:EntryID='vessel-1']/b:EquipmentID", doc)).isEqualTo("V-102");
        String deviation = "//b:Event[b:EntryID='DEV-B-2026-0007-01']";
        assertThat(x.evaluate(deviation + "/b:EventSubType/@OtherValue", doc)).isEqualTo("Deviation");
        assertThat(x.evaluate(deviation + "/b:UserAttribute[b:AttributeID='CAPAReference']/b:Value/b:ValueString",
                doc)).isEqualTo("CAPA-2026-017");
        assertThat(x.evaluate("//b:Event[b:EntryID='REFUSAL-1']/b:MessageText", doc)).contains("not trained");
        assertThat(x.evaluate("//b:Event[b:EntryID='OVERRIDE-1']/b:PersonID", doc)).isEqualTo("sup1");
        // signatures with their manifestation, exceptions with their disposition, what was checked
        String review = "//b:Event[b:Value/b:ValueString='REVIEWED' and b:EventSubType='Security']";
        assertThat(x.evaluate(review + "/b:PersonID", doc)).isEqualTo("Quentin Reviewer");
        assertThat(x.evaluate(review + "/b:MessageText", doc)).isEqualTo(
                "Quentin Reviewer, REVIEWED, 2026-05-13 10:00:00 +02:00 Europe/Berlin");
        assertThat(x.evaluate("//b:Event[b:EntryID='VALUE-ph-1']/b:UserAttribute[b:AttributeID='Disposition']"
                + "/b:Value/b:ValueString", doc)).isEqualTo("ACCEPTED");
        assertThat(x.evaluate("//b:Event[b:EntryID='CHECKED-vessel']/b:MessageText", doc)).contains("clean");
        // sample and result, addendum, personnel
        assertThat(x.evaluate("//b:Sample[b:EntryID='S-0007-01']//b:SampleTestResult/b:Results/b:ValueString", doc))
                .isEqualTo("0.3");
        assertThat(x.evaluate("//b:Sample[b:EntryID='S-0007-01']//b:SampleTestResult/b:TestDisposition", doc))
                .isEqualTo("IN_SPEC");
        assertThat(x.evaluate("//b:Comment[b:EntryID='ADDENDUM-1']/b:CommentText", doc)).contains("complaint");
        assertThat(x.evaluate("//b:PersonnelIdentificationManifest[b:Name='qa1']/b:Name[1]", doc))
                .isEqualTo("Quentin Reviewer");
        assertThat(((Number) x.evaluate("count(//b:PersonnelIdentificationManifest)", doc, XPathConstants.NUMBER))
                .intValue()).as("op1, op2, qa1, sup1: who recorded, granted, classified, closed or signed").isEqualTo(4);
        // events in the order they happened
        assertThat(x.evaluate("(//b:Events/b:Event)[1]/b:EntryID", doc)).isEqualTo("CONTROL-RECIPE");
        assertThat(new String(xml, StandardCharsets.UTF_8)).contains("courtesy of MESA International");
    }

    @Test
    void the_profile_refuses_what_batchml_does_not_allow() {
        String misplaced = """
                <BatchProductionRecord xmlns="http://www.mesa.org/xml/B2MML"><ID>B-1</ID><EntryID>B-1</EntryID>
                <ObjectType>Batch Production Record</ObjectType><RecordStatus>RELEASED</RecordStatus>
                <BatchID>B-1</BatchID></BatchProductionRecord>""";
        String unknownCode = """
                <BatchProductionRecord xmlns="http://www.mesa.org/xml/B2MML"><ID>B-1</ID><EntryID>B-1</EntryID>
                <ObjectType>Batch Record</ObjectType></BatchProductionRecord>""";
        for (String document : List.of(misplaced, unknownCode)) {
            assertThatThrownBy(() -> BatchMl.schema().newValidator().validate(new StreamSource(
                    new ByteArrayInputStream(document.getBytes(StandardCharsets.UTF_8))))).isInstanceOf(SAXException.class);
        }
    }

    @Test
    void control_characters_in_typed_text_do_not_break_the_document() throws Exception {
        ReportDocument.Source s = source();
        AddendumFacts odd = new AddendumFacts("B-2026-0007", 2, "Pasted text", "a\u0007bell & <markup>", "qa1",
                T0.plusSeconds(90_000), List.of());
        ReportDocument.Source withOdd = new ReportDocument.Source(s.record(), s.review(), List.of(s.addenda().get(0), odd),
                s.generatedAt(), s.zone(), s.installation());
        byte[] xml = BatchMl.document(withOdd, "qa1");
        BatchMl.schema().newValidator().validate(new StreamSource(new ByteArrayInputStream(xml)));
        assertThat(xpath().evaluate("//b:Comment[b:EntryID='ADDENDUM-2']/b:CommentText", parse(xml)))
                .isEqualTo("a bell & <markup>");
    }

    private static List<EntryFacts> entries() {
        return List.of(
                new EntryFacts("ph", 1, "ENTRY", "7.041", new BigDecimal("7.04"), "pH", null, false, null, null, null,
                        null, "OUT_OF_SPEC", false, false, null, null, null, "DEV-B-2026-0007-01", "op1",
                        T0.plusSeconds(3600)),
                new EntryFacts("ph", 2, "CORRECTION", "7.31", new BigDecimal("7.31"), "pH", null, false, null, null, null,
                        null, "IN_SPEC", false, false, null, "meter not yet stable, read again", null, null, "op1",
                        T0.plusSeconds(3700)),
                new EntryFacts("charge_api", 1, "ENTRY", "450.2", new BigDecimal("450.2"), "g", null, false, "C-0001",
                        "LOT-API-2026-031", null, null, "IN_SPEC", false, false, null, null, null, null, "op2",
                        T0.plusSeconds(1800)),
                new EntryFacts("vessel", 1, "ENTRY", "V-102", null, null, null, false, null, null, "V-102", null, null,
                        false, false, null, null, "clean until 2026-05-14, calibrated", null, "op2", T0.plusSeconds(600)),
                new EntryFacts("bioburden", 1, "ENTRY", null, null, null, null, false, null, null, null, "S-0007-01", null,
                        false, true, T0.plusSeconds(4000), "entered after the sampling round", null, null, "op1",
                        T0.plusSeconds(4200)),
                new EntryFacts("bioburden", 2, "SAMPLE_RESULT", "0.3", new BigDecimal("0.3"), "CFU/mL", null, false, null,
                        null, null, "S-0007-01", "IN_SPEC", false, false, null, null, null, null, "qa1",
                        T0.plusSeconds(80_000)));
    }

    private static ReportDocument.Source source() {
        BatchDetail.StepDetail ph = step("ph", "pH of the bulk solution", "NUMERIC_ENTRY", "pH", new BigDecimal("7.2"),
                new BigDecimal("7.4"));
        BatchDetail.StepDetail charge = step("charge_api", "Charge Demoprofen API", "MATERIAL_CHARGE", "g", null, null);
        BatchDetail.StepDetail vessel = step("vessel", "Mixing vessel", "EQUIPMENT_CHECK", null, null, null);
        BatchDetail.StepDetail bio = step("bioburden", "Bioburden before filtration", "SAMPLE", "CFU/mL", null,
                new BigDecimal("10"));
        DeviationFacts dev = new DeviationFacts("DEV-B-2026-0007-01", "B-2026-0007", "ph", "OUT_OF_LIMITS",
                "pH 7.04 outside 7.2 to 7.4", "CLOSED", "MINOR", "sup1", T0.plusSeconds(5000), "meter drift",
                "op1", T0.plusSeconds(3600), new DeviationFacts.Closure("electrode not conditioned",
                "none: re-measured in limits", "CAPA-2026-017", "qa1", T0.plusSeconds(90_000)));
        BatchDetail batch = new BatchDetail("B-2026-0007", "DEMOPROFEN-10-2ML", 3, "ab".repeat(32),
                "Demoprofen 10 mg/mL solution for injection", new BigDecimal("45"), "L", BigDecimal.ONE, "RELEASED", null,
                "Filling line FL-01", "released", T0.plusSeconds(100_000), "qa2", T0, "sup1", "PO-2026-0415",
                List.of(vessel, charge, ph, bio), List.of(dev),
                List.of(new BatchDetail.StatusEvent(1, null, "PLANNED", "PO-2026-0415", "sup1", T0, false),
                        new BatchDetail.StatusEvent(2, "PLANNED", "READY", "dispatched", "sup1", T0.plusSeconds(60), true)));
        List<Signatures.Manifestation> signatures = List.of(
                new Signatures.Manifestation(UUID.fromString("00000000-0000-0000-0000-000000000001"), "BATCH_STEP",
                        "B-2026-0007:ph", "Olivia Operator", "op1", "OPERATOR", "PERFORMED", T0.plusSeconds(3800),
                        "Europe/Berlin", "2026-05-12 09:03:20 +02:00 Europe/Berlin", true, List.of(), "0a"),
                new Signatures.Manifestation(UUID.fromString("00000000-0000-0000-0000-000000000002"), "BATCH",
                        "B-2026-0007", "Quentin Reviewer", "qa1", "QA_REVIEWER", "REVIEWED", Instant.parse(
                        "2026-05-13T08:00:00Z"), "Europe/Berlin", "2026-05-13 10:00:00 +02:00 Europe/Berlin", true,
                        List.of(), "0b"));
        BatchRecord record = new BatchRecord(batch, entries(), signatures,
                List.of(new BatchRecord.Refusal("ph", "TRAINING", "op3 is not trained for pH measurement", "op3",
                        T0.plusSeconds(3000))),
                List.of(new Overrides.OverrideFacts("B-2026-0007", 1, "ph", "TRAINING", "op1", List.of("PH-METER"),
                        "trainer present", "DEV-B-2026-0007-01", "sup1", T0.plusSeconds(3300), T0.plusSeconds(3600), 1)));
        BatchReview review = new BatchReview("B-2026-0007", batch.product(), "RELEASED", false, T0.plusSeconds(100_000), 4,
                List.of(new BatchReview.Finding("VALUE-ph-1", "OUT_OF_LIMITS", "ph", "pH of the bulk solution",
                        "pH 7.04 outside its limits", "7.04 pH, limits 7.2 to 7.4", "op1", T0.plusSeconds(3600), null,
                        new BatchReview.Decided("ACCEPTED", "re-measured in limits after conditioning", "qa1",
                                T0.plusSeconds(85_000), 1))),
                List.of(new BatchReview.CheckedStep("vessel", "Mixing vessel", "present, clean and calibrated when used")));
        AddendumFacts addendum = new AddendumFacts("B-2026-0007", 1, "Customer complaint CC-2026-004",
                "A complaint about a cracked vial; the batch record shows no related exception.", "qa1",
                T0.plusSeconds(200_000), List.of());
        return new ReportDocument.Source(record, review, List.of(addendum), T0.plusSeconds(300_000), BERLIN,
                "Example Pharma Plant 1");
    }

    private static BatchDetail.StepDetail step(String id, String name, String type, String unit, BigDecimal lower,
                                               BigDecimal upper) {
        return new BatchDetail.StepDetail(id, name, type, "Compounding", "Bulk solution", List.of(), "DONE", false, null,
                List.of(), unit, 2, null, lower, upper, null, null, null, null, List.of(), null, null, List.of(), 1, null,
                "op1", "op1", null, false);
    }

    private static Document parse(byte[] xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    }

    private static XPath xpath() {
        XPath x = XPathFactory.newInstance().newXPath();
        x.setNamespaceContext(new NamespaceContext() {
            @Override
            public String getNamespaceURI(String prefix) {
                return "b".equals(prefix) ? BatchMl.NAMESPACE : XMLConstants.NULL_NS_URI;
            }

            @Override
            public String getPrefix(String uri) {
                return null;
            }

            @Override
            public java.util.Iterator<String> getPrefixes(String uri) {
                return null;
            }
        });
        return x;
    }
}
