package org.openebr.identity.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.envers.Audited;
import java.time.Instant;

/** An administrator saw a security alert and says what was done about it. */
@Entity
@Audited
@Table(name = "security_alert_ack")
public class SecurityAlertAcknowledgement {

    @Id
    @Column(name = "event_id")
    private Long eventId;

    @Column(name = "acknowledged_at", nullable = false, updatable = false)
    private Instant acknowledgedAt;

    @Column(name = "acknowledged_by", nullable = false, updatable = false)
    private String acknowledgedBy;

    @Column(nullable = false, updatable = false)
    private String comment;

    protected SecurityAlertAcknowledgement() {
    }

    public SecurityAlertAcknowledgement(long eventId, String by, String comment, Instant now) {
        this.eventId = eventId;
        this.acknowledgedBy = by;
        this.comment = comment;
        this.acknowledgedAt = now;
    }
}
