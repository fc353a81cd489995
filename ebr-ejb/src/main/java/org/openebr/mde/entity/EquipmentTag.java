package org.openebr.mde.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.envers.Audited;

/**
 * A machine data point of an equipment unit: the tag a recipe's MACHINE_VALUE step names, read from a
 * node of an OPC UA connection, with the instrument's range and how long its value may stay unchanged
 * while the unit works (plausibility, Annex 11 draft §10). Master data: defined once, never changed.
 */
@Entity
@Audited
@Table(name = "equipment_tag")
public class EquipmentTag {

    @Id
    private UUID id;

    @Column(name = "unit_id", nullable = false, updatable = false)
    private UUID unitId;

    @Column(nullable = false, updatable = false)
    private String tag;

    @Column(name = "connection_id", nullable = false, updatable = false)
    private UUID connectionId;

    @Column(name = "node_id", nullable = false, updatable = false)
    private String nodeId;

    @Column(name = "engineering_unit", updatable = false)
    private String engineeringUnit;

    @Column(name = "range_low", updatable = false, precision = 24, scale = 9)
    private BigDecimal rangeLow;

    @Column(name = "range_high", updatable = false, precision = 24, scale = 9)
    private BigDecimal rangeHigh;

    @Column(name = "max_unchanged_seconds", updatable = false)
    private Integer maxUnchangedSeconds;

    /** VALUE: a measured value; ALARM: a Boolean the machine sets while an alarm is active. */
    @Column(nullable = false, updatable = false)
    private String kind;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "created_by", nullable = false, updatable = false)
    private String createdBy;

    protected EquipmentTag() {
    }

    /** What the equipment master says of a data point. */
    public record Definition(String tag, String nodeId, String engineeringUnit, BigDecimal rangeLow,
                            BigDecimal rangeHigh, Integer maxUnchangedSeconds, String kind) {
    }

    public EquipmentTag(UUID unitId, UUID connectionId, Definition d, String by, Instant at) {
        this.id = UUID.randomUUID();
        this.unitId = unitId;
        this.connectionId = connectionId;
        this.tag = d.tag();
        this.nodeId = d.nodeId();
        this.engineeringUnit = d.engineeringUnit();
        this.rangeLow = d.rangeLow();
        this.rangeHigh = d.rangeHigh();
        this.maxUnchangedSeconds = d.maxUnchangedSeconds();
        this.kind = d.kind();
        this.createdAt = at;
        this.createdBy = by;
    }

    public UUID id() {
        return id;
    }

    public UUID unitId() {
        return unitId;
    }

    public String tag() {
        return tag;
    }

    public UUID connectionId() {
        return connectionId;
    }

    public String nodeId() {
        return nodeId;
    }

    public String engineeringUnit() {
        return engineeringUnit;
    }

    public BigDecimal rangeLow() {
        return rangeLow;
    }

    public BigDecimal rangeHigh() {
        return rangeHigh;
    }

    public Integer maxUnchangedSeconds() {
        return maxUnchangedSeconds;
    }

    public String kind() {
        return kind;
    }

    public boolean alarm() {
        return "ALARM".equals(kind);
    }

    public Instant createdAt() {
        return createdAt;
    }

    public String createdBy() {
        return createdBy;
    }
}
