package org.openebr.equipment.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.hibernate.envers.Audited;

/**
 * One piece of equipment (a vessel, a balance, a pH meter), known by its equipment id, which is also
 * the text of its barcode. Its status, the batch using it, its usage counter, how long it stays
 * clean and when its calibration is due change only through the domain verbs below, and each verb
 * returns the logbook entry that records it: the caller stores both in one transaction, so that the
 * state of a unit is always explained by its logbook (EU GMP 4.31).
 */
@Entity
@Audited
@Table(name = "equipment_unit")
public class EquipmentUnit {

    @Id
    private UUID id;

    @Column(name = "equipment_id", nullable = false, updatable = false)
    private String equipmentId;

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "equipment_class_id", nullable = false, updatable = false)
    private EquipmentClass equipmentClass;

    @Column(nullable = false)
    private String description;

    @Column(nullable = false)
    private String location;

    @Column(name = "calibration_interval_days")
    private Integer calibrationIntervalDays;

    /** Uses after which the unit (a tool, a filter housing, a punch set) must not be used any more (MES-TOOL-1). */
    @Column(name = "wear_limit")
    private Long wearLimit;

    @Column(name = "usage_count", nullable = false)
    private long usageCount;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private EquipmentStatus status;

    /** The batch that has the unit while it is IN_USE. */
    @Column(name = "status_batch")
    private String statusBatch;

    @Column(name = "status_since", nullable = false)
    private Instant statusSince;

    /** Until when a CLEAN unit is clean for use (its class's clean-hold from the cleaning); null: no limit. */
    @Column(name = "clean_until")
    private Instant cleanUntil;

    /** When the calibration is due; null: never calibrated. */
    @Column(name = "calibration_due")
    private Instant calibrationDue;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Qualification qualification;

    @Column(name = "qualification_reference")
    private String qualificationReference;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "created_by", nullable = false, updatable = false)
    private String createdBy;

    @Version
    @Column(name = "row_version", nullable = false)
    private long rowVersion;

    protected EquipmentUnit() {
    }

    /**
     * A new unit. It is DIRTY (cleaned before its first use), never calibrated and not yet qualified:
     * everything else is recorded as it happens.
     */
    public EquipmentUnit(String equipmentId, EquipmentClass equipmentClass, String description, String location,
                         Integer calibrationIntervalDays, Long wearLimit, String by, Instant now) {
        this.id = UUID.randomUUID();
        this.equipmentId = Objects.requireNonNull(equipmentId);
        this.equipmentClass = Objects.requireNonNull(equipmentClass);
        this.description = Objects.requireNonNull(description);
        this.location = Objects.requireNonNull(location);
        this.calibrationIntervalDays = calibrationIntervalDays;
        this.wearLimit = wearLimit;
        this.status = EquipmentStatus.DIRTY;
        this.statusSince = Objects.requireNonNull(now);
        this.qualification = Qualification.NOT_QUALIFIED;
        this.createdAt = now;
        this.createdBy = Objects.requireNonNull(by);
    }

    /** The first entry of the logbook: the unit as registered. */
    public LogEntry registered(String detail) {
        return new LogEntry(id, LogKind.REGISTERED, null, status, detail, createdBy, createdAt);
    }

    /**
     * Demo mode only: the state a demo unit starts in, as if it had been cleaned at {@code cleanedAt}
     * (recorded as such, never as a cleaning with a verifier who did not sign).
     */
    public LogEntry startedClean(Instant cleanedAt, String detail, String by, Instant now) {
        EquipmentStatus before = status;
        moveTo(EquipmentStatus.CLEAN, now);
        this.cleanUntil = equipmentClass.cleanHold().map(cleanedAt::plus).orElse(null);
        return new LogEntry(id, LogKind.STATUS, before, status, detail, by, now).cleaning(null, null, cleanUntil);
    }

    /** One use by a batch step: counted against the wear limit. */
    public LogEntry use(String batch, String step, String by, Instant now) {
        usageCount++;
        return new LogEntry(id, LogKind.USE, status, status, "used by batch " + batch + (step == null ? "" : ", step " + step)
                + " (use " + usageCount + (wearLimit == null ? "" : " of " + wearLimit) + ")", by, now).forBatch(batch, step);
    }

    /** A batch takes the unit: IN_USE by that batch until it releases it. */
    public LogEntry occupy(String batch, String by, Instant now) {
        EquipmentStatus before = status;
        moveTo(EquipmentStatus.IN_USE, now);
        this.statusBatch = Objects.requireNonNull(batch);
        return new LogEntry(id, LogKind.OCCUPIED, before, status, "taken by batch " + batch, by, now).forBatch(batch, null);
    }

    /** The batch is done with the unit: it is DIRTY from now, and its dirty-hold runs. */
    public LogEntry release(String by, Instant now) {
        String batch = statusBatch;
        EquipmentStatus before = status;
        moveTo(EquipmentStatus.DIRTY, now);
        return new LogEntry(id, LogKind.RELEASED, before, status, "released by batch " + batch + ": dirty until cleaned",
                by, now).forBatch(batch, null);
    }

    /** A cleaning as its performer records it: the unit is clean for use once a second person verifies it. */
    public LogEntry cleaned(String procedure, String by, Instant now) {
        return new LogEntry(id, LogKind.CLEANING, status, status, "cleaned according to " + procedure
                + "; awaiting verification by a second person", by, now).cleaning(procedure, null, null);
    }

    /** A second person verified the cleaning: CLEAN, for the class's clean-hold time from the cleaning. */
    public LogEntry cleaningVerified(LogEntry cleaning, String by, Instant now) {
        EquipmentStatus before = status;
        moveTo(EquipmentStatus.CLEAN, now);
        this.cleanUntil = equipmentClass.cleanHold().map(cleaning.recordedAt()::plus).orElse(null);
        // the times are the entry's own fields (clean_until), shown in the reader's site time zone
        return new LogEntry(id, LogKind.CLEANING_VERIFIED, before, status, "cleaning no. " + cleaning.id() + " by "
                + cleaning.recordedBy() + " (" + cleaning.cleaningProcedure() + ") verified", by, now)
                .cleaning(cleaning.cleaningProcedure(), cleaning.id(), cleanUntil);
    }

    /**
     * A calibration result. PASS sets the next due date; FAIL takes the unit out of service and makes
     * its calibration due at once, so that it is not used again before a calibration passes.
     */
    public LogEntry calibrated(boolean passed, Instant performedAt, String certificate, Instant nextDue, String by,
                               Instant now) {
        EquipmentStatus before = status;
        if (passed) {
            this.calibrationDue = Objects.requireNonNull(nextDue);
        } else {
            this.calibrationDue = performedAt;
            if (status != EquipmentStatus.OUT_OF_SERVICE) {
                moveTo(EquipmentStatus.OUT_OF_SERVICE, now);
            }
        }
        String detail = passed ? "calibration passed (certificate " + certificate + ")"
                : "calibration FAILED (certificate " + certificate + "): out of service";
        return new LogEntry(id, LogKind.CALIBRATION, before, status, detail, by, now)
                .calibration(passed ? "PASS" : "FAIL", performedAt, certificate, calibrationDue);
    }

    /** Maintenance starts (MAINTENANCE) or ends (DIRTY: cleaned before it is used again). */
    public LogEntry maintenance(boolean starts, String description, String by, Instant now) {
        EquipmentStatus before = status;
        moveTo(starts ? EquipmentStatus.MAINTENANCE : EquipmentStatus.DIRTY, now);
        return new LogEntry(id, LogKind.MAINTENANCE, before, status, (starts ? "maintenance started: " : "maintenance"
                + " completed: ") + description, by, now);
    }

    public LogEntry qualified(Qualification qualification, String reference, String by, Instant now) {
        Qualification before = this.qualification;
        this.qualification = Objects.requireNonNull(qualification);
        this.qualificationReference = reference;
        return new LogEntry(id, LogKind.QUALIFICATION, status, status, "qualification " + before + " -> " + qualification
                + " (" + reference + ")", by, now).qualification(qualification);
    }

    /** A status event of its own (out of service, back in service as DIRTY, marked dirty). */
    public LogEntry statusEvent(EquipmentStatus target, String detail, String by, Instant now) {
        EquipmentStatus before = status;
        moveTo(target, now);
        return new LogEntry(id, LogKind.STATUS, before, status, detail, by, now);
    }

    private void moveTo(EquipmentStatus target, Instant now) {
        if (!status.canBecome(target)) {
            throw new IllegalStateException(equipmentId + ": " + status + " -> " + target);
        }
        if (target != status) {
            this.statusSince = now;
        }
        this.status = target;
        if (target != EquipmentStatus.IN_USE) {
            this.statusBatch = null;
        }
        if (target != EquipmentStatus.CLEAN) {
            this.cleanUntil = null;
        }
    }

    /** Whether a CLEAN unit's clean-hold time has run out at {@code now}. */
    public boolean cleanHoldExpired(Instant now) {
        return status == EquipmentStatus.CLEAN && cleanUntil != null && !now.isBefore(cleanUntil);
    }

    /** Whether a DIRTY unit has waited for cleaning longer than its class's dirty-hold time. */
    public boolean dirtyHoldExceeded(Instant now) {
        return status == EquipmentStatus.DIRTY && equipmentClass.dirtyHold()
                .map(hold -> !now.isBefore(statusSince.plus(hold))).orElse(false);
    }

    /** When a DIRTY unit must be cleaned by; null when it is not dirty or its class has no dirty-hold. */
    public Instant dirtyUntil() {
        return status != EquipmentStatus.DIRTY ? null : equipmentClass.dirtyHold().map(statusSince::plus).orElse(null);
    }

    public boolean calibrationOverdue(Instant now) {
        return equipmentClass.calibrationRequired() && (calibrationDue == null || !now.isBefore(calibrationDue));
    }

    public boolean wearLimitReached() {
        return wearLimit != null && usageCount >= wearLimit;
    }

    public Duration calibrationInterval() {
        return calibrationIntervalDays == null ? null : Duration.ofDays(calibrationIntervalDays);
    }

    public UUID id() { return id; }
    public String equipmentId() { return equipmentId; }
    public EquipmentClass equipmentClass() { return equipmentClass; }
    public String description() { return description; }
    public String location() { return location; }
    public Integer calibrationIntervalDays() { return calibrationIntervalDays; }
    public Long wearLimit() { return wearLimit; }
    public long usageCount() { return usageCount; }
    public EquipmentStatus status() { return status; }
    public String statusBatch() { return statusBatch; }
    public Instant statusSince() { return statusSince; }
    public Instant cleanUntil() { return cleanUntil; }
    public Instant calibrationDue() { return calibrationDue; }
    public Qualification qualification() { return qualification; }
    public String qualificationReference() { return qualificationReference; }
    public Instant createdAt() { return createdAt; }
    public String createdBy() { return createdBy; }
    public long rowVersion() { return rowVersion; }
}
