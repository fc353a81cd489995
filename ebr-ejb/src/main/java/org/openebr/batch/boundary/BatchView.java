package org.openebr.batch.boundary;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A batch with its control recipe's steps as scaled and where each stands, its deviations and its
 * status history.
 *
 * @param contentHash the SHA-256 of the master recipe version the batch was made from
 */
public record BatchView(String batchId, String recipeId, int recipeVersion, String contentHash, String product,
                        BigDecimal plannedQuantity, String unit, BigDecimal scaleFactor, String status, String heldFrom,
                        String line, String statusReason, Instant statusChangedAt, String statusChangedBy,
                        Instant createdAt, String createdBy, String reason, List<StepView> steps,
                        List<DeviationView> deviations, List<EventView> events) {

    /** One step of the control recipe and its state: WAITING, AVAILABLE, RECORDED, PERFORMED (awaits the verifier), DONE. */
    public record StepView(String stepId, String name, String type, String unitProcedure, String operation,
                           List<String> after, String state, boolean verifierRequired, String instruction,
                           List<String> choices, String unit, Integer precision, BigDecimal target, BigDecimal lower,
                           BigDecimal upper, BigDecimal alertLower, BigDecimal alertUpper, ChargeView charge,
                           String equipmentClass, List<String> equipmentChecks, String formula, String tag,
                           List<String> qualifications, int revision, EntryView current, String recordedBy,
                           String performedBy, String verifiedBy, boolean flagged) {
    }

    /** A material charge scaled to the batch: the quantity and the band the dispensed container must hold. */
    public record ChargeView(String material, BigDecimal quantity, BigDecimal lower, BigDecimal upper, String unit,
                             BigDecimal tolerancePercent) {
    }

    /** One status change. */
    public record EventView(int seq, String from, String to, String reason, String by, Instant at, boolean signed) {
    }
}
