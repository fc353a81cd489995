package org.openebr.batch.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.envers.Audited;

/**
 * A batch (process order) with its control recipe: the effective master recipe version it was made
 * from, that version's content hash and document, and the formula scaled to the planned quantity, all
 * kept as they were when the batch was made (a trigger refuses any change of them). Its status is an
 * audited column; every change of it is also a {@link BatchEvent} with its reason.
 */
@Entity
@Audited
@Table(name = "batch")
public class Batch {

    @Id
    private UUID id;

    @Column(name = "batch_id", nullable = false, updatable = false)
    private String batchId;

    @Column(name = "recipe_id", nullable = false, updatable = false)
    private String recipeId;

    @Column(name = "recipe_version", nullable = false, updatable = false)
    private int recipeVersion;

    @Column(name = "content_hash", nullable = false, updatable = false)
    private String contentHash;

    @Column(nullable = false, updatable = false)
    private String product;

    /** The master recipe document as JSON, exactly as the effective version held it. */
    @Column(name = "control_recipe", nullable = false, updatable = false)
    private String controlRecipe;

    /** The formula and material charges scaled to the planned quantity, as JSON. */
    @Column(name = "scaled_formula", nullable = false)
    private String scaledFormula;

    @Column(name = "planned_quantity", nullable = false, precision = 18, scale = 6)
    private BigDecimal plannedQuantity;

    @Column(nullable = false)
    private String unit;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private BatchStatus status;

    /** The status a batch on hold resumes to. */
    @Enumerated(EnumType.STRING)
    @Column(name = "held_from")
    private BatchStatus heldFrom;

    /** The line or room the batch was dispatched to. */
    private String line;

    @Column(name = "status_reason", nullable = false)
    private String statusReason;

    @Column(name = "status_changed_at", nullable = false)
    private Instant statusChangedAt;

    @Column(name = "status_changed_by", nullable = false)
    private String statusChangedBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "created_by", nullable = false, updatable = false)
    private String createdBy;

    @Column(nullable = false, updatable = false)
    private String reason;

    @Version
    @Column(name = "row_version", nullable = false)
    private long rowVersion;

    protected Batch() {
    }

    /** The control recipe's origin and content. */
    public record Recipe(String recipeId, int version, String contentHash, String product, String document,
                         String scaledFormula) {
    }

    public Batch(String batchId, Recipe recipe, BigDecimal plannedQuantity, String unit, String reason, String by,
                 Instant at) {
        this.id = UUID.randomUUID();
        this.batchId = batchId;
        this.recipeId = recipe.recipeId();
        this.recipeVersion = recipe.version();
        this.contentHash = recipe.contentHash();
        this.product = recipe.product();
        this.controlRecipe = recipe.document();
        this.scaledFormula = recipe.scaledFormula();
        this.plannedQuantity = plannedQuantity;
        this.unit = unit;
        this.status = BatchStatus.PLANNED;
        this.statusReason = reason;
        this.statusChangedAt = at;
        this.statusChangedBy = by;
        this.createdAt = at;
        this.createdBy = by;
        this.reason = reason;
    }

    /**
     * A new plan for a batch that is still PLANNED (a changed production order before dispatch): the
     * quantity and the formula scaled to it, from the same recipe version. The database refuses it
     * once the batch left PLANNED.
     */
    public void replan(BigDecimal plannedQuantity, String unit, String scaledFormula) {
        if (status != BatchStatus.PLANNED) {
            throw new IllegalStateException("batch " + batchId + " is " + status + ": its plan no longer changes");
        }
        this.plannedQuantity = plannedQuantity;
        this.unit = unit;
        this.scaledFormula = scaledFormula;
    }

    /** Moves the batch to a status; the caller has checked that the move is allowed and records its event. */
    public void moveTo(BatchStatus next, String why, String by, Instant at) {
        this.heldFrom = next == BatchStatus.ON_HOLD ? status : null;
        this.status = next;
        this.statusReason = why;
        this.statusChangedBy = by;
        this.statusChangedAt = at;
    }

    public void dispatchTo(String line) {
        this.line = line;
    }

    public UUID id() {
        return id;
    }

    public String batchId() {
        return batchId;
    }

    public String recipeId() {
        return recipeId;
    }

    public int recipeVersion() {
        return recipeVersion;
    }

    public String contentHash() {
        return contentHash;
    }

    public String product() {
        return product;
    }

    public String controlRecipe() {
        return controlRecipe;
    }

    public String scaledFormula() {
        return scaledFormula;
    }

    public BigDecimal plannedQuantity() {
        return plannedQuantity;
    }

    public String unit() {
        return unit;
    }

    public BatchStatus status() {
        return status;
    }

    public BatchStatus heldFrom() {
        return heldFrom;
    }

    public String line() {
        return line;
    }

    public String statusReason() {
        return statusReason;
    }

    public Instant statusChangedAt() {
        return statusChangedAt;
    }

    public String statusChangedBy() {
        return statusChangedBy;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public String createdBy() {
        return createdBy;
    }

    public String reason() {
        return reason;
    }
}
