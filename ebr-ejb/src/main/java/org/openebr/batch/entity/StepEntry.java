package org.openebr.batch.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.envers.Audited;

/**
 * One recording on a step (append-only), numbered per step: the value as typed or read ({@code raw})
 * beside the value as recorded (rounded by the recipe's rule), or the text, choice, container, lot,
 * unit or sample; its judgement and deviation; whether it was entered by hand instead of by machine,
 * or late; the reason where one is needed; who recorded it and when, by the server's clock.
 */
@Entity
@Audited
@Table(name = "step_entry")
public class StepEntry {

    /** What was recorded, apart from its place in the step's history. */
    public record Facts(EntryKind kind, String raw, BigDecimal value, String unit, String text, boolean acknowledged,
                        String containerId, String lotId, String equipmentId, String sampleId, Judgement judgement,
                        boolean manual, boolean late, Instant performedAt, String reason, String details,
                        Machine machine) {

        public Facts(EntryKind kind, String raw, BigDecimal value, String unit, String text, boolean acknowledged,
                     String containerId, String lotId, String equipmentId, String sampleId, Judgement judgement,
                     boolean manual, boolean late, Instant performedAt, String reason, String details) {
            this(kind, raw, value, unit, text, acknowledged, containerId, lotId, equipmentId, sampleId, judgement, manual,
                    late, performedAt, reason, details, null);
        }
    }

    /**
     * Where a MACHINE_VALUE came from: {@code OPC_UA} with the node, the OPC UA status code and its quality
     * (GOOD, UNCERTAIN, BAD), the source and server time stamps and any plausibility finding; or
     * {@code MANUAL}, typed by a person instead (then only the source is set).
     */
    public record Machine(String source, String nodeId, Long statusCode, String quality, Instant sourceTime,
                          Instant serverTime, String plausibility) {

        public static Machine manual() {
            return new Machine("MANUAL", null, null, null, null, null, null);
        }
    }

    @Id
    private UUID id;

    @Column(name = "batch_ref", nullable = false, updatable = false)
    private UUID batchRef;

    @Column(name = "step_id", nullable = false, updatable = false)
    private String stepId;

    @Column(nullable = false, updatable = false)
    private int seq;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private EntryKind kind;

    @Column(name = "raw_value", updatable = false)
    private String rawValue;

    @Column(name = "numeric_value", updatable = false, precision = 24, scale = 9)
    private BigDecimal numericValue;

    @Column(updatable = false)
    private String unit;

    @Column(name = "text_value", updatable = false)
    private String textValue;

    @Column(nullable = false, updatable = false)
    private boolean acknowledged;

    @Column(name = "container_id", updatable = false)
    private String containerId;

    @Column(name = "lot_id", updatable = false)
    private String lotId;

    @Column(name = "equipment_id", updatable = false)
    private String equipmentId;

    @Column(name = "sample_id", updatable = false)
    private String sampleId;

    @Enumerated(EnumType.STRING)
    @Column(updatable = false)
    private Judgement judgement;

    @Column(nullable = false, updatable = false)
    private boolean manual;

    @Column(nullable = false, updatable = false)
    private boolean late;

    /** When the person says the work was done, for a late entry; the record's time is {@link #recordedAt}. */
    @Column(name = "performed_at", updatable = false)
    private Instant performedAt;

    @Column(updatable = false)
    private String reason;

    @Column(updatable = false)
    private String details;

    @Column(name = "deviation_id", updatable = false)
    private String deviationId;

    @Column(updatable = false)
    private String source;

    @Column(name = "node_id", updatable = false)
    private String nodeId;

    @Column(name = "status_code", updatable = false)
    private Long statusCode;

    @Column(updatable = false)
    private String quality;

    @Column(name = "source_time", updatable = false)
    private Instant sourceTime;

    @Column(name = "server_time", updatable = false)
    private Instant serverTime;

    @Column(updatable = false)
    private String plausibility;

    @Column(name = "recorded_by", nullable = false, updatable = false)
    private String recordedBy;

    @Column(name = "recorded_at", nullable = false, updatable = false)
    private Instant recordedAt;

    protected StepEntry() {
    }

    public StepEntry(UUID batchRef, String stepId, int seq, Facts facts, String deviationId, String by, Instant at) {
        this.id = UUID.randomUUID();
        this.batchRef = batchRef;
        this.stepId = stepId;
        this.seq = seq;
        this.kind = facts.kind();
        this.rawValue = facts.raw();
        this.numericValue = facts.value();
        this.unit = facts.unit();
        this.textValue = facts.text();
        this.acknowledged = facts.acknowledged();
        this.containerId = facts.containerId();
        this.lotId = facts.lotId();
        this.equipmentId = facts.equipmentId();
        this.sampleId = facts.sampleId();
        this.judgement = facts.judgement();
        this.manual = facts.manual();
        this.late = facts.late();
        this.performedAt = facts.performedAt();
        this.reason = facts.reason();
        this.details = facts.details();
        this.deviationId = deviationId;
        if (facts.machine() != null) {
            this.source = facts.machine().source();
            this.nodeId = facts.machine().nodeId();
            this.statusCode = facts.machine().statusCode();
            this.quality = facts.machine().quality();
            this.sourceTime = facts.machine().sourceTime();
            this.serverTime = facts.machine().serverTime();
            this.plausibility = facts.machine().plausibility();
        }
        this.recordedBy = by;
        this.recordedAt = at;
    }

    public UUID id() {
        return id;
    }

    /** The machine facts of a MACHINE_VALUE entry, or null for any other entry. */
    public Machine machine() {
        return source == null ? null : new Machine(source, nodeId, statusCode, quality, sourceTime, serverTime,
                plausibility);
    }

    public UUID batchRef() {
        return batchRef;
    }

    public String stepId() {
        return stepId;
    }

    public int seq() {
        return seq;
    }

    public EntryKind kind() {
        return kind;
    }

    public String rawValue() {
        return rawValue;
    }

    public BigDecimal numericValue() {
        return numericValue;
    }

    public String unit() {
        return unit;
    }

    public String textValue() {
        return textValue;
    }

    public boolean acknowledged() {
        return acknowledged;
    }

    public String containerId() {
        return containerId;
    }

    public String lotId() {
        return lotId;
    }

    public String equipmentId() {
        return equipmentId;
    }

    public String sampleId() {
        return sampleId;
    }

    public Judgement judgement() {
        return judgement;
    }

    public boolean manual() {
        return manual;
    }

    public boolean late() {
        return late;
    }

    public Instant performedAt() {
        return performedAt;
    }

    public String reason() {
        return reason;
    }

    public String details() {
        return details;
    }

    public String deviationId() {
        return deviationId;
    }

    public String recordedBy() {
        return recordedBy;
    }

    public Instant recordedAt() {
        return recordedAt;
    }
}
