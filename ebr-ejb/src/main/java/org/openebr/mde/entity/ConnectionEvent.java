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
 * One line of a connection's log: connected, lost, refused (an untrusted certificate, a wrong password),
 * a node refused, trusted, configured. Append-only. The time between LOST and the next CONNECTED is a
 * gap in the machine data, shown as such.
 */
@Entity
@Table(name = "opcua_connection_event")
public class ConnectionEvent {

    /** What happened. */
    public enum Kind {
        CONNECTED, LOST, REFUSED, NODE_REFUSED, TRUSTED, CONFIGURED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "connection_id", nullable = false, updatable = false)
    private UUID connectionId;

    @Column(nullable = false, updatable = false)
    private Instant at;

    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private Kind kind;

    @Column(nullable = false, updatable = false)
    private String detail;

    protected ConnectionEvent() {
    }

    public ConnectionEvent(UUID connectionId, Instant at, Kind kind, String detail) {
        this.connectionId = connectionId;
        this.at = at;
        this.kind = kind;
        this.detail = detail.length() > 1000 ? detail.substring(0, 997) + "..." : detail;
    }

    public Long id() {
        return id;
    }

    public UUID connectionId() {
        return connectionId;
    }

    public Instant at() {
        return at;
    }

    public Kind kind() {
        return kind;
    }

    public String detail() {
        return detail;
    }
}
