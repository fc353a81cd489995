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
 */
public record AuditEntry(long revision, Instant recordedAt, String siteZone, String userName, String fullName,
                         String actingRole, String command, String reason, String clientAddress, String correlationId,
                         String entityType, String recordId, AuditAction action, List<FieldChange> changes) {

    public AuditEntry {
        changes = List.copyOf(changes);
    }
}
