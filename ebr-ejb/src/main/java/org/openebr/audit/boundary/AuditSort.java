package org.openebr.audit.boundary;

/** How the trail is ordered; ties are broken by revision and record so paging is stable. */
public record AuditSort(Field field, boolean ascending) {

    public enum Field { TIME, USER, RECORD_TYPE, ACTION }

    public static AuditSort newestFirst() {
        return new AuditSort(Field.TIME, false);
    }
}
