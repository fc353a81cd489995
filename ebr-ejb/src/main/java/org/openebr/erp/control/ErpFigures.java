package org.openebr.erp.control;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openebr.batch.boundary.BatchDetail;
import org.openebr.batch.boundary.EntryFacts;
import org.openebr.batch.boundary.OperationEvents;

/**
 * What a batch produced, as its record says, for the ERP: the quantity produced (the step a yield
 * calculation in % divides, e.g. good vials), the rejects with their reasons (the steps a reconciliation
 * subtracts beside the produced one, e.g. rejects for particles) and the actual start and end of every
 * operation (its first and last entry, for costing). Figures come from the record's current entries, so a
 * correction is counted with its corrected value.
 */
public final class ErpFigures {

    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern SUBTRACTED = Pattern.compile("-\\s*([A-Za-z_][A-Za-z0-9_]*)");

    /** A quantity recorded by a step. */
    public record Quantity(String stepId, String name, BigDecimal quantity, String unit) {
    }

    /** The actual times of one operation, with its downtime in minutes and its downtime, scrap and rework events. */
    public record OperationTimes(String unitProcedure, String operation, Instant start, Instant end,
                                 BigDecimal downtimeMinutes, List<OperationEvents.OperationEventFacts> losses) {

        public OperationTimes(String unitProcedure, String operation, Instant start, Instant end) {
            this(unitProcedure, operation, start, end, BigDecimal.ZERO, List.of());
        }
    }

    /** Everything the production confirmation needs. */
    public record Figures(Quantity produced, List<Quantity> rejects, Quantity yield, List<OperationTimes> operations,
                          Instant start, Instant end) {
    }

    private ErpFigures() {
    }

    /**
     * The figures with the shop-floor data of each operation (MES-BDE-1): its downtime and the downtime, scrap and
     * rework events recorded on it (an operation with events but no entry yet is listed too).
     */
    public static Figures of(BatchDetail b, List<OperationEvents.OperationFacts> shopFloor) {
        Figures f = of(b);
        List<OperationTimes> operations = new ArrayList<>();
        for (OperationTimes t : f.operations()) {
            OperationEvents.OperationFacts o = shopFloor.stream().filter(x -> x.unitProcedure().equals(t.unitProcedure())
                    && x.operation().equals(t.operation())).findFirst().orElse(null);
            operations.add(o == null ? t : new OperationTimes(t.unitProcedure(), t.operation(), t.start(), t.end(),
                    o.downtimeMinutes(), o.events()));
        }
        for (OperationEvents.OperationFacts o : shopFloor) {
            if (!o.events().isEmpty() && operations.stream().noneMatch(t -> t.unitProcedure().equals(o.unitProcedure())
                    && t.operation().equals(o.operation()))) {
                Instant first = o.events().get(0).recordedAt();
                operations.add(new OperationTimes(o.unitProcedure(), o.operation(), first, first, o.downtimeMinutes(),
                        o.events()));
            }
        }
        return new Figures(f.produced(), f.rejects(), f.yield(), List.copyOf(operations), f.start(), f.end());
    }

    public static Figures of(BatchDetail b) {
        Map<String, BatchDetail.StepDetail> byId = new LinkedHashMap<>();
        b.steps().forEach(st -> byId.put(st.stepId(), st));
        Quantity produced = null;
        Quantity yield = null;
        for (BatchDetail.StepDetail st : b.steps()) {
            if (!"CALCULATION".equals(st.type()) || !"%".equals(st.unit()) || st.formula() == null) {
                continue;
            }
            Matcher names = NAME.matcher(st.formula());
            while (names.find() && produced == null) {
                BatchDetail.StepDetail step = byId.get(names.group());
                if (step != null && step.current() != null && step.current().value() != null) {
                    produced = quantity(step);
                    yield = st.current() == null || st.current().value() == null ? null : quantity(st);
                }
            }
        }
        List<Quantity> rejects = new ArrayList<>();
        if (produced != null) {
            for (BatchDetail.StepDetail st : b.steps()) {
                if (!"CALCULATION".equals(st.type()) || st.formula() == null || !st.formula().matches(
                        "(?s).*-\\s*" + Pattern.quote(produced.stepId()) + "\\b.*")) {
                    continue;
                }
                Matcher minus = SUBTRACTED.matcher(st.formula());
                while (minus.find()) {
                    BatchDetail.StepDetail step = byId.get(minus.group(1));
                    if (step != null && !step.stepId().equals(produced.stepId()) && step.current() != null
                            && step.current().value() != null && rejects.stream().noneMatch(r -> r.stepId()
                            .equals(step.stepId()))) {
                        rejects.add(quantity(step));
                    }
                }
            }
        }
        Map<String, OperationTimes> operations = new LinkedHashMap<>();
        Instant start = null;
        Instant end = null;
        for (BatchDetail.StepDetail st : b.steps()) {
            EntryFacts e = st.current();
            if (e == null) {
                continue;
            }
            Instant at = e.late() && e.performedAt() != null ? e.performedAt() : e.recordedAt();
            String key = st.unitProcedure() + "\u0000" + st.operation();
            OperationTimes was = operations.get(key);
            operations.put(key, new OperationTimes(st.unitProcedure(), st.operation(),
                    was == null || at.isBefore(was.start()) ? at : was.start(),
                    was == null || at.isAfter(was.end()) ? at : was.end()));
            start = start == null || at.isBefore(start) ? at : start;
            end = end == null || at.isAfter(end) ? at : end;
        }
        return new Figures(produced, rejects, yield, List.copyOf(operations.values()), start, end);
    }

    private static Quantity quantity(BatchDetail.StepDetail st) {
        return new Quantity(st.stepId(), st.name(), st.current().value(), st.current().unit());
    }
}
