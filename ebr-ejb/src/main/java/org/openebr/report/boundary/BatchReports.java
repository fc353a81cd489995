package org.openebr.report.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.openebr.batch.boundary.BatchRecord;
import org.openebr.batch.boundary.Batches;
import org.openebr.platform.control.SiteSettings;
import org.openebr.report.control.BatchMl;
import org.openebr.report.control.PdfA;
import org.openebr.report.control.ReportDocument;
import org.openebr.review.boundary.Addenda;
import org.openebr.review.boundary.AddendumFacts;
import org.openebr.review.boundary.BatchReview;
import org.openebr.review.boundary.Reviews;
import org.openebr.trust.control.CmsSigner;
import org.openebr.trust.control.Keys;
import org.openebr.trust.control.TrustStore;

/**
 * The documents of a batch, generated from its electronic record when asked for: the batch report
 * and the exception report (PDF/A-3, the record attached as JSON, signed by the installation with a
 * time-stamp), and the record as JSON. The same record gives the same values in all of them and on
 * the screens (ALCOA+ consistent).
 */
@Stateless
@RolesAllowed({"QA_REVIEWER", "QA_RELEASER", "INSPECTOR", "SUPERVISOR"})
public class BatchReports {

    /** The format name and version inside every record.json. */
    public static final String FORMAT = "openebr-batch-record/1";

    private static final Jsonb JSON = JsonbBuilder.create(new JsonbConfig().withFormatting(true));

    /** A generated file. */
    public record Document(String fileName, String contentType, byte[] content, String sha256) {
    }

    /** The record.json document: the electronic record and its review as the server computes it. */
    /** @param alarms the equipment alarms of the batch's equipment while it ran, oldest first (also in the PDF and BatchML) */
    public record RecordFile(String format, Instant generatedAt, String generatedBy, BatchRecord record,
                             BatchReview review, List<AddendumFacts> addenda,
                             List<org.openebr.mde.boundary.Alarms.AlarmFacts> alarms) {
    }

    @Inject
    Batches batches;

    @Inject
    Reviews reviews;

    @Inject
    Addenda addenda;

    @Inject
    Keys keys;

    @Inject
    org.openebr.batch.boundary.OperationEvents operationEvents;

    @Inject
    org.openebr.mde.boundary.Alarms alarms;

    /** Every equipment alarm of the batch, oldest first. */
    private List<org.openebr.mde.boundary.Alarms.AlarmFacts> alarmsOf(String batchId) {
        return alarms.alarms(batchId, 10_000).stream()
                .sorted(java.util.Comparator.comparingLong(org.openebr.mde.boundary.Alarms.AlarmFacts::id)).toList();
    }

    @Inject
    org.openebr.signature.boundary.Signatures signatures;

    @Inject
    SiteSettings site;

    @Inject
    Clock clock;

    @jakarta.annotation.Resource
    jakarta.ejb.SessionContext session;

    public Document report(String batchId) {
        return pdf(batchId, false);
    }

    public Document exceptionReport(String batchId) {
        return pdf(batchId, true);
    }

