package org.openebr.batch.boundary;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.openebr.batch.control.BatchStore;
import org.openebr.batch.entity.Batch;
import org.openebr.batch.entity.BatchStatus;
import org.openebr.batch.entity.BatchStep;
import org.openebr.batch.entity.Deviation;
import org.openebr.batch.entity.StepState;
import org.openebr.platform.boundary.Excerpt;

/**
 * Read-only queries for the home pages' worklists: the batches in given states, the deviations no
 * supervisor has classified yet, and the steps waiting for a second person's verification. Each
 * answers the first few and how many there are in all, so a card counts without reading everything.
 */
@Stateless
@RolesAllowed({"OPERATOR", "SUPERVISOR", "QA_REVIEWER", "QA_RELEASER", "INSPECTOR"})
public class BatchWorklists {

    /** A deviation waiting for its classification, with the batch it belongs to. */
    public record OpenDeviation(String batchId, String deviationId, String stepId, String origin, String description,
                                String raisedBy, Instant raisedAt) {
    }

    /** A step signed by its performer that waits for the verifier (never the performer). */
    public record StepToVerify(String batchId, String product, String stepId, String performedBy, boolean mine) {
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    BatchStore store;

    @Resource
    SessionContext session;

    /** The batches in one of the states, oldest change first (what waits longest comes first). */
    public Excerpt<BatchSummary> inStatus(Collection<String> statuses, int limit) {
        List<BatchStatus> wanted = statuses.stream().map(BatchStatus::valueOf).toList();
        long total = em.createQuery("select count(b) from Batch b where b.status in :s", Long.class)
                .setParameter("s", wanted).getSingleResult();
        List<Batch> batches = em.createQuery("select b from Batch b where b.status in :s"
                        + " order by b.statusChangedAt, b.batchId", Batch.class)
                .setParameter("s", wanted).setMaxResults(Excerpt.limit(limit)).getResultList();
        List<BatchSummary> items = new ArrayList<>();
        for (Batch b : batches) {
            items.add(BatchViews.summary(b, store.steps(b.id()), store.deviations(b.id())));
        }
        return new Excerpt<>(items, total);
    }

    /** Open deviations without a classification, oldest first. */
    @RolesAllowed({"SUPERVISOR", "QA_REVIEWER", "QA_RELEASER", "INSPECTOR"})
    public Excerpt<OpenDeviation> unclassifiedDeviations(int limit) {
        String where = " from Deviation d, Batch b where d.batchRef = b.id and d.status = :open"
                + " and d.classification is null";
        long total = em.createQuery("select count(d)" + where, Long.class)
                .setParameter("open", Deviation.Status.OPEN).getSingleResult();
        List<Object[]> rows = em.createQuery("select b.batchId, d" + where + " order by d.raisedAt, d.deviationId",
                        Object[].class)
                .setParameter("open", Deviation.Status.OPEN).setMaxResults(Excerpt.limit(limit)).getResultList();
        return new Excerpt<>(rows.stream().map(row -> {
            Deviation d = (Deviation) row[1];
            return new OpenDeviation((String) row[0], d.deviationId(), d.stepId(), d.origin().name(), d.description(),
                    d.raisedBy(), d.raisedAt());
        }).toList(), total);
    }

    /**
     * Steps of running batches signed PERFORMED that wait for a verifier: the caller's own are
     * listed too (marked), because the caller sees them waiting but another person must verify.
     */
    @RolesAllowed({"OPERATOR", "SUPERVISOR"})
    public Excerpt<StepToVerify> toVerify(int limit) {
        String where = " from BatchStep s, Batch b where s.batchRef = b.id and s.state = :performed"
                + " and b.status in :running";
        List<BatchStatus> running = List.of(BatchStatus.READY, BatchStatus.IN_PROGRESS);
        long total = em.createQuery("select count(s)" + where, Long.class)
                .setParameter("performed", StepState.PERFORMED).setParameter("running", running).getSingleResult();
        List<Object[]> rows = em.createQuery("select b.batchId, b.product, s" + where
                        + " order by b.batchId, s.stepId", Object[].class)
                .setParameter("performed", StepState.PERFORMED).setParameter("running", running)
                .setMaxResults(Excerpt.limit(limit)).getResultList();
        String caller = session.getCallerPrincipal().getName();
        return new Excerpt<>(rows.stream().map(row -> {
            BatchStep s = (BatchStep) row[2];
            return new StepToVerify((String) row[0], (String) row[1], s.stepId(), s.performedBy(),
                    caller.equalsIgnoreCase(s.performedBy()));
        }).toList(), total);
    }
}
