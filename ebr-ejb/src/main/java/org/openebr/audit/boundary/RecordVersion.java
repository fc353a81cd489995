package org.openebr.audit.boundary;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One version of a record in its value history: the values after the revision, and who made it,
 * when and why. Values are the database's text form; null means no value.
 *
 * @param changes the fields that differ from the version before (for the first version, every
 *                field), so a reader sees at once what this revision changed; a large document's
 *                change may come in words (see {@link FieldChange#readable()})
 */
public record RecordVersion(long revision, Instant recordedAt, String siteZone, String userName, String fullName,
                            String actingRole, String command, String reason, AuditAction action,
                            Map<String, String> values, List<FieldChange> changes) {

    public RecordVersion {
        changes = changes == null ? List.of() : List.copyOf(changes);
    }

    public RecordVersion(long revision, Instant recordedAt, String siteZone, String userName, String fullName,
                         String actingRole, String command, String reason, AuditAction action,
                         Map<String, String> values) {
        this(revision, recordedAt, siteZone, userName, fullName, actingRole, command, reason, action, values,
                List.of());
    }

    /** The version with its changes against the version before it (null for the first). */
    public RecordVersion against(RecordVersion before) {
        List<FieldChange> found = new ArrayList<>();
        values.forEach((field, value) -> {
            String old = before == null ? null : before.values().get(field);
            if (before == null || !Objects.equals(old, value)) {
                found.add(new FieldChange(field, old, value));
            }
        });
        return withChanges(found);
    }

    public RecordVersion withChanges(List<FieldChange> newChanges) {
        return new RecordVersion(revision, recordedAt, siteZone, userName, fullName, actingRole, command, reason,
                action, values, newChanges);
    }

    /** Whether this revision changed the field. */
    public boolean changed(String field) {
        return changes.stream().anyMatch(change -> change.field().equals(field));
    }
}
