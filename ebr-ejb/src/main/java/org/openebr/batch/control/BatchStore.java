package org.openebr.batch.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.openebr.batch.boundary.BatchRefused;
import org.openebr.batch.entity.Batch;
import org.openebr.batch.entity.BatchEvent;
import org.openebr.batch.entity.BatchNumber;
import org.openebr.batch.entity.BatchStatus;
import org.openebr.batch.entity.BatchStep;
import org.openebr.batch.entity.Deviation;
import org.openebr.batch.entity.GateOverride;
import org.openebr.batch.entity.GateRefusal;
import org.openebr.batch.entity.StepEntry;
import org.openebr.batch.entity.StepState;
import org.openebr.recipe.boundary.RecipeJson;

/** Finds and locks batches, steps and their records; reads control recipes once per batch. */
@ApplicationScoped
public class BatchStore {

    /** Control recipes are immutable snapshots: read once, shared. Bounded so a long-running server stays small. */
    private static final int CACHED_RECIPES = 1000;
    private final Map<UUID, ControlRecipe> recipes = new ConcurrentHashMap<>();

    @PersistenceContext
    EntityManager em;

    public Optional<Batch> batch(String batchId) {
        if (batchId == null || batchId.isBlank()) {
            return Optional.empty();
        }
        return em.createQuery("select b from Batch b where b.batchId = :id", Batch.class)
                .setParameter("id", batchId.strip()).getResultStream().findFirst();
    }

    /** The batch's status read without loading or locking it (to choose how to lock it). */
    public Optional<String> statusOf(String batchId) {
        if (batchId == null || batchId.isBlank()) {
            return Optional.empty();
        }
        return em.createNativeQuery("SELECT status FROM batch WHERE batch_id = ?1").setParameter(1, batchId.strip())
                .getResultStream().findFirst().map(String::valueOf);
    }

    public Batch existing(String batchId) {
        return batch(batchId).orElseThrow(() -> notFound(batchId));
    }

    /** The batch, locked against status changes until the transaction ends (entries take it shared, status changes exclusive). */
    public Batch locked(String batchId, boolean exclusive) {
        return em.createQuery("select b from Batch b where b.batchId = :id", Batch.class)
                .setParameter("id", batchId == null ? "" : batchId.strip())
                .setLockMode(exclusive ? LockModeType.PESSIMISTIC_WRITE : LockModeType.PESSIMISTIC_READ)
                .getResultStream().findFirst().orElseThrow(() -> notFound(batchId));
    }

    /**
     * One line per batch for lists, newest first, in one query: the header columns (not the control
     * recipe's snapshot) with the steps done, all steps and the open deviations counted by the database.
     */
    public List<Object[]> summaries(BatchStatus status, int max) {
        return em.createQuery("select b.batchId, b.recipeId, b.recipeVersion, b.product, b.plannedQuantity, b.unit,"
                        + " b.status, b.line, b.createdAt, b.createdBy, b.statusChangedAt,"
                        + " (select count(s) from BatchStep s where s.batchRef = b.id and s.state = :done),"
                        + " (select count(s) from BatchStep s where s.batchRef = b.id),"
                        + " (select count(d) from Deviation d where d.batchRef = b.id and d.status = :open)"
                        + " from Batch b where (:status is null or b.status = :status) order by b.createdAt desc",
                        Object[].class)
                .setParameter("status", status).setParameter("done", StepState.DONE)
                .setParameter("open", Deviation.Status.OPEN).setMaxResults(max).getResultList();
    }

    public List<BatchStep> steps(UUID batch) {
        return em.createQuery("select s from BatchStep s where s.batchRef = :b", BatchStep.class)
                .setParameter("b", batch).getResultList();
    }

    /**
     * The states of some steps of a batch, read as values (not entities: an entry's transaction keeps
     * only the rows it changes, so flushing it stays cheap however many steps the batch has).
     */
    public Map<String, StepState> states(UUID batch, java.util.Collection<String> stepIds) {
        if (stepIds.isEmpty()) {
            return new java.util.HashMap<>();
        }
        return em.createQuery("select s.stepId, s.state from BatchStep s where s.batchRef = :b and s.stepId in :ids",
                        Object[].class).setParameter("b", batch).setParameter("ids", stepIds).getResultStream()
                .collect(Collectors.toMap(r -> (String) r[0], r -> (StepState) r[1], (a, b) -> a, java.util.HashMap::new));
    }

    /** The step's row, locked: two terminals recording the same step are served one after the other. */
    public BatchStep lockedStep(UUID batch, String stepId) {
        return em.createQuery("select s from BatchStep s where s.batchRef = :b and s.stepId = :s", BatchStep.class)
                .setParameter("b", batch).setParameter("s", stepId).setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultStream().findFirst()
                .orElseThrow(() -> new BatchRefused(BatchRefused.Reason.STEP_NOT_FOUND, "The batch has no step " + stepId + "."));
    }

    public Optional<BatchStep> step(UUID batch, String stepId) {
        return em.createQuery("select s from BatchStep s where s.batchRef = :b and s.stepId = :s", BatchStep.class)
                .setParameter("b", batch).setParameter("s", stepId).getResultStream().findFirst();
    }

    public List<StepEntry> entries(UUID batch) {
        return em.createQuery("select e from StepEntry e where e.batchRef = :b order by e.recordedAt, e.stepId, e.seq",
                StepEntry.class).setParameter("b", batch).getResultList();
    }

