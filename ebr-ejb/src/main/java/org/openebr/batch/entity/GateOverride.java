package org.openebr.batch.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.envers.Audited;

/**
 * A supervisor's signed override of the training gate for one operator's next entry on one step
 * (21 CFR 211.25, 11.10(i)): it names the qualifications the operator lacked, the reason and the
 * deviation it raised, and, once used, the entry it let through. Never reused, never deleted; the
 * database refuses any other change (V13).
 */
@Entity
@Audited
@Table(name = "gate_override")
public class GateOverride {

    /** The gates a supervisor may override. Material and equipment gates are not among them. */
    public enum Gate { TRAINING }

    @Id
    private UUID id;

    @Column(name = "batch_ref", nullable = false, updatable = false)
    private UUID batchRef;

    @Column(nullable = false, updatable = false)
    private int seq;

    @Column(name = "step_id", nullable = false, updatable = false)
    private String stepId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private Gate gate;

    @Column(nullable = false, updatable = false)
    private String operator;

    /** The qualifications the operator held no current training record of, comma separated. */
    @Column(nullable = false, updatable = false)
    private String qualifications;

    @Column(nullable = false, updatable = false)
    private String reason;

    @Column(name = "deviation_id", nullable = false, updatable = false)
    private String deviationId;

    @Column(name = "granted_by", nullable = false, updatable = false)
    private String grantedBy;

    @Column(name = "granted_at", nullable = false, updatable = false)
    private Instant grantedAt;

    @Column(name = "used_at")
    private Instant usedAt;

    /** The number of the step's entry the override let through. */
    @Column(name = "used_by_entry")
    private Integer usedByEntry;

    @Version
    @Column(name = "row_version", nullable = false)
    private long rowVersion;

    protected GateOverride() {
    }

    public GateOverride(UUID batchRef, int seq, String stepId, Gate gate, String operator, String qualifications,
                        String reason, String deviationId, String grantedBy, Instant grantedAt) {
        this.id = UUID.randomUUID();
        this.batchRef = batchRef;
        this.seq = seq;
        this.stepId = stepId;
        this.gate = gate;
        this.operator = operator;
        this.qualifications = qualifications;
        this.reason = reason;
        this.deviationId = deviationId;
        this.grantedBy = grantedBy;
        this.grantedAt = grantedAt;
    }

    /** The override lets entry {@code entry} through; it is used up. */
    public void use(int entry, Instant at) {
        if (usedAt != null) {
            throw new IllegalStateException("gate override " + seq + " was used already");
        }
        this.usedByEntry = entry;
        this.usedAt = at;
    }

    public UUID batchRef() {
        return batchRef;
    }

    public int seq() {
        return seq;
    }

    public String stepId() {
        return stepId;
    }

    public Gate gate() {
        return gate;
    }

    public String operator() {
        return operator;
    }

    public String qualifications() {
        return qualifications;
    }

    public String reason() {
        return reason;
    }

    public String deviationId() {
        return deviationId;
    }

    public String grantedBy() {
        return grantedBy;
    }

    public Instant grantedAt() {
        return grantedAt;
    }

    public Instant usedAt() {
        return usedAt;
    }

    public Integer usedByEntry() {
        return usedByEntry;
    }
}
