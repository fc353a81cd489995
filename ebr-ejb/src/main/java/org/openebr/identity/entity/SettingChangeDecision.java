package org.openebr.identity.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.hibernate.envers.Audited;

/** One signed step of a setting change: submitted by its administrator, approved or rejected by QA. Append-only. */
@Entity
@Audited
@Table(name = "setting_change_decision")
public class SettingChangeDecision {

    /** What the step decided. */
    public enum Decision { SUBMITTED, APPROVED, REJECTED }

    @Id
    private UUID id;

    @Column(name = "change_id", nullable = false, updatable = false)
    private UUID changeId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private Decision decision;

    @Column(name = "decided_by", nullable = false, updatable = false)
    private String decidedBy;

    @Column(name = "decided_at", nullable = false, updatable = false)
    private Instant decidedAt;

    protected SettingChangeDecision() {
    }

    public SettingChangeDecision(UUID changeId, Decision decision, String decidedBy, Instant decidedAt) {
        this.id = UUID.randomUUID();
        this.changeId = Objects.requireNonNull(changeId);
        this.decision = Objects.requireNonNull(decision);
        this.decidedBy = Objects.requireNonNull(decidedBy);
        this.decidedAt = Objects.requireNonNull(decidedAt);
    }

    public UUID changeId() { return changeId; }
    public Decision decision() { return decision; }
    public String decidedBy() { return decidedBy; }
    public Instant decidedAt() { return decidedAt; }
}
