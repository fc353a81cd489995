package org.openebr.audit.boundary;

import java.time.Instant;
import java.util.List;

/**
 * One line of the audit trail: what one revision (one business transaction) did to one record,
 * with who, in which role, why, from where and when (UTC instant plus the site zone in force).
 *
 * @param revision      the Envers revision number (one per transaction)
 * @param recordedAt    the server's UTC instant of the transaction
 * @param siteZone      the site time zone the entry is shown in (an IANA id such as Europe/Berlin)
 * @param userName      the acting user's immutable user name ("system" for the server's own jobs)
 * @param fullName      the printed full name of the user at the time
 * @param actingRole    the role the user acted in
 * @param command       the business command, e.g. "Revoke role"
 * @param reason        the reason for change, e.g. "Data entry error: wrong lot number typed"
 * @param clientAddress the client's network address or terminal
 * @param correlationId ties the entry to the request that caused it
 * @param entityType    the kind of record, e.g. UserAccount
 * @param recordId      the record's id
 * @param action        created, changed or deleted
 * @param changes       every field with its old and new value (for CREATED, every field)
 * @param recordName    the record in words, e.g. "DEMOPROFEN-10-2ML version 3" or "qa1 (Quentin Adams)",
 *                      from the component that owns the record; null when it has no better name than its id
 */
public record AuditEntry(long revision, Instant recordedAt, String siteZone, String userName, String fullName,
                         String actingRole, String command, String reason, String clientAddress, String correlationId,
                         String entityType, String recordId, AuditAction action, List<FieldChange> changes,
                         String recordName) {

    public AuditEntry {
        changes = List.copyOf(changes);
    }

    public AuditEntry(long revision, Instant recordedAt, String siteZone, String userName, String fullName,
                      String actingRole, String command, String reason, String clientAddress, String correlationId,
                      String entityType, String recordId, AuditAction action, List<FieldChange> changes) {
        this(revision, recordedAt, siteZone, userName, fullName, actingRole, command, reason, clientAddress,
                correlationId, entityType, recordId, action, changes, null);
    }

    /** The same entry with the record's name and its changes made readable. */
    public AuditEntry readable(String name, List<FieldChange> readableChanges) {
        return new AuditEntry(revision, recordedAt, siteZone, userName, fullName, actingRole, command, reason,
                clientAddress, correlationId, entityType, recordId, action, readableChanges, name);
    }

    /** The record as a reader names it: its name, or its kind and id when it has none. */
    public String recordLabel() {
        return recordName != null ? recordName : entityType + " " + recordId;
    }
}
