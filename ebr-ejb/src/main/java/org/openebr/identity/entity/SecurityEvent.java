package org.openebr.identity.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import org.hibernate.envers.Audited;
import org.openebr.identity.boundary.SecurityEventType;

/** One entry of the append-only security event log: who did what to whom, when, why, from where. */
@Entity
@Audited
@Table(name = "security_event")
public class SecurityEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "occurred_at", nullable = false, updatable = false)
    private Instant occurredAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private SecurityEventType type;

    @Column(updatable = false)
    private String actor;

    @Column(updatable = false)
    private String subject;

    @Column(nullable = false, updatable = false)
    private String detail;

    @Column(updatable = false)
    private String reason;

    @Column(updatable = false)
    private String channel;

    @Column(name = "client_address", updatable = false)
    private String clientAddress;

    @Column(nullable = false, updatable = false)
    private boolean alert;

    protected SecurityEvent() {
    }

    public SecurityEvent(SecurityEventType type, String actor, String subject, String detail, String reason,
                         String channel, String clientAddress, Instant now) {
        this.type = Objects.requireNonNull(type);
        // user names are at most 64 characters; what someone typed into a login form may be longer
        this.actor = actor == null ? null : truncate(actor, 64);
        this.subject = subject == null ? null : truncate(subject, 64);
        this.detail = truncate(Objects.requireNonNull(detail), 2000);
        this.reason = reason == null ? null : truncate(reason, 1000);
        this.channel = channel;
        this.clientAddress = clientAddress == null ? null : truncate(clientAddress, 64);
        this.alert = type.alert();
        this.occurredAt = now;
    }

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }

    public Long id() { return id; }
    public Instant occurredAt() { return occurredAt; }
    public SecurityEventType type() { return type; }
    public String actor() { return actor; }
    public String subject() { return subject; }
    public String detail() { return detail; }
    public String reason() { return reason; }
    public String channel() { return channel; }
    public String clientAddress() { return clientAddress; }
    public boolean alert() { return alert; }
}
