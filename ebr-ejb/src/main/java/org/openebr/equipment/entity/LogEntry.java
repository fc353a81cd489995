package org.openebr.equipment.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.hibernate.envers.Audited;

/**
 * One entry of a unit's logbook (EU GMP 4.31): what happened, when, by whom, and the facts of that
 * kind of event. Numbered in the order recorded; never changed or removed (the database refuses).
 * Made by the unit's domain verbs ({@link EquipmentUnit}) only, so that no state changes without
 * its entry.
 */
@Entity
@Audited
@Table(name = "equipment_log_entry")
public class LogEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "equipment_log")
    @SequenceGenerator(name = "equipment_log", sequenceName = "equipment_log_seq", allocationSize = 1)
    private Long id;

    @Column(name = "unit_id", nullable = false, updatable = false)
    private UUID unitId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private LogKind kind;

    @Column(name = "recorded_at", nullable = false, updatable = false)
    private Instant recordedAt;

    @Column(name = "recorded_by", nullable = false, updatable = false)
    private String recordedBy;

    @Enumerated(EnumType.STRING)
    @Column(name = "status_before", updatable = false)
    private EquipmentStatus statusBefore;

    @Enumerated(EnumType.STRING)
    @Column(name = "status_after", updatable = false)
    private EquipmentStatus statusAfter;

    @Column(updatable = false)
    private String batch;

    @Column(updatable = false)
    private String step;

    @Column(name = "cleaning_procedure", updatable = false)
    private String cleaningProcedure;

    /** For a verification: the cleaning it verifies. */
    @Column(name = "cleaning_entry", updatable = false)
    private Long cleaningEntry;

    @Column(name = "calibration_result", updatable = false)
    private String calibrationResult;

    /** When the work was done (a calibration certificate's date), which may be before it was recorded. */
    @Column(name = "performed_at", updatable = false)
    private Instant performedAt;

    @Column(updatable = false)
    private String certificate;

    @Column(name = "calibration_due", updatable = false)
    private Instant calibrationDue;

    @Column(name = "clean_until", updatable = false)
    private Instant cleanUntil;

    @Enumerated(EnumType.STRING)
    @Column(updatable = false)
    private Qualification qualification;

    /** In words: what was done and why. */
    @Column(nullable = false, updatable = false)
    private String detail;

    protected LogEntry() {
    }

    LogEntry(UUID unitId, LogKind kind, EquipmentStatus before, EquipmentStatus after, String detail, String by,
             Instant now) {
        this.unitId = Objects.requireNonNull(unitId);
        this.kind = Objects.requireNonNull(kind);
        this.statusBefore = before;
        this.statusAfter = after;
        this.detail = Objects.requireNonNull(detail);
        this.recordedBy = Objects.requireNonNull(by);
        this.recordedAt = Objects.requireNonNull(now);
    }

    LogEntry forBatch(String batch, String step) {
        this.batch = batch;
        this.step = step;
        return this;
    }

    LogEntry cleaning(String procedure, Long verifies, Instant cleanUntil) {
        this.cleaningProcedure = procedure;
        this.cleaningEntry = verifies;
        this.cleanUntil = cleanUntil;
        return this;
    }

    LogEntry calibration(String result, Instant performedAt, String certificate, Instant due) {
        this.calibrationResult = result;
        this.performedAt = performedAt;
        this.certificate = certificate;
        this.calibrationDue = due;
        return this;
    }

    LogEntry qualification(Qualification qualification) {
        this.qualification = qualification;
        return this;
    }

    public Long id() { return id; }
    public UUID unitId() { return unitId; }
    public LogKind kind() { return kind; }
    public Instant recordedAt() { return recordedAt; }
    public String recordedBy() { return recordedBy; }
    public EquipmentStatus statusBefore() { return statusBefore; }
    public EquipmentStatus statusAfter() { return statusAfter; }
    public String batch() { return batch; }
    public String step() { return step; }
    public String cleaningProcedure() { return cleaningProcedure; }
    public Long cleaningEntry() { return cleaningEntry; }
    public String calibrationResult() { return calibrationResult; }
    public Instant performedAt() { return performedAt; }
    public String certificate() { return certificate; }
    public Instant calibrationDue() { return calibrationDue; }
    public Instant cleanUntil() { return cleanUntil; }
    public Qualification qualification() { return qualification; }
    public String detail() { return detail; }
}
