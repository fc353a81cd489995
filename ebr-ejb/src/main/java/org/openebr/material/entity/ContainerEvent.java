package org.openebr.material.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.hibernate.envers.Audited;

/**
 * One entry of a container's history, numbered in order per container (append-only): what
 * happened, how much, the balance after it, from where and whom to where and whom, who recorded it,
 * when and why. The custody history of a container is its events.
 */
@Entity
@Audited
@Table(name = "container_event")
public class ContainerEvent {

    /** What happened to the container. */
    public enum Kind { RECEIVED, DISPENSED, DISPENSED_FROM, SPLIT, MOVED, HANDED_OVER, EMPTIED, CONSUMED }

    @Id
    private UUID id;

    @Column(name = "container_ref", nullable = false, updatable = false)
    private UUID containerRef;

    @Column(nullable = false, updatable = false)
    private int seq;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private Kind kind;

    @Column(updatable = false, precision = 18, scale = 6)
    private BigDecimal quantity;

    @Column(nullable = false, updatable = false, precision = 18, scale = 6)
    private BigDecimal balance;

    @Column(nullable = false, updatable = false)
    private String unit;

    @Column(name = "from_location", updatable = false)
    private String fromLocation;

    @Column(name = "to_location", updatable = false)
    private String toLocation;

    @Column(name = "from_person", updatable = false)
    private String fromPerson;

    @Column(name = "to_person", updatable = false)
    private String toPerson;

    /** The receiving person confirmed the hand-over with their password. */
    @Column(name = "received_by_signature", nullable = false, updatable = false)
    private boolean receivedBySignature;

    /** The dispensing or other container this event belongs to. */
    @Column(updatable = false)
    private String reference;

    /** Something a reviewer must see, e.g. a use at a place the container was never transferred to. */
    @Column(updatable = false)
    private String flag;

    @Column(name = "recorded_by", nullable = false, updatable = false)
    private String recordedBy;

    @Column(name = "recorded_at", nullable = false, updatable = false)
    private Instant recordedAt;

    @Column(nullable = false, updatable = false)
    private String reason;

    protected ContainerEvent() {
    }

    /** The facts of one event, apart from its place in the container's history. */
    public record Facts(Kind kind, BigDecimal quantity, BigDecimal balance, String unit, String fromLocation,
                        String toLocation, String fromPerson, String toPerson, boolean receivedBySignature,
                        String reference, String flag, String reason) {
    }

    public ContainerEvent(UUID containerRef, int seq, Facts facts, String by, Instant now) {
        this.id = UUID.randomUUID();
        this.containerRef = Objects.requireNonNull(containerRef);
        this.seq = seq;
        this.kind = Objects.requireNonNull(facts.kind());
        this.quantity = facts.quantity();
        this.balance = Objects.requireNonNull(facts.balance());
        this.unit = Objects.requireNonNull(facts.unit());
        this.fromLocation = facts.fromLocation();
        this.toLocation = facts.toLocation();
        this.fromPerson = facts.fromPerson();
        this.toPerson = facts.toPerson();
        this.receivedBySignature = facts.receivedBySignature();
        this.reference = facts.reference();
        this.flag = facts.flag();
        this.reason = Objects.requireNonNull(facts.reason());
        this.recordedBy = Objects.requireNonNull(by);
        this.recordedAt = Objects.requireNonNull(now);
    }

    public UUID id() { return id; }
    public UUID containerRef() { return containerRef; }
    public int seq() { return seq; }
    public Kind kind() { return kind; }
    public BigDecimal quantity() { return quantity; }
    public BigDecimal balance() { return balance; }
    public String unit() { return unit; }
    public String fromLocation() { return fromLocation; }
    public String toLocation() { return toLocation; }
    public String fromPerson() { return fromPerson; }
    public String toPerson() { return toPerson; }
    public boolean receivedBySignature() { return receivedBySignature; }
    public String reference() { return reference; }
    public String flag() { return flag; }
    public String recordedBy() { return recordedBy; }
    public Instant recordedAt() { return recordedAt; }
    public String reason() { return reason; }
}
