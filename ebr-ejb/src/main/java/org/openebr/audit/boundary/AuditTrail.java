package org.openebr.audit.boundary;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;
import org.openebr.audit.control.AuditExportWriter;
import org.openebr.audit.control.AuditQueries;
import org.openebr.audit.control.AuditedTables;
import org.openebr.audit.control.CanonicalRevision;
import org.openebr.audit.entity.RecordExport;
import org.openebr.platform.control.ChangeContext;
import org.openebr.platform.control.RequestOrigin;
import org.openebr.platform.control.SiteSettings;

/**
 * The audit trail as QA reviewers and inspectors read it: filtered, sorted and paged, a record's
 * full value history, and exports. Read-only: there is no operation that changes or purges the
 * trail (21 CFR 11.10(e); EU GMP Annex 11 §9, §12.4).
 */
@Stateless
@RolesAllowed({"INSPECTOR", "QA_REVIEWER", "QA_RELEASER"})
public class AuditTrail {

    public static final int MAX_PAGE_SIZE = 200;
    /** An export larger than this is refused: narrow the filter (e.g. by time range). */
    public static final int MAX_EXPORT_ENTRIES = 20_000;

    /** The export formats: machine-readable CSV and JSON, human-readable PDF. */
    public enum ExportFormat {
        CSV("text/csv; charset=UTF-8"), JSON("application/json"), PDF("application/pdf");

        private final String contentType;

        ExportFormat(String contentType) {
            this.contentType = contentType;
        }

        public String contentType() {
            return contentType;
        }
    }

    /** An exported file, with the SHA-256 recorded in the audit trail so a copy can be matched to its export. */
    public record ExportedFile(String fileName, String contentType, byte[] content, int entryCount, String sha256,
                               String filterDescription) {
    }

    @Resource(lookup = "java:jboss/datasources/EbrDS")
    DataSource dataSource;

    @Inject
    AuditedTables tables;

    @PersistenceContext
    EntityManager em;

    @Resource
    SessionContext session;

    @Inject
    Clock clock;

    @Inject
    SiteSettings site;

    @Inject
    RequestOrigin origin;

    @Inject
    ChangeContext change;

    @Inject
    RecordReadings readings;

    /** The record types that have an audit trail, for the filter's pick list. */
    public List<String> recordTypes() {
        return List.copyOf(tables.audited().keySet());
    }

    /** How many records of one type were created, changed and deleted (the audit trail's entries) in a period. */
    public record ChangeCount(String recordType, long created, long changed, long deleted) {
    }

    /** The audit trail of a period in numbers, per record type (the periodic review's changes). */
    public List<ChangeCount> changesByRecordType(Instant from, Instant to) {
        AuditFilter filter = new AuditFilter(null, null, null, null, from, to, null);
        check(filter);
        try (Connection connection = dataSource.getConnection()) {
            return new AuditQueries(connection, tables.audited().values()).countsByRecordType(filter).entrySet()
                    .stream().map(e -> new ChangeCount(e.getKey(), e.getValue()[0], e.getValue()[1], e.getValue()[2]))
                    .toList();
        } catch (SQLException e) {
            throw new IllegalStateException("audit trail query failed: SQLSTATE " + e.getSQLState(), e);
        }
    }

    public AuditPage search(AuditFilter filter, int page, int size, AuditSort sort) {
        check(filter);
        if (page < 0 || size < 1 || size > MAX_PAGE_SIZE) {
            throw AuditRefused.invalid("page must be 0 or more and size between 1 and " + MAX_PAGE_SIZE + ".");
        }
        AuditPage found;
        try (Connection connection = dataSource.getConnection()) {
            found = new AuditQueries(connection, tables.audited().values()).search(filter, page, size,
                    sort == null ? AuditSort.newestFirst() : sort);
        } catch (SQLException e) {
            throw new IllegalStateException("audit trail query failed: SQLSTATE " + e.getSQLState(), e);
        }
        return new AuditPage(readings.readable(found.entries(), true), found.page(), found.size(), found.total());
    }

    /**
     * How far a part of the trail reaches: how many entries match and the latest revision among them,
     * leaving out the record types named. What a review signature states it reviewed (a batch's trail up
     * to its decision). Only a count and a number, no content: the verification of a signature needs it
     * for whoever reads the signed record.
     *
     * @param leaveOut record types not counted (e.g. those the signing itself changes)
     */
    @jakarta.annotation.security.PermitAll
    public TrailHead head(AuditFilter filter, java.util.Set<String> leaveOut) {
        check(filter);
        try (Connection connection = dataSource.getConnection()) {
            return new AuditQueries(connection, tables.audited().values().stream()
                    .filter(t -> !leaveOut.contains(t.entityType())).toList()).head(filter);
        } catch (SQLException e) {
            throw new IllegalStateException("audit trail query failed: SQLSTATE " + e.getSQLState(), e);
        }
    }

    /** How many entries a part of the trail holds and its latest revision (0 when empty). */
    public record TrailHead(long entries, long lastRevision) {
    }

