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
 * One step of genealogy (append-only): material went from a lot or container to a lot, container
 * or batch, as what, when, by whom. Forward trace follows edges from a node, backward trace to it;
 * the ids are the business ids people read (lot id, container id, batch number).
 */
@Entity
@Audited
@Table(name = "genealogy_edge")
public class GenealogyEdge {

    /** What a genealogy node is. */
    public enum Node { LOT, CONTAINER, BATCH }

    /** How material moved along the edge. */
    public enum Kind { RECEIVED_AS, DISPENSED_INTO, SPLIT, MERGED, CONSUMED_INTO }

    @Id
    private UUID id;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_kind", nullable = false, updatable = false)
    private Node fromKind;

    @Column(name = "from_id", nullable = false, updatable = false)
    private String fromId;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_kind", nullable = false, updatable = false)
    private Node toKind;

    @Column(name = "to_id", nullable = false, updatable = false)
    private String toId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private Kind kind;

    @Column(updatable = false, precision = 18, scale = 6)
    private BigDecimal quantity;

    @Column(updatable = false)
    private String unit;

    @Column(updatable = false)
    private String reference;

    @Column(name = "recorded_by", nullable = false, updatable = false)
    private String recordedBy;

    @Column(name = "recorded_at", nullable = false, updatable = false)
    private Instant recordedAt;

    protected GenealogyEdge() {
    }

    public GenealogyEdge(Node fromKind, String fromId, Node toKind, String toId, Kind kind, BigDecimal quantity,
                         String unit, String reference, String by, Instant now) {
        if (fromKind == Node.BATCH) {
            throw new IllegalArgumentException("material goes into a batch here, never out of one");
        }
        this.id = UUID.randomUUID();
        this.fromKind = fromKind;
        this.fromId = Objects.requireNonNull(fromId);
        this.toKind = Objects.requireNonNull(toKind);
        this.toId = Objects.requireNonNull(toId);
        this.kind = Objects.requireNonNull(kind);
        this.quantity = quantity;
        this.unit = unit;
        this.reference = reference;
        this.recordedBy = Objects.requireNonNull(by);
        this.recordedAt = Objects.requireNonNull(now);
    }

    public UUID id() { return id; }
    public Node fromKind() { return fromKind; }
    public String fromId() { return fromId; }
    public Node toKind() { return toKind; }
    public String toId() { return toId; }
    public Kind kind() { return kind; }
    public BigDecimal quantity() { return quantity; }
    public String unit() { return unit; }
    public String reference() { return reference; }
    public String recordedBy() { return recordedBy; }
    public Instant recordedAt() { return recordedAt; }
}
