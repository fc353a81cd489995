package org.openebr.batch.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.envers.Audited;

/**
 * Shop-floor data of one operation of a batch (MES-BDE-1), recorded by a person: a downtime (from, to) or a
 * quantity scrapped or reworked, each with a cause code from a fixed catalogue. Append-only: a correction is a
 * new event that names the one it replaces ({@code corrects}) with a reason, or withdraws it.
 */
@Entity
@Audited
@Table(name = "operation_event")
public class OperationEvent {

    /** What happened. */
    public enum Kind { DOWNTIME, SCRAP, REWORK }

    /**
     * The cause codes, per kind: the catalogue a plant's OEE and loss analysis groups by. {@code OTHER} needs a
     * comment saying what it was.
     */
    public static final Map<Kind, List<String>> CAUSES = Map.of(
            Kind.DOWNTIME, List.of("EQUIPMENT_FAILURE", "MATERIAL_SHORTAGE", "WAITING_FOR_QA", "CLEANING", "SETUP",
                    "UTILITIES", "PERSONNEL", "ENVIRONMENT", "OTHER"),
            Kind.SCRAP, List.of("QUALITY_DEFECT", "EQUIPMENT_FAILURE", "HANDLING", "SAMPLING", "OTHER"),
            Kind.REWORK, List.of("QUALITY_DEFECT", "EQUIPMENT_FAILURE", "HANDLING", "OTHER"));

    @Id
    private UUID id;

    @Column(name = "batch_ref", nullable = false, updatable = false)
    private UUID batchRef;

    @Column(nullable = false, updatable = false)
    private int seq;

    @Column(name = "operation_id", nullable = false, updatable = false)
    private String operationId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private Kind kind;

    @Column(nullable = false, updatable = false)
    private String cause;

    @Column(name = "started_at", updatable = false)
    private Instant startedAt;

    @Column(name = "ended_at", updatable = false)
    private Instant endedAt;

    @Column(updatable = false, precision = 18, scale = 6)
    private BigDecimal quantity;

    @Column(updatable = false)
    private String unit;

    @Column(updatable = false)
    private String comment;

    @Column(updatable = false)
    private Integer corrects;

    @Column(nullable = false, updatable = false)
    private boolean withdrawn;

    @Column(updatable = false)
    private String reason;

    @Column(name = "recorded_by", nullable = false, updatable = false)
    private String recordedBy;

    @Column(name = "recorded_at", nullable = false, updatable = false)
    private Instant recordedAt;

    protected OperationEvent() {
    }

    public OperationEvent(UUID batchRef, int seq, String operationId, Kind kind, String cause, Instant startedAt,
                          Instant endedAt, BigDecimal quantity, String unit, String comment, Integer corrects,
                          boolean withdrawn, String reason, String recordedBy, Instant recordedAt) {
        this.id = UUID.randomUUID();
        this.batchRef = batchRef;
        this.seq = seq;
        this.operationId = operationId;
        this.kind = kind;
        this.cause = cause;
        this.startedAt = startedAt;
        this.endedAt = endedAt;
        this.quantity = quantity;
        this.unit = unit;
        this.comment = comment;
        this.corrects = corrects;
        this.withdrawn = withdrawn;
        this.reason = reason;
        this.recordedBy = recordedBy;
        this.recordedAt = recordedAt;
    }

    public UUID id() {
        return id;
    }

    public UUID batchRef() {
        return batchRef;
    }

    public int seq() {
        return seq;
    }

    public String operationId() {
        return operationId;
    }

    public Kind kind() {
        return kind;
    }

    public String cause() {
        return cause;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public Instant endedAt() {
        return endedAt;
    }

    public BigDecimal quantity() {
        return quantity;
    }

    public String unit() {
        return unit;
    }

    public String comment() {
        return comment;
    }

    public Integer corrects() {
        return corrects;
    }

    public boolean withdrawn() {
        return withdrawn;
    }

    public String reason() {
        return reason;
    }

    public String recordedBy() {
        return recordedBy;
    }

    public Instant recordedAt() {
        return recordedAt;
    }
}
