package org.openebr.batch.boundary;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.openebr.batch.control.ControlRecipe;
import org.openebr.batch.control.Sequence;
import org.openebr.batch.entity.Batch;
import org.openebr.batch.entity.BatchEvent;
import org.openebr.batch.entity.BatchStatus;
import org.openebr.batch.entity.BatchStep;
import org.openebr.batch.entity.Deviation;
import org.openebr.batch.entity.StepEntry;
import org.openebr.batch.entity.StepState;
import org.openebr.recipe.boundary.EquipmentCheck;
import org.openebr.recipe.boundary.NumericSpec;
import org.openebr.recipe.boundary.ScaledFormula;
import org.openebr.recipe.boundary.Step;

/** Turns batch records into the views the API and the screens show. */
final class BatchViews {

    private BatchViews() {
    }

    static BatchSummary summary(Batch b, List<BatchStep> steps, List<Deviation> deviations) {
        int done = (int) steps.stream().filter(s -> s.state() == StepState.DONE).count();
        int open = (int) deviations.stream().filter(d -> d.status() == Deviation.Status.OPEN).count();
        return new BatchSummary(b.batchId(), b.recipeId(), b.recipeVersion(), b.product(), b.plannedQuantity(), b.unit(),
                b.status().name(), b.line(), b.createdAt(), b.createdBy(), done, steps.size(), open, b.statusChangedAt());
    }

    /** A line of {@link BatchStore#summaries}. */
    static BatchSummary summary(Object[] r) {
        return new BatchSummary((String) r[0], (String) r[1], (Integer) r[2], (String) r[3], (BigDecimal) r[4],
                (String) r[5], ((BatchStatus) r[6]).name(), (String) r[7], (Instant) r[8], (String) r[9],
                ((Number) r[11]).intValue(), ((Number) r[12]).intValue(), ((Number) r[13]).intValue(), (Instant) r[10]);
    }

    static BatchDetail view(Batch b, ControlRecipe recipe, List<BatchStep> steps, List<StepEntry> entries,
                          List<Deviation> deviations, List<BatchEvent> events) {
        Map<String, BatchStep> byId = new HashMap<>();
        Map<String, StepState> states = new HashMap<>();
        for (BatchStep s : steps) {
            byId.put(s.stepId(), s);
            states.put(s.stepId(), s.state());
        }
        Map<String, StepEntry> current = new HashMap<>();
        for (StepEntry e : entries) {
            if (e.kind() != org.openebr.batch.entity.EntryKind.SAMPLE_RESULT) {
                current.merge(e.stepId(), e, (a, c) -> c.seq() > a.seq() ? c : a);
            }
        }
        List<BatchDetail.StepDetail> stepViews = new ArrayList<>();
        for (ControlRecipe.Placed p : recipe.steps()) {
            BatchStep row = byId.get(p.id());
            stepViews.add(step(p, row, Sequence.of(p, states), current.get(p.id())));
        }
        return new BatchDetail(b.batchId(), b.recipeId(), b.recipeVersion(), b.contentHash(), b.product(),
                b.plannedQuantity(), b.unit(), recipe.scaled().factor(), b.status().name(),
                b.heldFrom() == null ? null : b.heldFrom().name(), b.line(), b.statusReason(), b.statusChangedAt(),
                b.statusChangedBy(), b.createdAt(), b.createdBy(), b.reason(), stepViews,
                deviations.stream().map(d -> deviation(b.batchId(), d)).toList(),
                events.stream().sorted(Comparator.comparingInt(BatchEvent::seq)).map(BatchViews::event).toList());
    }

    static BatchDetail.StepDetail step(ControlRecipe.Placed p, BatchStep row, Sequence.Availability availability,
                                   StepEntry current) {
        Step s = p.step();
        NumericSpec n = s.numeric();
        ScaledFormula.Quantity q = p.charge();
        BatchDetail.ScaledCharge charge = q == null ? null : new BatchDetail.ScaledCharge(q.material(), q.quantity(), q.lower(),
                q.upper(), q.unit(), q.tolerancePercent());
        return new BatchDetail.StepDetail(s.id(), s.name(), s.type().name(), p.unitProcedure().name(), p.operation().name(),
                p.after(), availability.name(), p.verifierRequired() || row != null && row.secondPerson(), s.instruction(),
                s.choices(),
                n == null ? null : n.unit(), n == null ? null : n.precision(), n == null ? null : n.target(),
                n == null ? null : n.lower(), n == null ? null : n.upper(), n == null ? null : n.alertLower(),
                n == null ? null : n.alertUpper(), charge, s.equipmentClass(),
                s.equipmentChecks() == null ? null : s.equipmentChecks().stream().map(EquipmentCheck::name).toList(),
                s.formula(), s.tag(), List.copyOf(p.qualifications()), row == null ? 0 : row.revision(),
                current == null ? null : entry(current, s.numeric()), row == null ? null : row.recordedBy(),
                row == null ? null : row.performedBy(), row == null ? null : row.verifiedBy(), row != null && row.flagged(),
                s.statistic());
    }

    /** The entry, its value with the decimals the recipe records it with (the column keeps more). */
    static EntryFacts entry(StepEntry e, NumericSpec spec) {
        return new EntryFacts(e.stepId(), e.seq(), e.kind().name(), e.rawValue(), recorded(e.numericValue(), spec), e.unit(), e.textValue(), e.acknowledged(), e.containerId(),
                e.lotId(), e.equipmentId(), e.sampleId(), e.judgement() == null ? null : e.judgement().name(), e.manual(),
                e.late(), e.performedAt(), e.reason(), e.details(), e.deviationId(), e.recordedBy(), e.recordedAt(),
                e.machine() == null ? null : e.machine().source(), e.machine() == null ? null : e.machine().nodeId(),
                e.machine() == null ? null : e.machine().statusCode(), e.machine() == null ? null : e.machine().quality(),
                e.machine() == null ? null : e.machine().sourceTime(), e.machine() == null ? null : e.machine().serverTime(),
                e.machine() == null ? null : e.machine().plausibility());
    }

    static java.math.BigDecimal recorded(java.math.BigDecimal value, NumericSpec spec) {
        if (value == null) {
            return null;
        }
        if (spec != null && spec.precision() != null) {
            return value.setScale(spec.precision(), java.math.RoundingMode.HALF_UP);
        }
        java.math.BigDecimal plain = value.stripTrailingZeros();
        return plain.scale() < 0 ? plain.setScale(0) : plain;
    }

    static DeviationFacts deviation(String batchId, Deviation d) {
        return new DeviationFacts(d.deviationId(), batchId, d.stepId(), d.origin().name(), d.description(), d.status().name(),
                d.classification() == null ? null : d.classification().name(), d.classifiedBy(), d.classifiedAt(),
                d.classificationReason(), d.raisedBy(), d.raisedAt(), d.closedAt() == null ? null
                : new DeviationFacts.Closure(d.rootCause(), d.impact(), d.capaReference(), d.closedBy(), d.closedAt()));
    }

    static BatchDetail.StatusEvent event(BatchEvent e) {
        return new BatchDetail.StatusEvent(e.seq(), e.fromStatus() == null ? null : e.fromStatus().name(), e.toStatus().name(),
                e.reason(), e.recordedBy(), e.recordedAt(), e.signed());
    }
}
