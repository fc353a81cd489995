package org.openebr.identity.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.hibernate.envers.Audited;

/**
 * A proposed change of a system setting, exactly as its administrator proposed it (the signatures are bound to it).
 * Append-only: what happens to it is recorded as {@link SettingChangeDecision}s.
 */
@Entity
@Audited
@Table(name = "setting_change")
public class SettingChange {

    @Id
    private UUID id;

    @Column(nullable = false, updatable = false)
    private int number;

    @Column(nullable = false, updatable = false)
    private String setting;

    @Column(name = "previous_value", nullable = false, updatable = false)
    private String previousValue;

    @Column(name = "new_value", nullable = false, updatable = false)
    private String newValue;

    @Column(nullable = false, updatable = false)
    private String reason;

    @Column(name = "proposed_by", nullable = false, updatable = false)
    private String proposedBy;

    @Column(name = "proposed_at", nullable = false, updatable = false)
    private Instant proposedAt;

    protected SettingChange() {
    }

    public SettingChange(int number, String setting, String previousValue, String newValue, String reason,
                         String proposedBy, Instant proposedAt) {
        this.id = UUID.randomUUID();
        this.number = number;
        this.setting = Objects.requireNonNull(setting);
        this.previousValue = Objects.requireNonNull(previousValue);
        this.newValue = Objects.requireNonNull(newValue);
        this.reason = Objects.requireNonNull(reason);
        this.proposedBy = Objects.requireNonNull(proposedBy);
        this.proposedAt = Objects.requireNonNull(proposedAt);
    }

    public UUID id() { return id; }
    public int number() { return number; }
    public String setting() { return setting; }
    public String previousValue() { return previousValue; }
    public String newValue() { return newValue; }
    public String reason() { return reason; }
    public String proposedBy() { return proposedBy; }
    public Instant proposedAt() { return proposedAt; }
}
