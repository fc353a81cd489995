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
import org.openebr.batch.boundary.BatchRecord;
import org.openebr.batch.boundary.Batches;
import org.openebr.platform.control.SiteSettings;
import org.openebr.report.control.PdfA;
import org.openebr.report.control.ReportDocument;
import org.openebr.review.boundary.BatchReview;
import org.openebr.review.boundary.Reviews;
import org.openebr.signature.control.SignedDocument;
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
    public record RecordFile(String format, Instant generatedAt, String generatedBy, BatchRecord record,
                             BatchReview review) {
    }

    @Inject
    Batches batches;

    @Inject
    Reviews reviews;

    @Inject
    Keys keys;

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

    public Document recordJson(String batchId) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        BatchRecord record = batches.record(batchId);
        return json(record, reviews.review(batchId), now);
    }

    private Document pdf(String batchId, boolean exceptionsOnly) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        BatchRecord record = batches.record(batchId);
        BatchReview review = reviews.review(batchId);
        String id = record.batch().batchId();
        TrustStore trust = keys.store();
        ReportDocument.Source source = new ReportDocument.Source(record, review, now, site.zone(), keys.installationName());
        String xhtml = exceptionsOnly ? ReportDocument.exceptionReport(source) : ReportDocument.batchReport(source);
        Document json = json(record, review, now);
        byte[] pdf = PdfA.document(xhtml, List.of(new PdfA.Attachment(json.fileName(), json.contentType(),
                        "The electronic batch record of " + id + " (" + FORMAT + ")", "Source", json.content())), now,
                new PdfA.Signing(TrustStore.DOCUMENT_SIGNER_NAME, (exceptionsOnly ? "Exception report" : "Batch record")
                        + " of batch " + id + ", generated from the electronic record", keys.installationName(), now,
                        bytes -> new CmsSigner(clock).signDetachedTimeStamped(bytes, trust.documentSigner(),
                                keys.timeStampAuthority(trust))));
        String name = id + (exceptionsOnly ? "-exception-report.pdf" : "-batch-record.pdf");
        return new Document(name, "application/pdf", pdf, sha256(pdf));
    }

    private Document json(BatchRecord record, BatchReview review, Instant now) {
        byte[] json = JSON.toJson(new RecordFile(FORMAT, now, session.getCallerPrincipal().getName(), record, review))
                .getBytes(StandardCharsets.UTF_8);
        return new Document(record.batch().batchId() + "-record.json", "application/json", json, sha256(json));
    }

    private static String sha256(byte[] content) {
        return HexFormat.of().formatHex(SignedDocument.sha256(content));
    }
}
