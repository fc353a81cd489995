package org.openebr.audit.boundary;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Which part of the audit trail to show or export. Every criterion is optional (null = any).
 *
 * @param entityType kind of record, e.g. UserAccount (exact)
 * @param recordId   one record's id (exact)
 * @param userName   acting user name (exact, case-insensitive)
 * @param action     created, changed or deleted
 * @param from       first instant included
 * @param to         instant up to which entries are included (exclusive)
 * @param text       free text found in user name, full name, role, command, reason, client, correlation id, record id or kind
 * @param batch      one batch's own trail: the records that belong to the batch with this number (its steps,
 *                   entries, events, deviations, gate refusals and overrides, dispositions, addenda)
 */
public record AuditFilter(String entityType, String recordId, String userName, AuditAction action,
                          Instant from, Instant to, String text, String batch) {

    public AuditFilter(String entityType, String recordId, String userName, AuditAction action, Instant from,
                       Instant to, String text) {
        this(entityType, recordId, userName, action, from, to, text, null);
    }

    /** The same filter narrowed to one batch's records. */
    public AuditFilter ofBatch(String batchId) {
        return new AuditFilter(entityType, recordId, userName, action, from, to, text, batchId);
    }

    public static AuditFilter everything() {
        return new AuditFilter(null, null, null, null, null, null, null);
    }

    /** The filter in words, as stated at the top of every export. */
    public String describe() {
        List<String> parts = new ArrayList<>();
        if (entityType != null) parts.add("record type = " + entityType);
        if (recordId != null) parts.add("record id = " + recordId);
        if (userName != null) parts.add("user = " + userName);
        if (action != null) parts.add("action = " + action);
        if (from != null) parts.add("from " + from);
        if (to != null) parts.add("before " + to);
        if (text != null) parts.add("text contains \"" + text + "\"");
        if (batch != null) parts.add("records of batch " + batch);
        return parts.isEmpty() ? "entire audit trail (no filter)" : String.join("; ", parts);
    }
}
