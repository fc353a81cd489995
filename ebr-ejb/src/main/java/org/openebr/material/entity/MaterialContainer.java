package org.openebr.material.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.hibernate.envers.Audited;

/**
 * A container (sub-lot) of a lot: a drum or bag received, or a container weighed into for one batch
 * and step. Its quantity is the running balance of its {@link ContainerEvent}s and never goes below
 * zero (the database refuses it too); where it is and who holds it move with custody events.
 */
@Entity
@Audited
@Table(name = "material_container")
public class MaterialContainer {

    /** How a container came to be. */
    public enum Origin { RECEIVED, DISPENSED }

    @Id
    private UUID id;

    @Column(name = "container_id", nullable = false, updatable = false)
    private String containerId;

    @Column(name = "lot_ref", nullable = false, updatable = false)
    private UUID lotRef;

    @Column(nullable = false, precision = 18, scale = 6)
    private BigDecimal quantity;

    @Column(nullable = false, updatable = false)
    private String unit;

    @Column(updatable = false, precision = 18, scale = 6)
    private BigDecimal tare;

    @Column(nullable = false)
    private String location;

    @Column
    private String holder;

    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private Origin origin;

    @Column(updatable = false)
    private String batch;

    @Column(updatable = false)
    private String step;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "created_by", nullable = false, updatable = false)
    private String createdBy;

    @Version
    @Column(name = "row_version", nullable = false)
    private long rowVersion;

    protected MaterialContainer() {
    }

    private MaterialContainer(String containerId, UUID lotRef, BigDecimal quantity, String unit, BigDecimal tare,
                              String location, Origin origin, String batch, String step, String by, Instant now) {
        if (quantity.signum() <= 0) {
            throw new IllegalArgumentException("container " + containerId + ": a quantity above zero, not " + quantity);
        }
        this.id = UUID.randomUUID();
        this.containerId = Objects.requireNonNull(containerId);
        this.lotRef = Objects.requireNonNull(lotRef);
        this.quantity = quantity;
        this.unit = Objects.requireNonNull(unit);
        this.tare = tare;
        this.location = Objects.requireNonNull(location);
        this.origin = origin;
        this.batch = batch;
        this.step = step;
        this.createdBy = Objects.requireNonNull(by);
        this.createdAt = Objects.requireNonNull(now);
    }

    /** A container as received with its lot. */
    public static MaterialContainer received(String containerId, UUID lotRef, BigDecimal quantity, String unit,
                                             BigDecimal tare, String location, String by, Instant now) {
        return new MaterialContainer(containerId, lotRef, quantity, unit, tare, location, Origin.RECEIVED, null, null,
                by, now);
    }

    /** A container weighed into for one batch and step; the performer holds it. */
    public static MaterialContainer dispensed(String containerId, UUID lotRef, BigDecimal net, String unit,
                                              BigDecimal tare, String location, String batch, String step, String by,
                                              Instant now) {
        MaterialContainer c = new MaterialContainer(containerId, lotRef, net, unit, tare, location, Origin.DISPENSED,
                Objects.requireNonNull(batch), Objects.requireNonNull(step), by, now);
        c.holder = by;
        return c;
    }

    /** Takes a quantity (in the container's unit) out; never below zero. */
    public void take(BigDecimal amount) {
        if (amount.signum() <= 0 || amount.compareTo(quantity) > 0) {
            throw new IllegalArgumentException("container " + containerId + " holds " + quantity + " " + unit
                    + "; " + amount + " cannot be taken");
        }
        quantity = quantity.subtract(amount);
    }

    /** Moves it to a place and, when named, into a person's hands. */
    public void moveTo(String location, String holder) {
        this.location = Objects.requireNonNull(location);
        this.holder = holder;
    }

    public boolean empty() {
        return quantity.signum() == 0;
    }

    public UUID id() { return id; }
    public String containerId() { return containerId; }
    public UUID lotRef() { return lotRef; }
    public BigDecimal quantity() { return quantity; }
    public String unit() { return unit; }
    public BigDecimal tare() { return tare; }
    public String location() { return location; }
    public String holder() { return holder; }
    public Origin origin() { return origin; }
    public String batch() { return batch; }
    public String step() { return step; }
    public Instant createdAt() { return createdAt; }
    public String createdBy() { return createdBy; }
}
