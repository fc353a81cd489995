package org.openebr.audit.control;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import org.openebr.audit.boundary.AuditEntry;
import org.openebr.audit.boundary.AuditExportHeader;

/**
 * Writes a filtered audit trail as accurate and complete copies in electronic and human-readable
 * form (EU GMP Annex 11 §9 and §12, 21 CFR 11.10(b)): CSV for spreadsheets, JSON as the exact
 * electronic copy, PDF for printing and signing off. Entries are written in the order given, all of
 * them; times appear in UTC and in the site zone. The caller's stream is flushed, never closed.
 */
public final class AuditExportWriter {

    /**
     * CSV (RFC 4180, UTF-8 with byte order mark, CRLF): a header row, then one row per field change;
     * an entry without changes gets one row with empty field columns. The file holds data rows only,
     * so it stays machine-readable; the title, filter statement and who exported it when travel with
     * it in the file name and HTTP headers, which the caller sets. Values that a spreadsheet would
     * run as a formula get a leading apostrophe; plain numbers such as -15 are left as they are.
     */
    public void writeCsv(List<AuditEntry> entries, OutputStream out) throws IOException {
        CsvAuditExport.write(entries, out);
    }

    /**
     * JSON (UTF-8): the title, the filter (in words and criterion by criterion), who exported it
     * when, the site zone, the system, the entry count, then the entries with their changes. Members
     * always appear in the same order; a missing value is null.
     */
    public void writeJson(AuditExportHeader header, List<AuditEntry> entries, OutputStream out) throws IOException {
        try (OutputStream kept = new Unclosed(out)) {
            JsonAuditExport.write(header, entries, kept);
        }
    }

    /**
     * PDF, A4 landscape, with the Unicode font embedded: on every page the title, the filter
     * statement, who exported it when and "Page x of y"; per entry its revision, times, user,
     * role, record, action, reason and client, then each change as "field: old → new". Long values
     * wrap; nothing is cut off. Characters the font cannot show print as '?'.
     */
    public void writePdf(AuditExportHeader header, List<AuditEntry> entries, OutputStream out) throws IOException {
        PdfAuditExport.write(header, entries, out);
    }

    /** Closing a JSON-P generator closes its stream, but a servlet or file stream belongs to the caller. */
    private static final class Unclosed extends FilterOutputStream {

        Unclosed(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            out.write(bytes, offset, length);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
