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
public record BatchDetail(String batchId, String recipeId, int recipeVersion, String contentHash, String product,
                        BigDecimal plannedQuantity, String unit, BigDecimal scaleFactor, String status, String heldFrom,
                        String line, String statusReason, Instant statusChangedAt, String statusChangedBy,
                        Instant createdAt, String createdBy, String reason, List<StepDetail> steps,
                        List<DeviationFacts> deviations, List<StatusEvent> events) {

    /** One step of the control recipe and its state: WAITING, AVAILABLE, RECORDED, PERFORMED (awaits the verifier), DONE. */
    public record StepDetail(String stepId, String name, String type, String unitProcedure, String operation,
                           List<String> after, String state, boolean verifierRequired, String instruction,
                           List<String> choices, String unit, Integer precision, BigDecimal target, BigDecimal lower,
                           BigDecimal upper, BigDecimal alertLower, BigDecimal alertUpper, ScaledCharge charge,
                           String equipmentClass, List<String> equipmentChecks, String formula, String tag,
                           List<String> qualifications, int revision, EntryFacts current, String recordedBy,
                           String performedBy, String verifiedBy, boolean flagged, String statistic) {

        /** A step that records no statistic. */
        public StepDetail(String stepId, String name, String type, String unitProcedure, String operation,
                          List<String> after, String state, boolean verifierRequired, String instruction,
                          List<String> choices, String unit, Integer precision, BigDecimal target, BigDecimal lower,
                          BigDecimal upper, BigDecimal alertLower, BigDecimal alertUpper, ScaledCharge charge,
                          String equipmentClass, List<String> equipmentChecks, String formula, String tag,
                          List<String> qualifications, int revision, EntryFacts current, String recordedBy,
                          String performedBy, String verifiedBy, boolean flagged) {
            this(stepId, name, type, unitProcedure, operation, after, state, verifierRequired, instruction, choices, unit,
                    precision, target, lower, upper, alertLower, alertUpper, charge, equipmentClass, equipmentChecks, formula,
                    tag, qualifications, revision, current, recordedBy, performedBy, verifiedBy, flagged, null);
        }
    }

    /** A material charge scaled to the batch: the quantity and the band the dispensed container must hold. */
    public record ScaledCharge(String material, BigDecimal quantity, BigDecimal lower, BigDecimal upper, String unit,
                             BigDecimal tolerancePercent) {
    }

    /** One status change. */
    public record StatusEvent(int seq, String from, String to, String reason, String by, Instant at, boolean signed) {
    }
}
