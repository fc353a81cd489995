package org.openebr.audit.control;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.openebr.audit.boundary.AuditAction;
import org.openebr.audit.boundary.AuditEntry;
import org.openebr.audit.boundary.AuditExportHeader;
import org.openebr.audit.boundary.AuditFilter;
import org.openebr.audit.boundary.FieldChange;
import org.openebr.recipe.boundary.RecipeRecords;

/**
 * What an audit trail export costs as CSV and as PDF, for the same entries, in one run: {@code bin/ebr
 * benchmark-audit-export [entries]}. The entries are shaped like a real trail: a third are saves of
 * the demo recipe (a 23 KB document each, one limit changed per save, as the designer saves them),
 * a third account changes, a third role grants. The PDF's time includes putting the document changes
 * into words, which the server does only for the PDF (and the screen). Each format is written once to
 * warm up, then timed; the figures are printed, never asserted (a test must not depend on the machine).
 */
public final class AuditExportBenchmark {

    private static final Instant START = Instant.parse("2026-11-02T07:00:00Z");
    private static final String ZONE = "Europe/Berlin";

    private AuditExportBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 7000;
        String recipe;
        try (InputStream in = RecipeRecords.class.getResourceAsStream("/demo/recipe-DEMOPROFEN-10-2ML.json")) {
            recipe = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<AuditEntry> trail = trail(recipe, count);
        AuditExportHeader header = new AuditExportHeader("OpenEBR audit trail", AuditFilter.everything(),
                START.plus(Duration.ofDays(30)), "inspector1", "Ines Inspector", ZONE, "OpenEBR benchmark");
        AuditExportWriter writer = new AuditExportWriter();

        System.out.printf(Locale.ROOT, "Audit trail export of %,d entries (%d recipe saves of a %,d-byte document)%n",
                count, count / 3, recipe.length());
        measure(writer, header, trail(recipe, Math.min(count, 300)));
        Result result = measure(writer, header, trail);
        try (PDDocument pdf = Loader.loadPDF(result.pdf)) {
            System.out.printf(Locale.ROOT, "CSV: %,8d ms  %,11d bytes%n", result.csvMillis, result.csvBytes);
            System.out.printf(Locale.ROOT, "PDF: %,8d ms  %,11d bytes  %,d pages (%.1f entries per page);"
                    + " of the time, %,d ms putting document changes into words%n", result.pdfMillis, result.pdf.length,
                    pdf.getNumberOfPages(), (double) count / pdf.getNumberOfPages(), result.wordsMillis);
        }
        System.out.printf(Locale.ROOT, "PDF/CSV: %.2f  (PDF %,.0f entries/s, CSV %,.0f entries/s)%n",
                (double) result.pdfMillis / Math.max(1, result.csvMillis),
                count * 1000.0 / Math.max(1, result.pdfMillis), count * 1000.0 / Math.max(1, result.csvMillis));
    }

    private record Result(long csvMillis, long csvBytes, long pdfMillis, long wordsMillis, byte[] pdf) {
    }

    private static Result measure(AuditExportWriter writer, AuditExportHeader header, List<AuditEntry> trail)
            throws IOException {
        long start = System.nanoTime();
        ByteArrayOutputStream csv = new ByteArrayOutputStream();
        writer.writeCsv(trail, csv);
        long csvMillis = (System.nanoTime() - start) / 1_000_000;
        start = System.nanoTime();
        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        List<AuditEntry> readable = inWords(trail);
        long wordsMillis = (System.nanoTime() - start) / 1_000_000;
        writer.writePdf(header, readable, pdf);
        long pdfMillis = (System.nanoTime() - start) / 1_000_000;
        return new Result(csvMillis, csv.size(), pdfMillis, wordsMillis, pdf.toByteArray());
    }

    /** What the server's RecordReadings does for the PDF: document changes in words. */
    private static List<AuditEntry> inWords(List<AuditEntry> trail) {
        List<AuditEntry> readable = new ArrayList<>(trail.size());
        for (AuditEntry entry : trail) {
            List<FieldChange> changes = new ArrayList<>(entry.changes().size());
            for (FieldChange change : entry.changes()) {
                changes.add(change.field().equals(RecipeRecords.DOCUMENT_FIELD)
                        ? change.withReadable(RecipeRecords.describeChange(change.oldValue(), change.newValue()))
                        : change);
            }
            readable.add(entry.readable(entry.recordName(), changes));
        }
        return readable;
    }

    private static List<AuditEntry> trail(String recipe, int count) {
        List<AuditEntry> trail = new ArrayList<>(count);
        String document = recipe;
        for (int i = 0; i < count; i++) {
            long revision = 10_000 + i;
            Instant at = START.plusSeconds(37L * i);
            String correlation = "c0ffee01-5e1f-4b7a-9d2e-" + String.format(Locale.ROOT, "%012d", revision);
            switch (i % 3) {
                case 0 -> {
                    String saved = recipe.replace("\"upper\": 45.37", "\"upper\": 45." + (370 + i % 600))
                            .replace("Mix 30 min at 200 rpm", "Mix " + (30 + i % 7) + " min at 200 rpm");
                    trail.add(new AuditEntry(revision, at, ZONE, "author1", "Anna Author", "RECIPE_AUTHOR",
                            "Save draft", "Limit tightened after validation run " + i, "10.20.8.31", correlation,
                            "RecipeVersion", "7d9c2c1e-0000-4000-8000-" + String.format(Locale.ROOT, "%012d", i % 40),
                            AuditAction.CHANGED, List.of(
                            new FieldChange("content_hash", Integer.toHexString(document.hashCode()), Integer.toHexString(saved.hashCode())),
                            new FieldChange("document", document, saved),
                            new FieldChange("draft_revision", Integer.toString(i), Integer.toString(i + 1)),
                            new FieldChange("row_version", Integer.toString(i), Integer.toString(i + 1))),
                            "DEMOPROFEN-10-2ML version " + (2 + i % 40)));
                    document = saved;
                }
                case 1 -> trail.add(new AuditEntry(revision, at, ZONE, "system", "OpenEBR server", "SYSTEM",
                        "Lock account", "Locked after 5 failed sign-in attempts", "10.20.4.17", correlation,
                        "UserAccount", "5b0e6c1a-0000-4000-8000-" + String.format(Locale.ROOT, "%012d", i % 90),
                        AuditAction.CHANGED, List.of(new FieldChange("status", "ACTIVE", "LOCKED"),
                        new FieldChange("locked_at", null, at.toString())), "operator" + i % 90 + " (Operator " + i % 90 + ")"));
                default -> trail.add(new AuditEntry(revision, at, ZONE, "admin1", "Adam Admin", "ADMIN", "Grant role",
                        "New operator for filling line 2, Grade A training complete", "10.20.8.12", correlation,
                        "RoleGrant", "9a1f3b7c-0000-4000-8000-" + String.format(Locale.ROOT, "%012d", i),
                        AuditAction.CREATED, List.of(
                        new FieldChange("account_id", null, "5b0e6c1a-0000-4000-8000-" + String.format(Locale.ROOT, "%012d", i % 90)),
                        new FieldChange("role", null, "OPERATOR"),
                        new FieldChange("granted_at", null, at.toString()),
                        new FieldChange("granted_by", null, "admin1"),
                        new FieldChange("grant_reason", null, "New operator for filling line 2")),
                        "role OPERATOR of operator" + i % 90 + " (Operator " + i % 90 + ")"));
            }
        }
        return trail;
    }
}
