package org.openebr.report.control;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.openebr.batch.boundary.BatchDetail;
import org.openebr.batch.boundary.BatchRecord;
import org.openebr.batch.boundary.EntryFacts;
import org.openebr.review.boundary.BatchReview;
import org.openebr.signature.boundary.Signatures;
import org.openebr.trust.control.CmsSigner;
import org.openebr.trust.control.InternalTimeStampAuthority;
import org.openebr.trust.control.TrustStore;

/**
 * {@code bin/ebr benchmark-report [STEPS]}: the batch report of a batch with STEPS executed steps
 * (default 500; each with its entry and signature) as the server makes it (PDF/A-3u, the record
 * attached, signed with a time-stamp) against the same layout as a plain PDF without attachment and
 * signature, in one run. Prints the median of 5 runs after 2 warm-ups, and the ratio. Goal: under 3 s
 * and at most 2x.
 */
public final class ReportBenchmark {

    private ReportBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int steps = args.length > 0 ? Integer.parseInt(args[0]) : 500;
        Instant now = Instant.now();
        Clock clock = Clock.systemUTC();
        Path keys = Files.createTempDirectory("ebr-benchmark-keys");
        TrustStore trust = TrustStore.open(keys, "benchmark".toCharArray(), clock, "Benchmark Pharma");
        ReportDocument.Source source = source(steps, now);
        String xhtml = ReportDocument.batchReport(source);
        byte[] json = ("{\"steps\":" + steps + "}").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        PdfA.Signing signing = new PdfA.Signing(TrustStore.DOCUMENT_SIGNER_NAME, "benchmark", "Benchmark Pharma", now,
                bytes -> new CmsSigner(clock).signDetachedTimeStamped(bytes, trust.documentSigner(),
                        new InternalTimeStampAuthority(trust.timeStampAuthority(), clock)));
        long[] plain = new long[5];
        long[] archival = new long[5];
        int pages = 0;
        for (int i = -2; i < 5; i++) {
            long t0 = System.nanoTime();
            ReportDocument.batchReport(source); // the layout's input is part of both
            byte[] simple = PdfA.render(xhtml, false);
            long t1 = System.nanoTime();
            byte[] full = PdfA.document(ReportDocument.batchReport(source), List.of(new PdfA.Attachment("record.json",
                    "application/json", "record", "Source", json)), now, signing);
            long t2 = System.nanoTime();
            if (i >= 0) {
                plain[i] = t1 - t0;
                archival[i] = t2 - t1;
            }
            try (org.apache.pdfbox.pdmodel.PDDocument d = org.apache.pdfbox.Loader.loadPDF(full)) {
                pages = d.getNumberOfPages();
            }
            if (simple.length == 0) {
                throw new IllegalStateException("no plain PDF");
            }
        }
        double p = median(plain) / 1e6;
        double a = median(archival) / 1e6;
        System.out.printf("report of %d executed steps, %d pages%n", steps, pages);
        System.out.printf("plain PDF (same layout, no PDF/A, no attachment, no signature): %.0f ms (median of 5)%n", p);
        System.out.printf("batch report (PDF/A-3u, record attached, signed with a time-stamp): %.0f ms (median of 5)%n", a);
        System.out.printf("ratio report / plain: %.2fx (goal: at most 2x; and under 3 s: %s)%n", a / p,
                a < 3000 ? "met" : "NOT met");
    }

    private static double median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    static ReportDocument.Source source(int count, Instant now) {
        List<BatchDetail.StepDetail> steps = new ArrayList<>();
        List<EntryFacts> entries = new ArrayList<>();
        List<Signatures.Manifestation> signatures = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            String id = "step_" + i;
            BigDecimal value = new BigDecimal("7.0" + (i % 10));
            EntryFacts entry = new EntryFacts(id, 1, "ENTRY", value.toPlainString(), value, "pH", null, false, null, null,
                    null, null, "IN_SPEC", false, false, null, null, null, null, "operator1", now);
            entries.add(entry);
            steps.add(new BatchDetail.StepDetail(id, "pH of the bulk solution, reading " + i, "NUMERIC_ENTRY",
                    "Compounding", "Operation " + (1 + i / 25), List.of(), "DONE", false, null, List.of(), "pH", 2,
                    new BigDecimal("7.0"), new BigDecimal("6.8"), new BigDecimal("7.2"), new BigDecimal("6.9"),
                    new BigDecimal("7.1"), null, null, List.of(), null, null, List.of(), 1, entry, "operator1",
                    "operator1", null, false));
            signatures.add(new Signatures.Manifestation(UUID.randomUUID(), "BATCH_STEP", "B-2026-0001:" + id,
                    "Olivia Operator", "operator1", "OPERATOR", "PERFORMED", now, "Europe/Berlin",
                    "2026-12-04 11:00:00 +01:00 Europe/Berlin", true, List.of(), "01"));
        }
        BatchDetail batch = new BatchDetail("B-2026-0001", "DEMOPROFEN-10-2ML", 1, "0".repeat(64),
                "Demoprofen 10 mg/mL solution for injection", new BigDecimal("45"), "L", BigDecimal.ONE, "RELEASED", null,
                "Filling line FL-01", "released", now, "qa2", now, "supervisor1", "PO-2026-0412", steps, List.of(),
                List.of(new BatchDetail.StatusEvent(1, null, "PLANNED", "PO-2026-0412", "supervisor1", now, false)));
        BatchRecord record = new BatchRecord(batch, entries, signatures, List.of(), List.of());
        BatchReview review = new BatchReview(batch.batchId(), batch.product(), batch.status(), false, now, count, List.of(),
                List.of());
        return new ReportDocument.Source(record, review, List.of(), now, ZoneId.of("Europe/Berlin"), "Benchmark Pharma");
    }
}
