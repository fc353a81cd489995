package org.openebr.identity.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.envers.Audited;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

/**
 * A user's training or qualification for one operation, valid from a date until (optionally) a
 * date. A wrong record is voided with a reason, never deleted or edited.
 */
@Entity
@Audited
@Table(name = "training_record")
public class TrainingRecord {

    @Id
    private UUID id;

    @Column(name = "account_id", nullable = false, updatable = false)
    private UUID accountId;

    @Column(nullable = false, updatable = false)
    private String qualification;

    @Column(nullable = false, updatable = false)
    private String description;

    @Column(name = "valid_from", nullable = false, updatable = false)
    private LocalDate validFrom;

    @Column(name = "valid_until", updatable = false)
    private LocalDate validUntil;

    @Column(name = "recorded_at", nullable = false, updatable = false)
    private Instant recordedAt;

    @Column(name = "recorded_by", nullable = false, updatable = false)
    private String recordedBy;

    @Column(name = "voided_at")
    private Instant voidedAt;

    @Column(name = "voided_by")
    private String voidedBy;

    @Column(name = "void_reason")
    private String voidReason;

    protected TrainingRecord() {
    }

    public TrainingRecord(UUID accountId, String qualification, String description, LocalDate validFrom,
                          LocalDate validUntil, String recordedBy, Instant now) {
        if (validUntil != null && validUntil.isBefore(validFrom)) {
            throw new IllegalArgumentException("valid until " + validUntil + " is before valid from " + validFrom);
        }
        this.id = UUID.randomUUID();
        this.accountId = Objects.requireNonNull(accountId);
        this.qualification = Objects.requireNonNull(qualification);
        this.description = Objects.requireNonNull(description);
        this.validFrom = Objects.requireNonNull(validFrom);
        this.validUntil = validUntil;
        this.recordedBy = Objects.requireNonNull(recordedBy);
        this.recordedAt = now;
    }

    /** Whether this record makes its holder qualified on the given day. */
    public boolean qualifies(String wanted, LocalDate day) {
        return voidedAt == null && qualification.equals(wanted) && !day.isBefore(validFrom)
                && (validUntil == null || !day.isAfter(validUntil));
    }

    public void voidRecord(String by, String reason, Instant now) {
        if (voidedAt != null) {
            throw new IllegalStateException("training record " + id + " is already void");
        }
        this.voidedAt = now;
        this.voidedBy = Objects.requireNonNull(by);
        this.voidReason = Objects.requireNonNull(reason);
    }

    public UUID id() { return id; }
    public UUID accountId() { return accountId; }
    public String qualification() { return qualification; }
    public String description() { return description; }
    public LocalDate validFrom() { return validFrom; }
    public LocalDate validUntil() { return validUntil; }
    public Instant recordedAt() { return recordedAt; }
    public String recordedBy() { return recordedBy; }
    public Instant voidedAt() { return voidedAt; }
    public String voidedBy() { return voidedBy; }
    public String voidReason() { return voidReason; }
}
