package org.openebr.audit.boundary;

import java.util.List;

/** One page of the filtered audit trail; {@code total} counts every matching entry. */
public record AuditPage(List<AuditEntry> entries, int page, int size, long total) {

    public AuditPage {
        entries = List.copyOf(entries);
    }
}
