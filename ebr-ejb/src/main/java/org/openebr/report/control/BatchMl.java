package org.openebr.report.control;

import java.math.BigDecimal;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Consumer;
import javax.xml.XMLConstants;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.openebr.batch.boundary.BatchDetail;
import org.openebr.batch.boundary.BatchRecord;
import org.openebr.batch.boundary.DeviationFacts;
import org.openebr.batch.boundary.EntryFacts;
import org.openebr.batch.boundary.Overrides;
import org.openebr.review.boundary.AddendumFacts;
import org.openebr.review.boundary.BatchReview;
import org.openebr.platform.control.IndentedXml;
import org.openebr.signature.boundary.Signatures;
import org.xml.sax.SAXException;

/**
 * The batch production record as MESA BatchML (B2MML V0701, ISA-88.00.04
 * {@code BatchProductionRecord}): the same record the PDF reports print and record.json carries,
 * with the same digits. Entries, status changes, deviations, gate refusals and overrides, the
 * review's exceptions and every signature are {@code Event}s in the order they happened;
 * corrections are also {@code Change}s with the value before and the reason; addenda are
 * {@code Comment}s; samples carry their results; everyone who took part is in the personnel
 * manifest. Times are UTC ({@code xsd:dateTime} with {@code Z}); the PDF prints the same instants
 * in the site's zone. Valid against OpenEBR's profile {@value #SCHEMA} (see its NOTICE).
 */
public final class BatchMl {

    /** The B2MML namespace. */
    public static final String NAMESPACE = "http://www.mesa.org/xml/B2MML";

    /** OpenEBR's profile of BatchML-BatchProductionRecord.xsd, on the class path. */
    public static final String SCHEMA = "b2mml/BatchML-BatchProductionRecord-OpenEBR.xsd";

    /** What {@code BatchProductionRecordSpec} names: this mapping, versioned. */
    public static final String SPEC = "openebr-batchml/1";

    private BatchMl() {
    }

