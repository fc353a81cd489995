package org.openebr.audit.control;

import jakarta.json.Json;
import jakarta.json.stream.JsonGenerator;
import jakarta.json.stream.JsonGeneratorFactory;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.openebr.audit.boundary.AuditEntry;
import org.openebr.audit.boundary.AuditExportHeader;
import org.openebr.audit.boundary.AuditFilter;
import org.openebr.audit.boundary.FieldChange;

/**
 * The audit trail as one JSON document: the export's own metadata and filter, then the entries with
 * their changes nested. This is the exact electronic copy: every member is always present, in a
 * fixed order, and a missing value is JSON null, never an empty string.
 */
final class JsonAuditExport {

    /** Indented, because inspectors open the file in a text editor as often as in a tool. */
    private static final JsonGeneratorFactory FACTORY =
            Json.createGeneratorFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true));

    private JsonAuditExport() {
    }

    /** Closes the generator and with it {@code out}; the caller passes a stream that may be closed. */
    static void write(AuditExportHeader header, List<AuditEntry> entries, OutputStream out) {
        try (JsonGenerator json = FACTORY.createGenerator(out, StandardCharsets.UTF_8)) {
            json.writeStartObject();
            text(json, "title", header.title());
            writeFilter(json, header.filter());
            text(json, "exportedAt", ExportTimes.utc(header.exportedAt()));
            text(json, "exportedAtSite", ExportTimes.site(header.exportedAt(), header.siteZone()));
            json.writeStartObject("exportedBy");
            text(json, "userName", header.exportedBy());
            text(json, "fullName", header.exportedByFullName());
            json.writeEnd();
            text(json, "siteZone", header.siteZone());
            text(json, "system", header.systemName());
            json.write("entryCount", entries.size());
            json.writeStartArray("entries");
            for (AuditEntry entry : entries) {
                writeEntry(json, entry);
            }
            json.writeEnd();
            json.writeEnd();
        }
    }

    private static void writeFilter(JsonGenerator json, AuditFilter filter) {
        json.writeStartObject("filter");
        text(json, "description", filter.describe());
        text(json, "entityType", filter.entityType());
        text(json, "recordId", filter.recordId());
        text(json, "userName", filter.userName());
        text(json, "action", filter.action() == null ? null : filter.action().name());
        text(json, "from", ExportTimes.utc(filter.from()));
        text(json, "to", ExportTimes.utc(filter.to()));
        text(json, "text", filter.text());
        json.writeEnd();
    }

    private static void writeEntry(JsonGenerator json, AuditEntry entry) {
        json.writeStartObject();
        json.write("revision", entry.revision());
        text(json, "recordedAt", ExportTimes.utc(entry.recordedAt()));
        text(json, "recordedAtSite", ExportTimes.site(entry.recordedAt(), entry.siteZone()));
        text(json, "siteZone", entry.siteZone());
        text(json, "userName", entry.userName());
        text(json, "fullName", entry.fullName());
        text(json, "actingRole", entry.actingRole());
        text(json, "command", entry.command());
        text(json, "reason", entry.reason());
        text(json, "clientAddress", entry.clientAddress());
        text(json, "correlationId", entry.correlationId());
        text(json, "entityType", entry.entityType());
        text(json, "recordId", entry.recordId());
        text(json, "recordName", entry.recordName());
        text(json, "action", entry.action() == null ? null : entry.action().name());
        json.writeStartArray("changes");
        for (FieldChange change : entry.changes()) {
            json.writeStartObject();
            text(json, "field", change.field());
            text(json, "old", change.oldValue());
            text(json, "new", change.newValue());
            json.writeEnd();
        }
        json.writeEnd();
        json.writeEnd();
    }

    private static void text(JsonGenerator json, String name, String value) {
        if (value == null) {
            json.writeNull(name);
        } else {
            json.write(name, value);
        }
    }
}
