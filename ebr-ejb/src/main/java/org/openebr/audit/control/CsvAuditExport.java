package org.openebr.audit.control;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.openebr.audit.boundary.AuditEntry;
import org.openebr.audit.boundary.FieldChange;

/**
 * The audit trail as RFC 4180 CSV: one header row, then one row per field change, so a reviewer
 * can sort and filter it in a spreadsheet without unpacking nested values.
 */
final class CsvAuditExport {

    static final List<String> COLUMNS = List.of("revision", "recorded_at_utc", "recorded_at_site", "site_zone",
            "user_name", "full_name", "acting_role", "command", "reason", "client_address", "correlation_id", "entity_type",
            "record_id", "action", "field", "old_value", "new_value");

    /** Without the byte order mark Excel reads UTF-8 as the Windows code page and garbles names. */
    private static final char BYTE_ORDER_MARK = '\uFEFF';
    private static final String RECORD_END = "\r\n";

    /**
     * A plain number such as -20 or -0.15 (a freezer temperature, a cleanroom pressure difference)
     * cannot run as a formula, so it is left exactly as recorded.
     */
    private static final Pattern PLAIN_NUMBER = Pattern.compile("-?\\d+([.,]\\d+)?");

    private CsvAuditExport() {
    }

    static void write(List<AuditEntry> entries, OutputStream out) throws IOException {
        Writer csv = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        csv.write(BYTE_ORDER_MARK);
        writeRecord(csv, COLUMNS);
        for (AuditEntry entry : entries) {
            if (entry.changes().isEmpty()) {
                writeRecord(csv, row(entry, null));
            }
            for (FieldChange change : entry.changes()) {
                writeRecord(csv, row(entry, change));
            }
        }
        // Flushed, not closed: the caller owns the stream.
        csv.flush();
    }

    private static List<String> row(AuditEntry entry, FieldChange change) {
        List<String> row = new ArrayList<>(COLUMNS.size());
        row.add(Long.toString(entry.revision()));
        row.add(ExportTimes.utc(entry.recordedAt()));
        row.add(ExportTimes.site(entry.recordedAt(), entry.siteZone()));
        row.add(entry.siteZone());
        row.add(entry.userName());
        row.add(entry.fullName());
        row.add(entry.actingRole());
        row.add(entry.command());
        row.add(entry.reason());
        row.add(entry.clientAddress());
        row.add(entry.correlationId());
        row.add(entry.entityType());
        row.add(entry.recordId());
        row.add(entry.action() == null ? null : entry.action().name());
        row.add(change == null ? null : change.field());
        row.add(change == null ? null : change.oldValue());
        row.add(change == null ? null : change.newValue());
        return row;
    }

    private static void writeRecord(Writer csv, List<String> values) throws IOException {
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                csv.write(',');
            }
            csv.write(field(values.get(i)));
        }
        csv.write(RECORD_END);
    }

    /** One field; null and empty both become an empty field (the JSON export tells them apart). */
    static String field(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        String safe = neutralised(value);
        boolean quote = safe.indexOf(',') >= 0 || safe.indexOf('"') >= 0
                || safe.indexOf('\r') >= 0 || safe.indexOf('\n') >= 0;
        return quote ? '"' + safe.replace("\"", "\"\"") + '"' : safe;
    }

    /**
     * Reasons, names and field values are typed by users. Opened in a spreadsheet, a value such as
     * {@code =HYPERLINK(...)} or {@code @SUM(...)} would run as a formula on the reviewer's machine
     * (CSV injection, OWASP); a leading apostrophe makes the spreadsheet show it as text instead.
     */
    private static String neutralised(String value) {
        char first = value.charAt(0);
        boolean formula = first == '=' || first == '+' || first == '-' || first == '@'
                || first == '\t' || first == '\r';
        return formula && !PLAIN_NUMBER.matcher(value).matches() ? "'" + value : value;
    }
}
