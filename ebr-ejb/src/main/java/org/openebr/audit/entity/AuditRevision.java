package org.openebr.audit.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.envers.RevisionEntity;
import org.hibernate.envers.RevisionNumber;
import org.hibernate.envers.RevisionTimestamp;
import org.openebr.audit.control.AuditRevisionListener;

/**
 * One Envers revision = one business transaction: who (user name, printed name, acting role),
 * what command, why, from where, and when (UTC, with the site zone in force). Its audit rows in
 * the {@code *_aud} tables carry the values. Append-only in the database.
 */
@Entity
@Table(name = "audit_revision")
@RevisionEntity(AuditRevisionListener.class)
public class AuditRevision {

    public static final int TEXT = 1000;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "audit_revision_seq")
    @SequenceGenerator(name = "audit_revision_seq", sequenceName = "audit_revision_seq", allocationSize = 1)
    @RevisionNumber
    private long id;

    /** Set by Envers from the JVM's clock; {@link #recordedAt} (the server's injected clock) is authoritative. */
    @RevisionTimestamp
    @Column(name = "timestamp_ms", nullable = false)
    private long timestampMillis;

    @Column(name = "recorded_at", nullable = false)
    private Instant recordedAt;

    @Column(name = "site_zone", nullable = false)
    private String siteZone;

    @Column(name = "user_name", nullable = false)
    private String userName;

    @Column(name = "full_name", nullable = false)
    private String fullName;

    @Column(name = "acting_role", nullable = false)
    private String actingRole;

    @Column(name = "command", nullable = false)
    private String command;

    @Column(name = "reason")
    private String reason;

    @Column(name = "channel", nullable = false)
    private String channel;

    @Column(name = "client_address", nullable = false)
    private String clientAddress;

    @Column(name = "correlation_id", nullable = false)
    private String correlationId;

    protected AuditRevision() {
    }

    /** Called once by the revision listener, before the revision is written. */
    public void describe(Instant recordedAt, String siteZone, String userName, String fullName, String actingRole,
                         String command, String reason, String channel, String clientAddress, String correlationId) {
        this.recordedAt = recordedAt;
        this.siteZone = siteZone;
        this.userName = clip(userName, 64);
        this.fullName = clip(fullName, 200);
        this.actingRole = clip(actingRole, 64);
        this.command = clip(command, 200);
        this.reason = reason == null ? null : clip(reason, TEXT);
        this.channel = clip(channel, 16);
        this.clientAddress = clip(clientAddress, 64);
        this.correlationId = clip(correlationId, 64);
    }

    public long id() {
        return id;
    }

    public String reason() {
        return reason;
    }

    private static String clip(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }
}
