package org.openebr.audit.boundary;

import java.time.Instant;
import java.util.Map;

/**
 * One version of a record in its value history: the values after the revision, and who made it,
 * when and why. Values are the database's text form; null means no value.
 */
public record RecordVersion(long revision, Instant recordedAt, String siteZone, String userName, String fullName,
                            String actingRole, String command, String reason, AuditAction action,
                            Map<String, String> values) {
}