    /** The batch production record as BatchML (B2MML V0701), valid against {@link BatchMl#SCHEMA}. */
    public Document recordXml(String batchId) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        BatchRecord record = batches.record(batchId);
        return xml(new ReportDocument.Source(record, reviews.review(batchId), addenda.addenda(batchId), now, site.zone(),
                keys.installationName(), operationEvents.operations(batchId), alarmsOf(batchId)));
    }

    public Document recordJson(String batchId) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        BatchRecord record = batches.record(batchId);
        return json(record, reviews.review(batchId), addenda.addenda(batchId), now);
    }

    /**
     * The offline verification bundles of every signature in the batch (its steps, status changes, gate
     * overrides, QA's decision and the addenda) in one zip: a folder per signature with its record.json,
     * signature.p7s, timestamp.tsr, certificates and README, and an index of them all.
     */
    public Document signatureBundles(String batchId) {
        BatchRecord record = batches.record(batchId);
        String id = record.batch().batchId();
        List<org.openebr.signature.boundary.Signatures.Manifestation> all = new java.util.ArrayList<>(record.signatures());
        addenda.addenda(batchId).forEach(a -> all.addAll(a.signatures()));
        StringBuilder index = new StringBuilder("Offline verification bundles of every signature of batch " + id + " ("
                + all.size() + " signatures)\n\nEach folder holds one signature's bundle and its README with the openssl"
                + " commands, e.g.\n  cd 01-...\n  openssl cms -verify -binary -inform DER -in signature.p7s -content"
                + " record.json -CAfile ca.pem -out /dev/null\n  openssl ts -verify -data signature-value.bin -in"
                + " timestamp.tsr -CAfile ca.pem\n\n");
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(bytes)) {
            int n = 0;
            for (org.openebr.signature.boundary.Signatures.Manifestation m : all) {
                n++;
                String folder = String.format("%02d-%s-%s-%s/", n, m.meaning(), m.recordType(),
                        m.recordId().replaceAll("[^A-Za-z0-9_-]", "_"));
                index.append(folder).append("  ").append(m.printedName()).append(" (").append(m.userName()).append("), ")
                        .append(m.meaning()).append(", ").append(m.signedAtSite()).append(", ").append(m.recordType())
                        .append(" ").append(m.recordId()).append(m.valid() ? "" : "  DOES NOT VERIFY").append("\n");
                for (Map.Entry<String, byte[]> file : signatures.bundleFiles(m.id()).entrySet()) {
                    zip.putNextEntry(new java.util.zip.ZipEntry(folder + file.getKey()));
                    zip.write(file.getValue());
                    zip.closeEntry();
                }
            }
            zip.putNextEntry(new java.util.zip.ZipEntry("README.txt"));
            zip.write(index.toString().getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("writing the signature bundles of batch " + id + " failed", e);
        }
        byte[] content = bytes.toByteArray();
        return new Document(id + "-signatures.zip", "application/zip", content, sha256(content));
    }

    private Document pdf(String batchId, boolean exceptionsOnly) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        BatchRecord record = batches.record(batchId);
        BatchReview review = reviews.review(batchId);
        List<AddendumFacts> later = addenda.addenda(batchId);
        String id = record.batch().batchId();
        ReportDocument.Source source = new ReportDocument.Source(record, review, later, now, site.zone(),
                keys.installationName(), operationEvents.operations(batchId), alarmsOf(batchId));
        String xhtml = exceptionsOnly ? ReportDocument.exceptionReport(source) : ReportDocument.batchReport(source);
        Document json = json(record, review, later, now);
        Document xml = xml(source);
        byte[] pdf = PdfA.document(xhtml, List.of(new PdfA.Attachment(json.fileName(), json.contentType(),
                        "The electronic batch record of " + id + " (" + FORMAT + ")", "Source", json.content()),
                new PdfA.Attachment(xml.fileName(), xml.contentType(), "The batch production record of " + id
                        + " as BatchML (B2MML V0701, " + BatchMl.SPEC + ")", "Source", xml.content())), now,
                documentSigning(keys, clock, (exceptionsOnly ? "Exception report" : "Batch record")
                        + " of batch " + id + ", generated from the electronic record", now));
        String name = id + (exceptionsOnly ? "-exception-report.pdf" : "-batch-record.pdf");
        return new Document(name, "application/pdf", pdf, sha256(pdf));
    }

    private Document json(BatchRecord record, BatchReview review, List<AddendumFacts> later, Instant now) {
        byte[] json = JSON.toJson(new RecordFile(FORMAT, now, session.getCallerPrincipal().getName(), record, review,
                        later, alarmsOf(record.batch().batchId())))
                .getBytes(StandardCharsets.UTF_8);
        return new Document(record.batch().batchId() + "-record.json", "application/json", json, sha256(json));
    }

    private Document xml(ReportDocument.Source source) {
        byte[] xml = BatchMl.document(source, session.getCallerPrincipal().getName());
        return new Document(source.record().batch().batchId() + "-record.xml", "application/xml", xml, sha256(xml));
    }

    /**
     * The installation's document signature of a generated PDF: the document signer's CMS signature with a
     * time-stamp, as a reader's signature panel shows it (the batch report, the periodic review pack).
     */
    static PdfA.Signing documentSigning(Keys keys, Clock clock, String reason, Instant at) {
        TrustStore trust = keys.store();
        return new PdfA.Signing(TrustStore.DOCUMENT_SIGNER_NAME, reason, keys.installationName(), at,
                bytes -> new CmsSigner(clock).signDetachedTimeStamped(bytes, trust.documentSigner(),
                        keys.timeStampAuthority(trust)));
    }

    static String sha256(byte[] content) {
        return HexFormat.of().formatHex(org.openebr.trust.control.Digests.sha256(content));
    }
}
