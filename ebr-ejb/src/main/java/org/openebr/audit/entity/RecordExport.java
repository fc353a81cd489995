package org.openebr.audit.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.envers.Audited;

/**
 * That someone exported (or printed) part of the GMP records: what, in which format, with which
 * filter, how many entries, and the SHA-256 of the file handed out, so a copy found later can be
 * matched to its export. Append-only.
 */
@Entity
@Audited
@Table(name = "record_export")
public class RecordExport {

    @Id
    private UUID id;

    @Column(name = "exported_at", nullable = false, updatable = false)
    private Instant exportedAt;

    @Column(name = "exported_by", nullable = false, updatable = false)
    private String exportedBy;

    @Column(nullable = false, updatable = false)
    private String kind;

    @Column(nullable = false, updatable = false)
    private String format;

    @Column(name = "filter_description", nullable = false, updatable = false)
    private String filterDescription;

    @Column(name = "entry_count", nullable = false, updatable = false)
    private int entryCount;

    @Column(name = "content_sha256", nullable = false, updatable = false)
    private String contentSha256;

    protected RecordExport() {
    }

    public RecordExport(String kind, String format, String filterDescription, int entryCount, String contentSha256,
                        String exportedBy, Instant exportedAt) {
        this.id = UUID.randomUUID();
        this.kind = kind;
        this.format = format;
        this.filterDescription = filterDescription.length() <= 2000 ? filterDescription : filterDescription.substring(0, 2000);
        this.entryCount = entryCount;
        this.contentSha256 = contentSha256;
        this.exportedBy = exportedBy;
        this.exportedAt = exportedAt;
    }

    public UUID id() {
        return id;
    }
}
