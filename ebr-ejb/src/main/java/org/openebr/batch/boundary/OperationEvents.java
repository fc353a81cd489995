package org.openebr.batch.boundary;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.openebr.batch.control.BatchStore;
import org.openebr.batch.control.ControlRecipe;
import org.openebr.batch.entity.Batch;
import org.openebr.batch.entity.BatchStatus;
import org.openebr.batch.entity.OperationEvent;
import org.openebr.batch.entity.StepEntry;
import org.openebr.platform.boundary.DomainException.Violation;
import org.openebr.platform.control.ChangeContext;
import org.openebr.recipe.boundary.Operation;
import org.openebr.recipe.boundary.UnitProcedure;

/**
 * Shop-floor data collection per operation (MES-BDE-1): each operation's actual start and end (its first and
 * last entry), and the downtime, scrap and rework the people on the floor record with a cause code. Recorded
 * while the batch runs or is on hold; a correction or withdrawal is a new event with a reason, the first stays.
 * The figures go to the batch record and to the ERP's production confirmation.
 */
@Stateless
@RolesAllowed({"OPERATOR", "SUPERVISOR", "QA_REVIEWER", "QA_RELEASER", "INSPECTOR"})
public class OperationEvents {

    private static final int TEXT = 1000;
    private static final BigDecimal MAX_QUANTITY = new BigDecimal("1000000000");
    /** A downtime longer than this is a typing error (a week). */
    private static final Duration LONGEST_DOWNTIME = Duration.ofDays(7);
    /** The clocks of a terminal and the server may differ this much. */
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(2);
    private static final Set<BatchStatus> RECORDABLE = Set.of(BatchStatus.READY, BatchStatus.IN_PROGRESS,
            BatchStatus.ON_HOLD);

    /** One downtime, scrap or rework as recorded; {@code correctedBy} the event that replaced it, else null. */
    public record OperationEventFacts(int seq, String operationId, String kind, String cause, Instant from, Instant to,
                                      BigDecimal minutes, BigDecimal quantity, String unit, String comment,
                                      Integer corrects, boolean withdrawn, String reason, String recordedBy,
                                      Instant recordedAt, Integer correctedBy) {
    }

    /**
     * One operation of the batch with its actual times, its downtime in minutes and its current events (those not
     * corrected or withdrawn); {@code replaced} the earlier events, kept for the record.
     */
    public record OperationFacts(String unitProcedureId, String unitProcedure, String operationId, String operation,
                                 Instant actualStart, Instant actualEnd, BigDecimal downtimeMinutes,
                                 Map<String, BigDecimal> downtimeMinutesByCause, List<OperationEventFacts> events,
                                 List<OperationEventFacts> replaced) {
    }

    /** The cause codes of each kind (the catalogue), for screens that offer them. */
    public static Map<String, List<String>> causes() {
        Map<String, List<String>> causes = new LinkedHashMap<>();
        for (OperationEvent.Kind kind : OperationEvent.Kind.values()) {
            causes.put(kind.name(), OperationEvent.CAUSES.get(kind));
        }
        return causes;
    }

    @Inject
    BatchStore store;

    @Inject
    ChangeContext change;

    @Inject
    Clock clock;

    @Resource
    SessionContext session;

    /** The batch's operations in recipe order with their actual times and events. */
    public List<OperationFacts> operations(String batchId) {
        Batch batch = store.existing(batchId);
        return operations(batch, store.controlRecipe(batch), store.entries(batch.id()), store.operationEvents(batch.id()));
    }

    /** Records a downtime, scrap or rework of an operation. */
    @RolesAllowed({"OPERATOR", "SUPERVISOR"})
    public OperationEventFacts record(String batchId, String operationId, OperationEventCommand command) {
        Batch batch = store.locked(batchId, true);
        requireRecordable(batch);
        ControlRecipe recipe = store.controlRecipe(batch);
        String operation = operationId == null ? "" : operationId.strip();
        if (operation(recipe, operation) == null) {
            throw new BatchRefused(BatchRefused.Reason.OPERATION_NOT_FOUND, "Batch " + batch.batchId() + " has no"
                    + " operation '" + operation + "'; its operations are " + String.join(", ", operationIds(recipe))
                    + ". Nothing was recorded.");
        }
        OperationEventCommand c = command == null ? new OperationEventCommand(null, null, null, null, null, null, null,
                null, null) : command;
        if (Boolean.TRUE.equals(c.withdrawn()) || c.reason() != null && !c.reason().isBlank()) {
            throw new BatchRefused(BatchRefused.Reason.OPERATION_EVENT_INVALID, "A new event has no reason and is not"
                    + " withdrawn: correct or withdraw an earlier one through its corrections.", "reason",
                    "only on a correction");
        }
        List<OperationEvent> events = store.operationEvents(batch.id());
        OperationEvent made = valid(batch, operation, c, null, events);
        return persist(batch, made, events, "Record " + made.kind().name().toLowerCase() + " of operation " + operation
                + " of batch " + batch.batchId(), made.comment());
    }