    /** The profile, compiled (thread-safe; validators made from it are not). */
    public static Schema schema() {
        URL xsd = BatchMl.class.getClassLoader().getResource(SCHEMA);
        try {
            SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "file,jar:file,vfs");
            return factory.newSchema(Objects.requireNonNull(xsd, SCHEMA + " is missing from the class path"));
        } catch (SAXException e) {
            throw new IllegalStateException("the BatchML profile " + SCHEMA + " does not compile", e);
        }
    }

    /** The record as a BatchML document, UTF-8. */
    public static byte[] document(ReportDocument.Source s, String generatedBy) {
        IndentedXml x = new IndentedXml("BatchProductionRecord", NAMESPACE,
                "The Business To Manufacturing Markup Language (B2MML) is used courtesy of MESA International.");
        new Writer(x, s, generatedBy).write();
        return x.finish();
    }

    /** One event of the record with the time that orders it. */
    private record Timed(Instant at, int order, Consumer<Writer> body) {
    }

    private static final class Writer {

        private final IndentedXml x;
        private final ReportDocument.Source s;
        private final String generatedBy;
        private final BatchDetail b;
        private final Map<String, BatchDetail.StepDetail> steps = new LinkedHashMap<>();

        Writer(IndentedXml x, ReportDocument.Source s, String generatedBy) {
            this.x = x;
            this.s = s;
            this.generatedBy = generatedBy;
            this.b = s.record().batch();
            b.steps().forEach(st -> steps.put(st.stepId(), st));
        }

        void write() {
            leaf("ID", b.batchId());
            leaf("EntryID", b.batchId());
            leaf("ObjectType", "Batch Production Record");
            leaf("TimeStamp", s.generatedAt());
            leaf("Description", "Batch production record of " + b.product() + ", batch " + b.batchId()
                    + ", generated from the electronic record by " + s.installation() + " for " + generatedBy);
            leaf("CreationDate", b.createdAt());
            leaf("BatchID", b.batchId());
            leaf("BatchProductionRecordSpec", SPEC);
            leaf("EquipmentID", b.line());
            leaf("Language", "en");
            leaf("LastChangedDate", b.statusChangedAt());
            leaf("MaterialDefinitionID", b.product());
            leaf("RecordStatus", b.status());
            changes();
            comments();
            events();
            personnel();
            samples();
        }

        private void changes() {
            List<EntryFacts> corrections = s.record().entries().stream().filter(e -> "CORRECTION".equals(e.kind())).toList();
            if (corrections.isEmpty()) {
                return;
            }
            start("ChangeHistory");
            for (EntryFacts e : corrections) {
                EntryFacts before = s.record().entries().stream()
                        .filter(o -> o.stepId().equals(e.stepId()) && o.seq() < e.seq()).reduce((a, c) -> c).orElse(null);
                start("Change");
                leaf("EntryID", entryId(e) + "-change");
                leaf("ObjectType", "Change");
                leaf("TimeStamp", e.recordedAt());
                leaf("Description", "Correction of " + stepName(e.stepId()) + " by " + e.recordedBy());
                leaf("RecordReference", before == null ? e.stepId() : entryId(before));
                value("PrechangeData", before);
                leaf("Reason", e.reason());
                end();
            }
            end();
        }

        private void comments() {
            if (s.addenda().isEmpty()) {
                return;
            }
            start("Comments");
            for (AddendumFacts a : s.addenda()) {
                start("Comment");
                leaf("EntryID", "ADDENDUM-" + a.addendum());
                leaf("ObjectType", "Comment");
                leaf("TimeStamp", a.recordedAt());
                leaf("Description", "Addendum after QA's decision: " + a.subject());
                leaf("RecordReference", b.batchId());
                leaf("CommentText", a.text());
                leaf("PersonID", a.recordedBy());
                end();
            }
            end();
        }

        private void events() {
            List<Timed> all = new ArrayList<>();
            all.add(new Timed(b.createdAt(), 0, x -> x.controlRecipe()));
            for (BatchDetail.StatusEvent e : b.events()) {
                all.add(new Timed(e.at(), 1, x -> x.status(e)));
            }
            for (EntryFacts e : s.record().entries()) {
                all.add(new Timed(e.recordedAt(), 2, x -> x.entry(e)));
            }
            for (DeviationFacts d : b.deviations()) {
                all.add(new Timed(d.raisedAt(), 3, x -> x.deviation(d)));
            }
            int refusal = 0;
            for (BatchRecord.Refusal r : s.record().refusals()) {
                int n = ++refusal;
                all.add(new Timed(r.refusedAt(), 4, x -> x.refusal(r, n)));
            }
            for (Overrides.OverrideFacts o : s.record().overrides()) {
                all.add(new Timed(o.grantedAt(), 5, x -> x.override(o)));
            }
            for (Signatures.Manifestation m : signatures()) {
                all.add(new Timed(m.signedAt(), 6, x -> x.signature(m)));
            }
            for (BatchReview.Finding f : s.review().exceptions()) {
                all.add(new Timed(f.when() == null ? s.review().computedAt() : f.when(), 7, x -> x.exception(f)));
            }
            for (org.openebr.mde.boundary.Alarms.AlarmFacts a : s.alarms()) {
                all.add(new Timed(a.raisedAt(), 8, x -> x.alarm(a)));
            }
            // a stable sort: the same time keeps the record's own order
            all.sort(Comparator.comparing(Timed::at, Comparator.nullsFirst(Comparator.naturalOrder()))
                    .thenComparingInt(Timed::order));
            start("Events");
            all.forEach(t -> t.body().accept(this));
            for (BatchReview.CheckedStep c : s.review().checked()) {
                checked(c);
            }
            end();
        }

        private void controlRecipe() {
            event("CONTROL-RECIPE", b.createdAt(), "Control recipe of the batch: master recipe " + b.recipeId()
                    + " version " + b.recipeVersion() + ", scaled to " + plain(b.plannedQuantity()) + " " + b.unit(),
                    "Control Recipe", "Other", "Control recipe");
            number("Value", b.plannedQuantity(), b.unit(), "planned quantity");
            leaf("MessageText", b.reason());
            leaf("PersonID", b.createdBy());
            leaf("ProceduralElementReference", b.recipeId() + "/" + b.recipeVersion());
            attribute("RecipeID", b.recipeId());
            attribute("RecipeVersion", String.valueOf(b.recipeVersion()));
            attribute("RecipeContentSHA256", b.contentHash());
            attribute("ScaleFactor", plain(b.scaleFactor()));
            end();
        }

        private void status(BatchDetail.StatusEvent e) {
            event("STATUS-" + e.seq(), e.at(), "Batch status " + (e.from() == null ? "" : e.from() + " -> ") + e.to(),
                    "Control Recipe", "Status Change", null);
            text("Value", e.to());
            if (e.from() != null) {
                text("PreviousValue", e.from());
            }
            leaf("MessageText", e.reason());
            leaf("PersonID", e.by());
            attribute("Signed", String.valueOf(e.signed()));
            end();
        }

        private void entry(EntryFacts e) {
            BatchDetail.StepDetail st = steps.get(e.stepId());
            String type = st == null ? "" : st.type();
            String eventType;
            String subType;
            if (e.containerId() != null) {
                eventType = "Material";
                subType = "Consume";
            } else if (e.equipmentId() != null) {
                eventType = "Equipment";
                subType = "Allocation";
            } else if ("CALCULATION".equals(type) || ("MACHINE_VALUE".equals(type) && !e.manual())) {
                eventType = "Procedural Execution";
                subType = "Process Data";
            } else {
                eventType = "Operator";
                subType = "Prompt Response";
            }
            String what = switch (e.kind()) {
                case "CORRECTION" -> "Correction of ";
                case "SAMPLE_RESULT" -> "Sample result of ";
                default -> "";
            };
            event(entryId(e), e.recordedAt(), what + stepName(e.stepId()), eventType, subType, null);
            leaf("EquipmentID", e.equipmentId());
            value("Value", e);
            leaf("MessageText", e.reason());
            leaf("MessageText", e.details());
            leaf("PersonID", e.recordedBy());
            leaf("ProceduralElementReference", reference(e.stepId()));
            leaf("Category", e.judgement());
            leaf("AssociatedEventID", e.deviationId());
            attribute("EntryKind", e.kind());
            if (st != null) {
                attribute("StepType", st.type());
                String limits = ReportDocument.limits(st);
                if (!limits.isBlank()) {
                    attribute("Limits", limits);
                }
            }
            if (e.raw() != null && e.value() != null && !EntryFacts.sameNumber(e.raw(), e.value())) {
                attribute("TypedAs", e.raw());
            }
            if (e.containerId() != null) {
                attribute("Container", e.containerId());
                attribute("Lot", e.lotId());
            }
            if (e.sampleId() != null) {
                attribute("Sample", e.sampleId());
            }
            if (e.manual()) {
                attribute("Manual", "true");
            }
            if (e.late()) {
                attribute("LateEntryPerformedAt", e.performedAt());
            }
            end();
        }

        private void deviation(DeviationFacts d) {
            event(d.deviationId(), d.raisedAt(), "Deviation " + d.deviationId() + " (" + d.origin() + ")", "Message",
                    "Other", "Deviation");
            leaf("MessageText", d.description());
            leaf("PersonID", d.raisedBy());
            leaf("ProceduralElementReference", d.stepId() == null ? null : reference(d.stepId()));
            leaf("Category", d.status());
            attribute("Origin", d.origin());
            if (d.classification() != null) {
                attribute("Classification", d.classification());
                attribute("ClassifiedBy", d.classifiedBy());
                attribute("ClassifiedAt", d.classifiedAt());
                attribute("ClassificationReason", d.classificationReason());
            }
            if (d.closure() != null) {
                attribute("RootCause", d.closure().rootCause());
                attribute("ImpactOnBatch", d.closure().impact());
                attribute("CAPAReference", d.closure().capaReference());
                attribute("ClosedBy", d.closure().closedBy());
                attribute("ClosedAt", d.closure().closedAt());
            }
            end();
        }

        private void refusal(BatchRecord.Refusal r, int n) {
            event("REFUSAL-" + n, r.refusedAt(), "Gate refusal: " + r.kind(), "Message", "Other", "Gate refusal");
            leaf("MessageText", r.message());
            leaf("PersonID", r.refusedTo());
            leaf("ProceduralElementReference", r.stepId() == null ? null : reference(r.stepId()));
            leaf("Category", r.kind());
            end();
        }

        private void override(Overrides.OverrideFacts o) {
            event("OVERRIDE-" + o.override(), o.grantedAt(), "Gate override of " + o.gate() + " for " + o.operator(),
                    "Operator", "Other", "Gate override");
            leaf("MessageText", o.reason());
            leaf("PersonID", o.grantedBy());
            leaf("ProceduralElementReference", reference(o.stepId()));
            leaf("Category", o.gate());
            leaf("AssociatedEventID", o.deviationId());
            attribute("Operator", o.operator());
            attribute("Qualifications", String.join(", ", o.qualifications()));
            if (o.usedAt() != null) {
                attribute("UsedAt", o.usedAt());
            }
            end();
        }

        private void signature(Signatures.Manifestation m) {
            event("SIGNATURE-" + m.id(), m.signedAt(), m.meaning() + " signature on " + m.recordType() + " "
                    + m.recordId(), "Operator", "Security", null);
            text("Value", m.meaning());
            leaf("MessageText", m.printedName() + ", " + m.meaning() + ", " + m.signedAtSite());
            leaf("PersonID", m.printedName());
            leaf("ProceduralElementReference", m.recordType() + " " + m.recordId());
            leaf("Category", m.valid() ? "VERIFIED" : "DOES NOT VERIFY");
            attribute("UserName", m.userName());
            attribute("Role", m.role());
            attribute("SignedAtSite", m.signedAtSite());
            attribute("CertificateSerial", m.certificateSerial());
            for (String problem : m.problems()) {
                attribute("Problem", problem);
            }
            end();
        }

        /** An equipment alarm of the batch's equipment while it ran, with its clearing and acknowledgement. */
        private void alarm(org.openebr.mde.boundary.Alarms.AlarmFacts a) {
            event("ALARM-" + a.id(), a.raisedAt(), "Equipment alarm " + a.tag() + " of " + a.equipmentId(), "Equipment",
                    "Other", "Alarm");
            leaf("EquipmentID", a.equipmentId());
            leaf("MessageText", a.detail());
            leaf("MessageText", a.comment());
            leaf("PersonID", a.acknowledgedBy());
            leaf("ProceduralElementReference", a.stepId() == null ? null : reference(a.stepId()));
            leaf("Category", a.active() ? "ACTIVE" : "CLEARED");
            leaf("AssociatedEventID", a.deviationId());
            attribute("Tag", a.tag());
            attribute("ClearedAt", a.clearedAt());
            attribute("AcknowledgedAt", a.acknowledgedAt());
            end();
        }

        private void exception(BatchReview.Finding f) {
            event(f.exceptionId(), f.when(), "Review exception: " + f.summary(), "General", "Other", "Review exception");
            leaf("MessageText", f.evidence());
            leaf("PersonID", f.who());
            leaf("ProceduralElementReference", f.stepId() == null ? null : reference(f.stepId()));
            leaf("Category", f.kind());
            if (f.decided() != null) {
                attribute("Disposition", f.decided().decision());
                attribute("DispositionComment", f.decided().comment());
                attribute("DispositionBy", f.decided().by());
                attribute("DispositionAt", f.decided().at());
            } else {
                attribute("Disposition", "NONE");
            }
            end();
        }

        private void checked(BatchReview.CheckedStep c) {
            event("CHECKED-" + c.stepId(), null, "Checked by the system without exception: " + c.stepName(), "General",
                    "Other", "Checked without exception");
            leaf("MessageText", c.statement());
            leaf("ProceduralElementReference", reference(c.stepId()));
            end();
        }

        private void personnel() {
            Map<String, String> people = new TreeMap<>();
            for (Signatures.Manifestation m : signatures()) {
                people.put(m.userName(), m.printedName());
            }
            java.util.function.Consumer<String> took = user -> {
                if (user != null) {
                    people.putIfAbsent(user, null);
                }
            };
            took.accept(b.createdBy());
            b.events().forEach(e -> took.accept(e.by()));
            s.record().entries().forEach(e -> took.accept(e.recordedBy()));
            b.deviations().forEach(d -> {
                took.accept(d.raisedBy());
                took.accept(d.classifiedBy());
                took.accept(d.closure() == null ? null : d.closure().closedBy());
            });
            s.record().overrides().forEach(o -> took.accept(o.grantedBy()));
            s.review().exceptions().forEach(f -> took.accept(f.decided() == null ? null : f.decided().by()));
            s.addenda().forEach(a -> took.accept(a.recordedBy()));
            if (people.isEmpty()) {
                return;
            }
            start("PersonnelIdentification");
            people.forEach((user, printed) -> {
                start("PersonnelIdentificationManifest");
                leaf("EntryID", "PERSON-" + user);
                leaf("ObjectType", "Personnel Identification Manifest");
                leaf("Description", printed == null ? "User " + user + " (no signature in this record)"
                        : printed + ", user " + user);
                leaf("RecordReference", b.batchId());
                if (printed != null) {
                    leaf("Name", printed);
                }
                leaf("Name", user);
                leaf("ChangeIndication", "Took part");
                end();
            });
            end();
        }

        private void samples() {
            Map<String, List<EntryFacts>> bySample = new LinkedHashMap<>();
            for (EntryFacts e : s.record().entries()) {
                if (e.sampleId() != null) {
                    bySample.computeIfAbsent(e.sampleId(), k -> new ArrayList<>()).add(e);
                }
            }
            if (bySample.isEmpty()) {
                return;
            }
            start("Samples");
            bySample.forEach((sample, entries) -> {
                EntryFacts taken = entries.stream().filter(e -> !"SAMPLE_RESULT".equals(e.kind())).findFirst()
                        .orElse(entries.get(0));
                BatchDetail.StepDetail st = steps.get(taken.stepId());
                start("Sample");
                leaf("EntryID", sample);
                leaf("ObjectType", "Sample");
                leaf("TimeStamp", taken.recordedAt());
                leaf("Description", "Sample " + sample + " taken by " + taken.recordedBy() + " at " + stepName(taken.stepId()));
                leaf("SampleSourceID", b.batchId());
                leaf("ProceduralElementReference", reference(taken.stepId()));
                start("SampleTest");
                leaf("EntryID", sample + "-test");
                leaf("ObjectType", "Sample Test");
                leaf("TestName", stepName(taken.stepId()));
                for (EntryFacts r : entries) {
                    if (!"SAMPLE_RESULT".equals(r.kind())) {
                        continue;
                    }
                    start("SampleTestResult");
                    leaf("EntryID", entryId(r));
                    leaf("ObjectType", "Sample Test Result");
                    leaf("TimeStamp", r.recordedAt());
                    leaf("Description", "Result entered by " + r.recordedBy());
                    leaf("TestDisposition", r.judgement());
                    value("Results", r);
                    if (st != null && !ReportDocument.limits(st).isBlank()) {
                        text("ExpectedResults", ReportDocument.limits(st));
                    }
                    end();
                }
                end();
                end();
            });
            end();
        }

        private List<Signatures.Manifestation> signatures() {
            List<Signatures.Manifestation> all = new ArrayList<>(s.record().signatures());
            s.addenda().forEach(a -> all.addAll(a.signatures()));
            return all;
        }

        // ---- the pieces of B2MML

        private void event(String id, Instant at, String description, String type, String subType, String other) {
            start("Event");
            leaf("EntryID", id);
            leaf("ObjectType", "Event");
            leaf("TimeStamp", at);
            leaf("Description", description);
            leaf("EventType", type);
            x.leaf("EventSubType", subType, "OtherValue", other);
        }

        /** A ValueType with the entry's value as recorded: the number's digits, its unit; a text; a check. */
        private void value(String element, EntryFacts e) {
            if (e == null) {
                start(element);
                leaf("ValueString", "");
                end();
            } else if (e.value() != null) {
                number(element, e.value(), e.unit(), null);
            } else if (e.text() != null) {
                text(element, e.text());
            } else if (e.equipmentId() != null) {
                text(element, e.equipmentId());
            } else if (e.sampleId() != null) {
                text(element, e.sampleId());
            } else if (e.acknowledged()) {
                start(element);
                leaf("ValueString", "true");
                leaf("DataType", "boolean");
                end();
            } else {
                text(element, Objects.requireNonNullElse(e.raw(), ""));
            }
        }

        private void number(String element, BigDecimal value, String unit, String key) {
            start(element);
            leaf("ValueString", plain(value));
            leaf("DataType", "decimal");
            leaf("UnitOfMeasure", unit);
            leaf("Key", key);
            end();
        }

        private void text(String element, String value) {
            start(element);
            leaf("ValueString", value);
            leaf("DataType", "string");
            end();
        }

        private void attribute(String id, Object value) {
            if (value == null) {
                return;
            }
            start("UserAttribute");
            leaf("AttributeID", id);
            start("Value");
            leaf("ValueString", value.toString());
            leaf("DataType", value instanceof Instant ? "dateTime" : "string");
            end();
            end();
        }

        private String entryId(EntryFacts e) {
            return e.stepId() + "-" + e.seq();
        }

        private String stepName(String stepId) {
            BatchDetail.StepDetail st = steps.get(stepId);
            return st == null ? stepId : st.name() + " (" + stepId + ")";
        }

        private String reference(String stepId) {
            BatchDetail.StepDetail st = steps.get(stepId);
            return st == null ? stepId : st.unitProcedure() + "/" + st.operation() + "/" + stepId;
        }

        private void start(String name) {
            x.start(name);
        }

        private void end() {
            x.end();
        }

        /** An element with text; nothing when the value is null (every such element is optional). */
        private void leaf(String name, Object value) {
            x.leaf(name, value);
        }
    }

    private static String plain(BigDecimal value) {
        return value == null ? "" : value.toPlainString();
    }
}
