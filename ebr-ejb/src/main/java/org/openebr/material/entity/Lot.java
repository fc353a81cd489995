package org.openebr.material.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;
import org.hibernate.envers.Audited;

/**
 * A lot: one quantity of one material with one identity and one QA status, received from a
 * supplier. Its identity, receipt and dates never change; its status moves only along
 * {@link LotStatus}, each move with who, when and why.
 */
@Entity
@Audited
@Table(name = "lot")
public class Lot {

    @Id
    private UUID id;

    @Column(name = "lot_id", nullable = false, updatable = false)
    private String lotId;

    @Column(name = "material_id", nullable = false, updatable = false)
    private UUID materialId;

    @Column(nullable = false, updatable = false)
    private String supplier;

    @Column(name = "supplier_lot", nullable = false, updatable = false)
    private String supplierLot;

    @Column(name = "expiry_date", nullable = false, updatable = false)
    private LocalDate expiryDate;

    @Column(name = "retest_date", updatable = false)
    private LocalDate retestDate;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private LotStatus status;

    /** The status a blocked lot returns to when QA lifts the block; null unless blocked. */
    @Enumerated(EnumType.STRING)
    @Column(name = "blocked_from")
    private LotStatus blockedFrom;

    @Column(name = "status_reason", nullable = false)
    private String statusReason;

    @Column(name = "status_changed_at", nullable = false)
    private Instant statusChangedAt;

    @Column(name = "status_changed_by", nullable = false)
    private String statusChangedBy;

    @Column(name = "received_at", nullable = false, updatable = false)
    private Instant receivedAt;

    @Column(name = "received_by", nullable = false, updatable = false)
    private String receivedBy;

    @Version
    @Column(name = "row_version", nullable = false)
    private long rowVersion;

    protected Lot() {
    }

    /** A goods receipt: the lot starts in quarantine. */
    public Lot(String lotId, UUID materialId, String supplier, String supplierLot, LocalDate expiryDate,
               LocalDate retestDate, String reason, String by, Instant now) {
        this.id = UUID.randomUUID();
        this.lotId = Objects.requireNonNull(lotId);
        this.materialId = Objects.requireNonNull(materialId);
        this.supplier = Objects.requireNonNull(supplier);
        this.supplierLot = Objects.requireNonNull(supplierLot);
        this.expiryDate = Objects.requireNonNull(expiryDate);
        this.retestDate = retestDate;
        this.status = LotStatus.QUARANTINE;
        this.statusReason = Objects.requireNonNull(reason);
        this.statusChangedAt = Objects.requireNonNull(now);
        this.statusChangedBy = Objects.requireNonNull(by);
        this.receivedAt = now;
        this.receivedBy = by;
    }

    /** Moves the status on; the caller has checked the rules (who decides, four eyes). */
    public void moveTo(LotStatus target, String reason, String by, Instant now) {
        if (!status.canBecome(target)) {
            throw new IllegalStateException("lot " + lotId + ": " + status + " -> " + target);
        }
        this.blockedFrom = target == LotStatus.BLOCKED ? status : null;
        this.status = target;
        this.statusReason = Objects.requireNonNull(reason);
        this.statusChangedAt = Objects.requireNonNull(now);
        this.statusChangedBy = Objects.requireNonNull(by);
    }

    /** Expired on that day: the day after its expiry date (the expiry date itself is still usable). */
    public boolean expiredOn(LocalDate today) {
        return today.isAfter(expiryDate);
    }

    /** Past its retest date on that day: usable again only after a retest. */
    public boolean retestDueOn(LocalDate today) {
        return retestDate != null && today.isAfter(retestDate);
    }

    public boolean receivedBy(String userName) {
        return receivedBy.equalsIgnoreCase(userName);
    }

    public UUID id() { return id; }
    public String lotId() { return lotId; }
    public UUID materialId() { return materialId; }
    public String supplier() { return supplier; }
    public String supplierLot() { return supplierLot; }
    public LocalDate expiryDate() { return expiryDate; }
    public LocalDate retestDate() { return retestDate; }
    public LotStatus status() { return status; }
    public LotStatus blockedFrom() { return blockedFrom; }
    public String statusReason() { return statusReason; }
    public Instant statusChangedAt() { return statusChangedAt; }
    public String statusChangedBy() { return statusChangedBy; }
    public Instant receivedAt() { return receivedAt; }
    public String receivedBy() { return receivedBy; }
    public long rowVersion() { return rowVersion; }
}
