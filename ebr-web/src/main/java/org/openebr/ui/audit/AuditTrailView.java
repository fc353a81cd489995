package org.openebr.ui.audit;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.ByteArrayInputStream;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openebr.audit.boundary.AuditAction;
import org.openebr.audit.boundary.AuditEntry;
import org.openebr.audit.boundary.AuditFilter;
import org.openebr.audit.boundary.AuditIntegrity;
import org.openebr.audit.boundary.AuditPage;
import org.openebr.audit.boundary.AuditSort;
import org.openebr.audit.boundary.AuditTrail;
import org.openebr.audit.boundary.AuditVerification;
import org.openebr.audit.boundary.FieldChange;
import org.openebr.platform.control.SiteSettings;
import org.openebr.ui.Commands;
import org.openebr.ui.Messages;
import org.primefaces.model.DefaultStreamedContent;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.primefaces.model.SortOrder;
import org.primefaces.model.StreamedContent;

/**
 * The audit trail for QA and inspectors: filter by record type, record, user, action, time range
 * (in the site's zone) and text; sortable and paged on the server; exports of the filtered trail;
 * and the integrity check on demand.
 */
@Named("auditTrail")
@ViewScoped
public class AuditTrailView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    AuditTrail trail;

    @Inject
    AuditIntegrity integrity;

    @Inject
    SiteSettings site;

    @Inject
    Commands commands;

    private String entityType;
    private String recordId;
    private String user;
    private AuditAction action;
    private LocalDateTime from;
    private LocalDateTime to;
    private String text;
    private String batch;
    private AuditFilter filter = AuditFilter.everything();
    private AuditVerification verification;
    private final LazyDataModel<AuditEntry> entries = new Entries();

    /** Applies the filter fields; the table reloads from page one. */
    public void search() {
        if (from != null && to != null && !from.isBefore(to)) {
            Messages.error("'From' must be before 'to'.", null);
            return;
        }
        filter = new AuditFilter(blankToNull(entityType), blankToNull(recordId), blankToNull(user), action,
                from == null ? null : from.atZone(site.zone()).toInstant(),
                to == null ? null : to.atZone(site.zone()).toInstant(), blankToNull(text), blankToNull(batch));
    }

    public StreamedContent export(String format) {
        AuditTrail.ExportedFile file = commands.attempt("export the audit trail (audit trail screen)")
                .failed("The export could not be written. The server log has the details.")
                .call(() -> trail.export(filter, AuditTrail.ExportFormat.valueOf(format.toUpperCase(Locale.ROOT))));
        if (file == null) {
            return null;
        }
        return DefaultStreamedContent.builder().name(file.fileName()).contentType(file.contentType())
                .contentLength((long) file.content().length)
                .stream(() -> new ByteArrayInputStream(file.content())).build();
    }

    public void verify() {
        commands.attempt("verify the audit trail (audit trail screen)")
                .failed("The integrity check could not be made. The server log has the details.")
                .run(() -> verification = integrity.verify());
    }

    /** "field: old → new" for the table; a created record lists its values. */
    public String describe(FieldChange change) {
        return change.field() + ": " + (change.oldValue() == null ? "" : shown(change.oldValue()) + " \u2192 ")
                + shown(change.newValue());
    }

    /** The site's local time with its zone named, for the table. */
    public String when(Instant instant) {
        return instant == null ? "" : SITE_TIME.format(instant.atZone(site.zone())) + " (" + site.zone().getId() + ")";
    }

    /** The UTC time to the second, beside the local time; the exact instant is in the row's details. */
    public String utc(Instant instant) {
        return instant == null ? "" : UTC_TIME.format(instant.atZone(java.time.ZoneOffset.UTC));
    }

    private static final java.time.format.DateTimeFormatter UTC_TIME =
            java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'");

    private static final java.time.format.DateTimeFormatter SITE_TIME =
            java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    /** Null and empty look alike on screen, so both are named. */
    public String shown(String value) {
        return value == null ? "(none)" : value.isEmpty() ? "(empty)" : value;
    }

    /** The changes the table shows in the row; the rest (and every complete value) are in its details. */
    public List<FieldChange> firstChanges(AuditEntry entry) {
        List<FieldChange> shown = inRow(entry);
        return shown.subList(0, Math.min(shown.size(), CHANGES_IN_ROW));
    }

    public int moreChanges(AuditEntry entry) {
        return entry.changes().size() - firstChanges(entry).size();
    }

    /** A new record's own id repeats the record column; it stays in the details. */
    private static List<FieldChange> inRow(AuditEntry entry) {
        return entry.changes().stream()
                .filter(c -> !(c.oldValue() == null && entry.recordId().equals(c.newValue())))
                .toList();
    }

    /** A document's first changes in words; the rest in the row's details. */
    public List<String> firstWords(FieldChange change) {
        return change.readable().subList(0, Math.min(change.readable().size(), WORDS_IN_ROW));
    }

    public int moreWords(FieldChange change) {
        return Math.max(0, change.readable().size() - WORDS_IN_ROW);
    }

    /** A column name as words: {@code content_hash} reads "content hash". */
    public String fieldLabel(String field) {
        return field == null ? "" : field.replace('_', ' ');
    }

    public String actionLabel(AuditAction action) {
        return action == null ? "" : switch (action) {
            case CREATED -> "Created";
            case CHANGED -> "Changed";
            case DELETED -> "Deleted";
        };
    }

    /** Enough to see what an entry did without making a row taller than a screen. */
    private static final int CHANGES_IN_ROW = 6;
    private static final int WORDS_IN_ROW = 5;

    private class Entries extends LazyDataModel<AuditEntry> {

        private static final long serialVersionUID = 1L;

        @Override
        public int count(Map<String, FilterMeta> filterBy) {
            return 0; // the page load below sets the row count
        }

        @Override
        public List<AuditEntry> load(int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
            AuditPage page = commands.attempt("search the audit trail (audit trail screen)")
                    .failed("The audit trail could not be searched. The server log has the details.")
                    .call(() -> trail.search(filter, first / pageSize, pageSize, sort(sortBy)));
            setRowCount(page == null ? 0 : (int) Math.min(Integer.MAX_VALUE, page.total()));
            return page == null ? List.of() : page.entries();
        }

        @Override
        public String getRowKey(AuditEntry entry) {
            return entry.revision() + "/" + entry.entityType() + "/" + entry.recordId();
        }

        private AuditSort sort(Map<String, SortMeta> sortBy) {
            if (sortBy == null || sortBy.isEmpty()) {
                return AuditSort.newestFirst();
            }
            SortMeta meta = sortBy.values().iterator().next();
            boolean ascending = meta.getOrder() == SortOrder.ASCENDING;
            AuditSort.Field field = switch (meta.getField()) {
                case "user" -> AuditSort.Field.USER;
                case "recordType" -> AuditSort.Field.RECORD_TYPE;
                case "action" -> AuditSort.Field.ACTION;
                default -> AuditSort.Field.TIME;
            };
            return new AuditSort(field, ascending);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    public LazyDataModel<AuditEntry> getEntries() { return entries; }
    public List<String> getRecordTypes() { return trail.recordTypes(); }
    public AuditAction[] getActions() { return AuditAction.values(); }
    public String getFilterDescription() { return filter.describe(); }
    public AuditVerification getVerification() { return verification; }
    public String getEntityType() { return entityType; }
    public void setEntityType(String v) { entityType = v; }
    public String getRecordId() { return recordId; }
    public void setRecordId(String v) { recordId = v; }
    public String getUser() { return user; }
    public void setUser(String v) { user = v; }
    public AuditAction getAction() { return action; }
    public void setAction(AuditAction v) { action = v; }
    public LocalDateTime getFrom() { return from; }
    public void setFrom(LocalDateTime v) { from = v; }
    public LocalDateTime getTo() { return to; }
    public void setTo(LocalDateTime v) { to = v; }
    public String getBatch() { return batch; }
    public void setBatch(String v) { batch = v; }
    public String getText() { return text; }
    public void setText(String v) { text = v; }
}
