package org.openebr.mde.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * One line of the equipment's alarm log (A11D-8-1): an alarm raised (with the batch that held the unit and
 * the deviation it raised), cleared, or acknowledged by a person with a comment. Append-only.
 */
@Entity
@Table(name = "equipment_alarm")
public class EquipmentAlarm {

    /** What happened to the alarm. */
    public enum Kind {
        RAISED, CLEARED, ACKNOWLEDGED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "tag_id", nullable = false, updatable = false)
    private UUID tagId;

    @Column(name = "unit_id", nullable = false, updatable = false)
    private UUID unitId;

    @Column(name = "batch_id", updatable = false)
    private String batchId;

    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private Kind kind;

    @Column(name = "raised_ref", updatable = false)
    private Long raisedRef;

    @Column(nullable = false, updatable = false)
    private Instant at;

    @Column(name = "recorded_at", nullable = false, updatable = false)
    private Instant recordedAt;

    @Column(nullable = false, updatable = false)
    private String detail;

    @Column(name = "deviation_id", updatable = false)
    private String deviationId;

    @Column(name = "by_user", updatable = false)
    private String byUser;

    @Column(updatable = false)
    private String comment;

    @Column(name = "step_id", updatable = false)
    private String stepId;

    protected EquipmentAlarm() {
    }

    public EquipmentAlarm(UUID tagId, UUID unitId, String batchId, Kind kind, Long raisedRef, Instant at, Instant recordedAt,
                          String detail, String deviationId, String byUser, String comment) {
        this.tagId = tagId;
        this.unitId = unitId;
        this.batchId = batchId;
        this.kind = kind;
        this.raisedRef = raisedRef;
        this.at = at;
        this.recordedAt = recordedAt;
        this.detail = detail.length() > 500 ? detail.substring(0, 497) + "..." : detail;
        this.deviationId = deviationId;
        this.byUser = byUser;
        this.comment = comment;
    }

    /** A RAISED line of an alarm that came while the batch's step was in progress (the deviation is on it). */
    public EquipmentAlarm(UUID tagId, UUID unitId, String batchId, String stepId, Instant at, Instant recordedAt,
                          String detail, String deviationId) {
        this(tagId, unitId, batchId, Kind.RAISED, null, at, recordedAt, detail, deviationId, null, null);
        this.stepId = stepId;
    }

    public Long id() {
        return id;
    }

    public UUID tagId() {
        return tagId;
    }

    public UUID unitId() {
        return unitId;
    }

    public String batchId() {
        return batchId;
    }

    public Kind kind() {
        return kind;
    }

    public Long raisedRef() {
        return raisedRef;
    }

    public Instant at() {
        return at;
    }

    public Instant recordedAt() {
        return recordedAt;
    }

    public String detail() {
        return detail;
    }

    public String deviationId() {
        return deviationId;
    }

    public String byUser() {
        return byUser;
    }

    /** The step in progress on the batch when the alarm was raised, else null. */
    public String stepId() {
        return stepId;
    }

    public String comment() {
        return comment;
    }
}
