package org.openebr.equipment.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.envers.Audited;

/**
 * A kind of equipment as recipes name it ("compounding vessel", "balance"): whether its units are
 * calibrated, and how long a cleaned unit stays clean for use (clean-hold) and a used unit may wait
 * for cleaning (dirty-hold). Defined once; the database refuses any change.
 */
@Entity
@Audited
@Table(name = "equipment_class")
public class EquipmentClass {

    @Id
    private UUID id;

    @Column(nullable = false, updatable = false)
    private String name;

    @Column(name = "calibration_required", nullable = false, updatable = false)
    private boolean calibrationRequired;

    @Column(name = "clean_hold_seconds", updatable = false)
    private Long cleanHoldSeconds;

    @Column(name = "dirty_hold_seconds", updatable = false)
    private Long dirtyHoldSeconds;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "created_by", nullable = false, updatable = false)
    private String createdBy;

    protected EquipmentClass() {
    }

    /** @param cleanHold null when cleaning has no hold time for this class; likewise dirtyHold */
    public EquipmentClass(String name, boolean calibrationRequired, Duration cleanHold, Duration dirtyHold, String by,
                          Instant now) {
        this.id = UUID.randomUUID();
        this.name = Objects.requireNonNull(name);
        this.calibrationRequired = calibrationRequired;
        this.cleanHoldSeconds = cleanHold == null ? null : cleanHold.toSeconds();
        this.dirtyHoldSeconds = dirtyHold == null ? null : dirtyHold.toSeconds();
        this.createdAt = Objects.requireNonNull(now);
        this.createdBy = Objects.requireNonNull(by);
    }

    public UUID id() { return id; }
    public String name() { return name; }
    public boolean calibrationRequired() { return calibrationRequired; }
    public Optional<Duration> cleanHold() { return Optional.ofNullable(cleanHoldSeconds).map(Duration::ofSeconds); }
    public Optional<Duration> dirtyHold() { return Optional.ofNullable(dirtyHoldSeconds).map(Duration::ofSeconds); }
    public Instant createdAt() { return createdAt; }
    public String createdBy() { return createdBy; }
}
