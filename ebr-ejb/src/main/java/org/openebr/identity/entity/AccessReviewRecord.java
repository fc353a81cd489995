package org.openebr.identity.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.hibernate.envers.Audited;

/** An access review report exactly as an administrator recorded it to be signed. Append-only. */
@Entity
@Audited
@Table(name = "access_review_record")
public class AccessReviewRecord {

    @Id
    private UUID id;

    @Column(name = "recorded_at", nullable = false, updatable = false)
    private Instant recordedAt;

    @Column(name = "recorded_by", nullable = false, updatable = false)
    private String recordedBy;

    @Column(nullable = false, updatable = false)
    private String report;

    protected AccessReviewRecord() {
    }

    public AccessReviewRecord(String reportJson, String recordedBy, Instant now) {
        this.id = UUID.randomUUID();
        this.report = Objects.requireNonNull(reportJson);
        this.recordedBy = Objects.requireNonNull(recordedBy);
        this.recordedAt = Objects.requireNonNull(now);
    }

    public UUID id() { return id; }
    public Instant recordedAt() { return recordedAt; }
    public String recordedBy() { return recordedBy; }
    public String report() { return report; }
}
