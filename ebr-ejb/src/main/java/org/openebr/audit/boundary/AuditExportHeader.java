package org.openebr.audit.boundary;

import java.time.Instant;
import java.util.Objects;

/**
 * What an audit trail export says about itself: which part of the trail it holds, who made it, when
 * and with which system. A copy without this cannot be judged complete (21 CFR 11.10(b)), so every
 * field is required.
 *
 * @param title              the document title, e.g. "Audit trail – UserAccount 17"
 * @param filter             the filter the entries were selected with
 * @param exportedAt         the server's UTC instant of the export
 * @param exportedBy         the exporting user's user name
 * @param exportedByFullName the exporting user's printed full name
 * @param siteZone           the site time zone the export is shown in (an IANA id such as Europe/Berlin)
 * @param systemName         the system and its version, e.g. "OpenEBR 0.1.0"
 */
public record AuditExportHeader(String title, AuditFilter filter, Instant exportedAt, String exportedBy,
                                String exportedByFullName, String siteZone, String systemName) {

    public AuditExportHeader {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(filter, "filter");
        Objects.requireNonNull(exportedAt, "exportedAt");
        Objects.requireNonNull(exportedBy, "exportedBy");
        Objects.requireNonNull(exportedByFullName, "exportedByFullName");
        Objects.requireNonNull(siteZone, "siteZone");
        Objects.requireNonNull(systemName, "systemName");
    }
}
