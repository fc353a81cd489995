package org.openebr.material.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.hibernate.envers.Audited;

/**
 * One weighing (append-only): from which container into which, for which batch and step, target
 * and tolerance, gross, tare and net as weighed on which balance, where, by whom, verified by whom,
 * and when, to the microsecond (each dispensing has its own time stamp).
 */
@Entity
@Audited
@Table(name = "dispensing")
public class Dispensing {

    /** What was weighed, as the balance showed it. */
    public record Weighing(BigDecimal target, BigDecimal tolerancePercent, BigDecimal gross, BigDecimal tare,
                           String unit, String balanceId) {
        public BigDecimal net() {
            return gross.subtract(tare);
        }
    }

    @Id
    private UUID id;

    @Column(name = "dispensing_id", nullable = false, updatable = false)
    private String dispensingId;

    @Column(name = "source_container", nullable = false, updatable = false)
    private String sourceContainer;

    @Column(name = "dispensed_container", nullable = false, updatable = false)
    private String dispensedContainer;

    @Column(name = "lot_id", nullable = false, updatable = false)
    private String lotId;

    @Column(name = "material_number", nullable = false, updatable = false)
    private String materialNumber;

    @Column(nullable = false, updatable = false)
    private String batch;

    @Column(nullable = false, updatable = false)
    private String step;

    @Column(nullable = false, updatable = false, precision = 18, scale = 6)
    private BigDecimal target;

    @Column(name = "tolerance_percent", nullable = false, updatable = false, precision = 9, scale = 4)
    private BigDecimal tolerancePercent;

    @Column(nullable = false, updatable = false, precision = 18, scale = 6)
    private BigDecimal gross;

    @Column(nullable = false, updatable = false, precision = 18, scale = 6)
    private BigDecimal tare;

    @Column(nullable = false, updatable = false, precision = 18, scale = 6)
    private BigDecimal net;

    @Column(nullable = false, updatable = false)
    private String unit;

    @Column(name = "balance_id", nullable = false, updatable = false)
    private String balanceId;

    @Column(nullable = false, updatable = false)
    private String location;

    @Column(name = "location_flag", updatable = false)
    private String locationFlag;

    @Column(name = "performed_by", nullable = false, updatable = false)
    private String performedBy;

    @Column(name = "verified_by", updatable = false)
    private String verifiedBy;

    @Column(name = "dispensed_at", nullable = false, updatable = false)
    private Instant dispensedAt;

    protected Dispensing() {
    }

    public Dispensing(String dispensingId, String sourceContainer, String dispensedContainer, String lotId,
                      String materialNumber, String batch, String step, Weighing weighing, String location,
                      String locationFlag, String performedBy, String verifiedBy, Instant now) {
        this.id = UUID.randomUUID();
        this.dispensingId = Objects.requireNonNull(dispensingId);
        this.sourceContainer = Objects.requireNonNull(sourceContainer);
        this.dispensedContainer = Objects.requireNonNull(dispensedContainer);
        this.lotId = Objects.requireNonNull(lotId);
        this.materialNumber = Objects.requireNonNull(materialNumber);
        this.batch = Objects.requireNonNull(batch);
        this.step = Objects.requireNonNull(step);
        this.target = weighing.target();
        this.tolerancePercent = weighing.tolerancePercent();
        this.gross = weighing.gross();
        this.tare = weighing.tare();
        this.net = weighing.net();
        this.unit = weighing.unit();
        this.balanceId = weighing.balanceId();
        this.location = Objects.requireNonNull(location);
        this.locationFlag = locationFlag;
        this.performedBy = Objects.requireNonNull(performedBy);
        this.verifiedBy = verifiedBy;
        this.dispensedAt = Objects.requireNonNull(now);
    }

    public UUID id() { return id; }
    public String dispensingId() { return dispensingId; }
    public String sourceContainer() { return sourceContainer; }
    public String dispensedContainer() { return dispensedContainer; }
    public String lotId() { return lotId; }
    public String materialNumber() { return materialNumber; }
    public String batch() { return batch; }
    public String step() { return step; }
    public BigDecimal target() { return target; }
    public BigDecimal tolerancePercent() { return tolerancePercent; }
    public BigDecimal gross() { return gross; }
    public BigDecimal tare() { return tare; }
    public BigDecimal net() { return net; }
    public String unit() { return unit; }
    public String balanceId() { return balanceId; }
    public String location() { return location; }
    public String locationFlag() { return locationFlag; }
    public String performedBy() { return performedBy; }
    public String verifiedBy() { return verifiedBy; }
    public Instant dispensedAt() { return dispensedAt; }
}