    /** Replaces an event (a new one naming it, with a reason), or withdraws it ({@code withdrawn} true). */
    @RolesAllowed({"OPERATOR", "SUPERVISOR"})
    public OperationEventFacts correct(String batchId, int seq, OperationEventCommand command) {
        Batch batch = store.locked(batchId, true);
        requireRecordable(batch);
        List<OperationEvent> events = store.operationEvents(batch.id());
        OperationEvent earlier = events.stream().filter(e -> e.seq() == seq).findFirst()
                .orElseThrow(() -> new BatchRefused(BatchRefused.Reason.OPERATION_EVENT_NOT_FOUND, "Batch "
                        + batch.batchId() + " has no operation event " + seq + "."));
        if (events.stream().anyMatch(e -> Integer.valueOf(seq).equals(e.corrects()))) {
            int by = events.stream().filter(e -> Integer.valueOf(seq).equals(e.corrects())).findFirst().orElseThrow().seq();
            throw new BatchRefused(BatchRefused.Reason.OPERATION_EVENT_INVALID, "Event " + seq + " was replaced by event "
                    + by + " already: correct that one. Nothing was recorded.", "seq", "the current event");
        }
        OperationEventCommand c = command == null ? new OperationEventCommand(null, null, null, null, null, null, null,
                null, null) : command;
        if (c.reason() == null || c.reason().isBlank()) {
            throw new BatchRefused(BatchRefused.Reason.REASON_REQUIRED, "A correction or withdrawal of event " + seq
                    + " needs a reason. Nothing was recorded.", "reason", "is required");
        }
        String reason = Batches.text(c.reason(), "reason", TEXT);
        String caller = session.getCallerPrincipal().getName();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        OperationEvent made;
        if (Boolean.TRUE.equals(c.withdrawn())) {
            made = new OperationEvent(batch.id(), next(events), earlier.operationId(), earlier.kind(), earlier.cause(),
                    null, null, null, null, null, seq, true, reason, caller, now);
        } else {
            OperationEvent valid = valid(batch, earlier.operationId(), c, earlier, events);
            made = new OperationEvent(batch.id(), valid.seq(), valid.operationId(), valid.kind(), valid.cause(),
                    valid.startedAt(), valid.endedAt(), valid.quantity(), valid.unit(), valid.comment(), seq, false, reason,
                    caller, now);
        }
        return persist(batch, made, events, (made.withdrawn() ? "Withdraw" : "Correct") + " operation event " + seq
                + " of batch " + batch.batchId(), reason);
    }

    private OperationEventFacts persist(Batch batch, OperationEvent made, List<OperationEvent> events, String what,
                                        String why) {
        change.record(what, why).actingAs(session.isCallerInRole("SUPERVISOR") ? "SUPERVISOR" : "OPERATOR");
        store.persist(made);
        store.flush();
        List<OperationEvent> all = new ArrayList<>(events);
        all.add(made);
        return facts(made, all);
    }

    private void requireRecordable(Batch batch) {
        if (!RECORDABLE.contains(batch.status())) {
            throw new BatchRefused(BatchRefused.Reason.NOT_EXECUTABLE, "Batch " + batch.batchId() + " is "
                    + batch.status() + ": downtime, scrap and rework are recorded while it is READY, IN_PROGRESS or"
                    + " ON_HOLD. Nothing was recorded.");
        }
    }

