package org.openebr.erp.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.hibernate.envers.Audited;

/**
 * A production order as the ERP sent it last, with the batch it became. A change of the order before the
 * batch is dispatched is a new revision (every revision is in the audit trail, as the technical account);
 * its number, batch and material never change (a trigger refuses it).
 */
@Entity
@Audited
@Table(name = "erp_order")
public class ErpOrder {

    @Id
    private UUID id;

    @Column(name = "order_number", nullable = false, updatable = false)
    private String orderNumber;

    @Column(name = "batch_id", nullable = false, updatable = false)
    private String batchId;

    @Column(nullable = false, updatable = false)
    private String material;

    @Column(nullable = false, precision = 18, scale = 6)
    private BigDecimal quantity;

    @Column(nullable = false)
    private String unit;

    @Column(name = "due_date")
    private LocalDate dueDate;

    @Column(name = "requested_version")
    private Integer requestedVersion;

    @Column(nullable = false)
    private String format;

    @Column(name = "content_sha256", nullable = false)
    private String contentSha256;

    @Column(nullable = false)
    private int revision;

    @Column(name = "received_at", nullable = false)
    private Instant receivedAt;

    @Column(name = "received_by", nullable = false)
    private String receivedBy;

    @Version
    @Column(name = "row_version", nullable = false)
    private long rowVersion;

    protected ErpOrder() {
    }

    /** What the ERP says of an order. */
    public record Content(String orderNumber, String material, BigDecimal quantity, String unit, LocalDate dueDate,
                          Integer requestedVersion, String format, String sha256) {
    }

    public ErpOrder(Content c, String batchId, String by, Instant at) {
        this.id = UUID.randomUUID();
        this.orderNumber = c.orderNumber();
        this.batchId = batchId;
        this.material = c.material();
        this.revision = 1;
        take(c, by, at);
    }

    /** The order as changed by the ERP: the next revision. */
    public void changed(Content c, String by, Instant at) {
        revision++;
        take(c, by, at);
    }

    private void take(Content c, String by, Instant at) {
        this.quantity = c.quantity();
        this.unit = c.unit();
        this.dueDate = c.dueDate();
        this.requestedVersion = c.requestedVersion();
        this.format = c.format();
        this.contentSha256 = c.sha256();
        this.receivedAt = at;
        this.receivedBy = by;
    }

    public String orderNumber() {
        return orderNumber;
    }

    public String batchId() {
        return batchId;
    }

    public String material() {
        return material;
    }

    public BigDecimal quantity() {
        return quantity;
    }

    public String unit() {
        return unit;
    }

    public LocalDate dueDate() {
        return dueDate;
    }

    public Integer requestedVersion() {
        return requestedVersion;
    }

    public String format() {
        return format;
    }

    public String contentSha256() {
        return contentSha256;
    }

    public int revision() {
        return revision;
    }

    public Instant receivedAt() {
        return receivedAt;
    }

    public String receivedBy() {
        return receivedBy;
    }
}