    public List<StepEntry> entries(UUID batch, String stepId) {
        return em.createQuery("select e from StepEntry e where e.batchRef = :b and e.stepId = :s order by e.seq",
                StepEntry.class).setParameter("b", batch).setParameter("s", stepId).getResultList();
    }

    public int nextEntrySeq(UUID batch, String stepId) {
        Integer max = em.createQuery("select max(e.seq) from StepEntry e where e.batchRef = :b and e.stepId = :s",
                Integer.class).setParameter("b", batch).setParameter("s", stepId).getSingleResult();
        return max == null ? 1 : max + 1;
    }

    public List<BatchEvent> events(UUID batch) {
        return em.createQuery("select e from BatchEvent e where e.batchRef = :b order by e.seq", BatchEvent.class)
                .setParameter("b", batch).getResultList();
    }

    public Optional<BatchEvent> event(UUID batch, int seq) {
        return em.createQuery("select e from BatchEvent e where e.batchRef = :b and e.seq = :s", BatchEvent.class)
                .setParameter("b", batch).setParameter("s", seq).getResultStream().findFirst();
    }

    public int nextEventSeq(UUID batch) {
        Integer max = em.createQuery("select max(e.seq) from BatchEvent e where e.batchRef = :b", Integer.class)
                .setParameter("b", batch).getSingleResult();
        return max == null ? 1 : max + 1;
    }

    public List<Deviation> deviations(UUID batch) {
        return em.createQuery("select d from Deviation d where d.batchRef = :b order by d.raisedAt, d.deviationId", Deviation.class)
                .setParameter("b", batch).getResultList();
    }

    public Optional<Deviation> deviation(UUID batch, String deviationId) {
        return em.createQuery("select d from Deviation d where d.batchRef = :b and d.deviationId = :d", Deviation.class)
                .setParameter("b", batch).setParameter("d", deviationId).getResultStream().findFirst();
    }

    public String nextDeviationId(int year) {
        Number n = (Number) em.createNativeQuery("SELECT nextval('deviation_number_seq')").getSingleResult();
        return String.format("DEV-%04d-%05d", year, n.longValue());
    }

    public List<GateOverride> overrides(UUID batch) {
        return em.createQuery("select o from GateOverride o where o.batchRef = :b order by o.seq", GateOverride.class)
                .setParameter("b", batch).getResultList();
    }

    public Optional<GateOverride> override(UUID batch, int seq) {
        return em.createQuery("select o from GateOverride o where o.batchRef = :b and o.seq = :s", GateOverride.class)
                .setParameter("b", batch).setParameter("s", seq).getResultStream().findFirst();
    }

    /** The override waiting for this operator's next entry on the step, locked: it is used once. */
    public Optional<GateOverride> unusedOverride(UUID batch, String stepId, String operator) {
        return em.createQuery("select o from GateOverride o where o.batchRef = :b and o.stepId = :s"
                        + " and lower(o.operator) = lower(:o) and o.usedAt is null", GateOverride.class)
                .setParameter("b", batch).setParameter("s", stepId).setParameter("o", operator)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultStream().findFirst();
    }

    public int nextOverrideSeq(UUID batch) {
        Integer max = em.createQuery("select max(o.seq) from GateOverride o where o.batchRef = :b", Integer.class)
                .setParameter("b", batch).getSingleResult();
        return max == null ? 1 : max + 1;
    }

    public List<org.openebr.batch.entity.OperationEvent> operationEvents(UUID batch) {
        return em.createQuery("select e from OperationEvent e where e.batchRef = :b order by e.seq",
                org.openebr.batch.entity.OperationEvent.class).setParameter("b", batch).getResultList();
    }

    public List<GateRefusal> refusals(UUID batch) {
        return em.createQuery("select r from GateRefusal r where r.batchRef = :b order by r.refusedAt, r.stepId, r.id", GateRefusal.class)
                .setParameter("b", batch).getResultList();
    }

    /**
     * The next number of a period, counted in a row locked until the transaction ends: numbers are
     * issued one after the other, and a creation that rolls back gives its number back (no gaps).
     */
    public int nextBatchNumber(String period) {
        em.createNativeQuery("INSERT INTO batch_number (period, last_number) VALUES (?1, 0) ON CONFLICT DO NOTHING")
                .setParameter(1, period).executeUpdate();
        BatchNumber counter = em.find(BatchNumber.class, period, LockModeType.PESSIMISTIC_WRITE);
        return counter.next();
    }

    public boolean batchIdTaken(String batchId) {
        return batch(batchId).isPresent();
    }

    /** The batch's control recipe, from its snapshot. */
    public ControlRecipe controlRecipe(Batch batch) {
        ControlRecipe known = recipes.get(batch.id());
        if (known != null) {
            return known;
        }
        ControlRecipe read = ControlRecipe.of(RecipeJson.read(batch.controlRecipe()),
                BatchJson.readScaled(batch.scaledFormula()));
        if (recipes.size() >= CACHED_RECIPES) {
            recipes.clear();
        }
        recipes.put(batch.id(), read);
        return read;
    }

    public void persist(Object entity) {
        em.persist(entity);
    }

    public void flush() {
        em.flush();
    }

    public static BatchRefused notFound(String batchId) {
        return new BatchRefused(BatchRefused.Reason.NOT_FOUND, "There is no batch " + batchId + ".");
    }
}