    /** The event a command describes, checked against its kind, its cause catalogue, the clock and the other events. */
    private OperationEvent valid(Batch batch, String operation, OperationEventCommand c, OperationEvent replacing,
                                 List<OperationEvent> events) {
        List<Violation> wrong = new ArrayList<>();
        OperationEvent.Kind kind = null;
        if (replacing != null && (c.kind() == null || c.kind().isBlank())) {
            kind = replacing.kind();
        } else if (c.kind() == null || c.kind().isBlank()) {
            wrong.add(new Violation("kind", "is required: DOWNTIME, SCRAP or REWORK"));
        } else {
            try {
                kind = OperationEvent.Kind.valueOf(c.kind().strip());
            } catch (IllegalArgumentException unknown) {
                wrong.add(new Violation("kind", "DOWNTIME, SCRAP or REWORK, not '" + clip(c.kind()) + "'"));
            }
        }
        String cause = c.cause() == null ? null : c.cause().strip();
        if (kind != null) {
            List<String> causes = OperationEvent.CAUSES.get(kind);
            if (cause == null || cause.isEmpty()) {
                wrong.add(new Violation("cause", "is required: one of " + String.join(", ", causes)));
            } else if (!causes.contains(cause)) {
                wrong.add(new Violation("cause", "one of " + String.join(", ", causes) + " for " + kind + ", not '"
                        + clip(cause) + "'"));
            }
        }
        String comment = c.comment() == null || c.comment().isBlank() ? null : c.comment().strip();
        if (comment != null && comment.length() > TEXT) {
            wrong.add(new Violation("comment", "at most " + TEXT + " characters"));
        }
        if ("OTHER".equals(cause) && comment == null) {
            wrong.add(new Violation("comment", "is required when the cause is OTHER: say what it was"));
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        BigDecimal quantity = null;
        String unit = null;
        if (kind == OperationEvent.Kind.DOWNTIME) {
            if (c.from() == null) {
                wrong.add(new Violation("from", "is required for a downtime: when it began"));
            }
            if (c.to() == null) {
                wrong.add(new Violation("to", "is required for a downtime: when work went on again"));
            }
            if (c.from() != null && c.to() != null) {
                if (!c.to().isAfter(c.from())) {
                    wrong.add(new Violation("to", "after from (" + c.from() + ")"));
                } else if (Duration.between(c.from(), c.to()).compareTo(LONGEST_DOWNTIME) > 0) {
                    wrong.add(new Violation("to", "at most 7 days after from"));
                }
                if (c.to().isAfter(now.plus(CLOCK_SKEW))) {
                    wrong.add(new Violation("to", "not in the future (now " + now.truncatedTo(ChronoUnit.SECONDS) + ")"));
                }
                if (c.from().isBefore(batch.createdAt())) {
                    wrong.add(new Violation("from", "not before the batch was created ("
                            + batch.createdAt().truncatedTo(ChronoUnit.SECONDS) + ")"));
                }
            }
            if (c.quantity() != null || c.unit() != null) {
                wrong.add(new Violation("quantity", "a downtime has a time, no quantity"));
            }
        } else if (kind != null) {
            if (c.from() != null || c.to() != null) {
                wrong.add(new Violation("from", "a " + kind.name().toLowerCase() + " has a quantity, no time span"));
            }
            if (c.quantity() == null || c.quantity().isBlank()) {
                wrong.add(new Violation("quantity", "is required: how much was " + (kind == OperationEvent.Kind.SCRAP
                        ? "scrapped" : "reworked")));
            } else {
                try {
                    quantity = new BigDecimal(c.quantity().strip());
                    if (quantity.signum() <= 0 || quantity.compareTo(MAX_QUANTITY) > 0 || quantity.scale() > 6) {
                        wrong.add(new Violation("quantity", "more than 0, at most 10^9, at most 6 decimals"));
                    }
                } catch (NumberFormatException notANumber) {
                    wrong.add(new Violation("quantity", "a number in plain decimal notation, not '" + clip(c.quantity())
                            + "'"));
                }
            }
            unit = c.unit() == null ? null : c.unit().strip();
            if (unit == null || unit.isEmpty() || unit.length() > 16) {
                wrong.add(new Violation("unit", "is required, at most 16 characters (e.g. vials)"));
            }
        }
        if (!wrong.isEmpty()) {
            throw new BatchRefused(BatchRefused.Reason.OPERATION_EVENT_INVALID, "The " + (kind == null ? "event"
                    : kind.name().toLowerCase()) + " of operation " + operation + " is not recorded: " + wrong.stream()
                    .map(v -> v.field() + " " + v.message()).collect(Collectors.joining("; ")) + ".", wrong);
        }
        if (kind == OperationEvent.Kind.DOWNTIME) {
            // the current downtimes of the operation, but the one this replaces
            for (OperationEvent other : current(events)) {
                if (other.kind() == OperationEvent.Kind.DOWNTIME && other.operationId().equals(operation)
                        && (replacing == null || other.seq() != replacing.seq())
                        && other.startedAt().isBefore(c.to()) && c.from().isBefore(other.endedAt())) {
                    throw new BatchRefused(BatchRefused.Reason.DOWNTIME_OVERLAPS, "The downtime from " + c.from() + " to "
                            + c.to() + " overlaps downtime event " + other.seq() + " of operation " + operation + " ("
                            + other.startedAt() + " to " + other.endedAt() + ", " + other.cause() + "): correct that one"
                            + " instead. Nothing was recorded.", "from", "not within another downtime of the operation");
                }
            }
        }
        return new OperationEvent(batch.id(), next(events), operation, kind, cause, c.from(), c.to(),
                quantity == null ? null : quantity.stripTrailingZeros().scale() < 0 ? quantity.setScale(0) : quantity
                        .stripTrailingZeros(), unit, comment, null, false, null, session.getCallerPrincipal().getName(), now);
    }

    private static int next(List<OperationEvent> events) {
        return events.stream().mapToInt(OperationEvent::seq).max().orElse(0) + 1;
    }

    /** The events that count: neither replaced by a later one nor a withdrawal. */
    static List<OperationEvent> current(List<OperationEvent> events) {
        Set<Integer> replaced = events.stream().map(OperationEvent::corrects).filter(java.util.Objects::nonNull)
                .collect(Collectors.toSet());
        return events.stream().filter(e -> !replaced.contains(e.seq()) && !e.withdrawn()).toList();
    }

    static List<OperationFacts> operations(Batch batch, ControlRecipe recipe, List<StepEntry> entries,
                                           List<OperationEvent> events) {
        Map<String, String> operationOfStep = new HashMap<>();
        recipe.steps().forEach(p -> operationOfStep.put(p.id(), p.operation().id()));
        Map<String, Instant[]> times = new HashMap<>();
        for (StepEntry e : entries) {
            String op = operationOfStep.get(e.stepId());
            if (op == null || "SAMPLE_RESULT".equals(e.kind().name())) {
                continue;
            }
            Instant at = e.late() && e.performedAt() != null ? e.performedAt() : e.recordedAt();
            Instant[] t = times.computeIfAbsent(op, k -> new Instant[] {at, at});
            t[0] = at.isBefore(t[0]) ? at : t[0];
            t[1] = at.isAfter(t[1]) ? at : t[1];
        }
        List<OperationEvent> current = current(events);
        List<OperationFacts> result = new ArrayList<>();
        for (UnitProcedure up : recipe.document().unitProcedures()) {
            for (Operation op : up.operations()) {
                List<OperationEventFacts> now = current.stream().filter(e -> e.operationId().equals(op.id()))
                        .map(e -> facts(e, events)).toList();
                List<OperationEventFacts> earlier = events.stream().filter(e -> e.operationId().equals(op.id())
                        && !current.contains(e)).map(e -> facts(e, events)).toList();
                Map<String, BigDecimal> byCause = new LinkedHashMap<>();
                BigDecimal total = BigDecimal.ZERO;
                for (OperationEventFacts f : now) {
                    if (f.minutes() != null) {
                        byCause.merge(f.cause(), f.minutes(), BigDecimal::add);
                        total = total.add(f.minutes());
                    }
                }
                Instant[] t = times.get(op.id());
                result.add(new OperationFacts(up.id(), up.name(), op.id(), op.name(), t == null ? null : t[0],
                        t == null ? null : t[1], total, byCause, now, earlier));
            }
        }
        return result;
    }

    static OperationEventFacts facts(OperationEvent e, List<OperationEvent> all) {
        Integer correctedBy = all.stream().filter(o -> Integer.valueOf(e.seq()).equals(o.corrects())).map(OperationEvent::seq)
                .findFirst().orElse(null);
        BigDecimal minutes = e.startedAt() == null || e.endedAt() == null ? null
                : BigDecimal.valueOf(Duration.between(e.startedAt(), e.endedAt()).toSeconds())
                .divide(BigDecimal.valueOf(60), 1, RoundingMode.HALF_UP);
        return new OperationEventFacts(e.seq(), e.operationId(), e.kind().name(), e.cause(), e.startedAt(), e.endedAt(),
                minutes, e.quantity(), e.unit(), e.comment(), e.corrects(), e.withdrawn(), e.reason(), e.recordedBy(),
                e.recordedAt(), correctedBy);
    }

    private static Operation operation(ControlRecipe recipe, String id) {
        return recipe.document().unitProcedures().stream().flatMap(u -> u.operations().stream())
                .filter(o -> o.id().equals(id)).findFirst().orElse(null);
    }

    private static List<String> operationIds(ControlRecipe recipe) {
        return recipe.document().unitProcedures().stream().flatMap(u -> u.operations().stream()).map(Operation::id)
                .toList();
    }

    private static String clip(String text) {
        String t = text.strip();
        return t.length() > 40 ? t.substring(0, 40) + "..." : t;
    }
}