    /** The record in words (e.g. "DEMOPROFEN-10-2ML version 3"), or null when its id is its best name. */
    public String recordName(String entityType, String recordId) {
        tables.byEntityType(entityType).orElseThrow(() -> unknownType(entityType));
        return readings.name(entityType, recordId);
    }

    /** Every version of one record, oldest first: the original value and each change with who, when and why. */
    public List<RecordVersion> history(String entityType, String recordId) {
        AuditedTables.AuditedTable table = tables.byEntityType(entityType).orElseThrow(() -> unknownType(entityType));
        List<RecordVersion> versions;
        try (Connection connection = dataSource.getConnection()) {
            versions = new AuditQueries(connection, tables.audited().values()).history(table, recordId);
        } catch (SQLException e) {
            throw new IllegalStateException("audit trail query failed: SQLSTATE " + e.getSQLState(), e);
        }
        if (versions.isEmpty()) {
            throw new AuditRefused(AuditRefused.Reason.NO_HISTORY, "There is no " + entityType + " with id '" + recordId + "' in the audit trail.");
        }
        return readings.history(entityType, versions);
    }

    /**
     * The filtered trail as a file, oldest entry first. The export is itself recorded (who, when,
     * which filter, how many entries, the file's SHA-256) in the same transaction, so it appears in
     * the audit trail (EU GMP Annex 11 §12.2; 21 CFR 11.10(b)).
     */
    public ExportedFile export(AuditFilter filter, ExportFormat format) {
        check(filter);
        String user = session.getCallerPrincipal().getName();
        change.record("Export audit trail as " + format, null).actingAs(actingRole());
        AuditPage all;
        try (Connection connection = dataSource.getConnection()) {
            AuditQueries queries = new AuditQueries(connection, tables.audited().values());
            long matching = queries.count(filter);
            if (matching > MAX_EXPORT_ENTRIES) {
                throw new AuditRefused(AuditRefused.Reason.EXPORT_TOO_LARGE, "The filter matches " + matching + " entries; an export"
                        + " holds at most " + MAX_EXPORT_ENTRIES + ". Narrow the filter, e.g. by time range.");
            }
            all = queries.search(filter, 0, MAX_EXPORT_ENTRIES, new AuditSort(AuditSort.Field.TIME, true));
        } catch (SQLException e) {
            throw new IllegalStateException("audit trail query failed: SQLSTATE " + e.getSQLState(), e);
        }
        // The PDF is read, so a document's change is printed in words; CSV and JSON are the exact copies.
        List<AuditEntry> entries = readings.readable(all.entries(), format == ExportFormat.PDF);
        Instant now = clock.instant();
        String fullName = origin.fullName() == null ? user : origin.fullName();
        AuditExportHeader header = new AuditExportHeader("OpenEBR audit trail", filter, now, user, fullName,
                site.zone().getId(), "OpenEBR");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        AuditExportWriter writer = new AuditExportWriter();
        try {
            switch (format) {
                case CSV -> writer.writeCsv(entries, out);
                case JSON -> writer.writeJson(header, entries, out);
                case PDF -> writer.writePdf(header, entries, out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("writing the export failed", e);
        } catch (IllegalArgumentException cannotLayOut) {
            throw new AuditRefused(AuditRefused.Reason.EXPORT_NOT_POSSIBLE, "The export cannot be written: " + cannotLayOut.getMessage());
        }
        byte[] content = out.toByteArray();
        String sha256 = HexFormat.of().formatHex(CanonicalRevision.sha256(content));
        em.persist(new RecordExport("AUDIT_TRAIL", format.name(), filter.describe(), all.entries().size(), sha256, user, now));
        String fileName = "audit-trail-" + now.toString().replace(":", "").replace(".", "-") + "."
                + format.name().toLowerCase(Locale.ROOT);
        return new ExportedFile(fileName, format.contentType(), content, all.entries().size(), sha256, filter.describe());
    }

    private String actingRole() {
        for (String role : List.of("INSPECTOR", "QA_RELEASER", "QA_REVIEWER")) {
            if (session.isCallerInRole(role)) {
                return role;
            }
        }
        return "NONE";
    }

    void check(AuditFilter filter) {
        if (filter.entityType() != null && tables.byEntityType(filter.entityType()).isEmpty()) {
            throw unknownType(filter.entityType());
        }
        if (filter.from() != null && filter.to() != null && !filter.from().isBefore(filter.to())) {
            throw AuditRefused.invalid("'from' must be before 'to'.");
        }
        if (filter.text() != null && filter.text().length() > 200) {
            throw AuditRefused.invalid("The search text has at most 200 characters.");
        }
        if (filter.recordId() != null && filter.recordId().length() > 100) {
            throw AuditRefused.invalid("A record id has at most 100 characters.");
        }
        if (filter.batch() != null && filter.batch().length() > 64) {
            throw AuditRefused.invalid("A batch number has at most 64 characters.");
        }
        if (filter.userName() != null && filter.userName().length() > 64) {
            throw AuditRefused.invalid("A user name has at most 64 characters.");
        }
    }

    private AuditRefused unknownType(String entityType) {
        return AuditRefused.invalid("Unknown record type '" + entityType + "'; one of " + recordTypes() + ".");
    }
}
