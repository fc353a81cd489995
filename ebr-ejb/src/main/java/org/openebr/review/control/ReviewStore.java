package org.openebr.review.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.openebr.review.entity.BatchAddendum;
import org.openebr.review.entity.ReviewDisposition;

/** The dispositions of a batch's exceptions. */
@ApplicationScoped
public class ReviewStore {

    @PersistenceContext
    EntityManager em;

    /** The latest disposition of each exception of the batch, by exception id. */
    public Map<String, ReviewDisposition> latest(String batchId) {
        return em.createQuery("select d from ReviewDisposition d where d.batchId = :b order by d.seq",
                        ReviewDisposition.class).setParameter("b", batchId).getResultStream()
                .collect(Collectors.toMap(ReviewDisposition::exceptionId, Function.identity(), (a, b) -> b));
    }

    public List<ReviewDisposition> history(String batchId, String exceptionId) {
        return em.createQuery("select d from ReviewDisposition d where d.batchId = :b and d.exceptionId = :x"
                + " order by d.seq", ReviewDisposition.class).setParameter("b", batchId).setParameter("x", exceptionId)
                .getResultList();
    }

    /** Serialises the dispositions of one batch's exception: the next number is taken once. */
    public void lock(String batchId, String exceptionId) {
        em.createNativeQuery("SELECT 1 FROM pg_advisory_xact_lock(hashtext(?1))")
                .setParameter(1, "exception_disposition:" + batchId + ":" + exceptionId).getSingleResult();
    }

    /** The addenda of a batch, oldest first. */
    public List<BatchAddendum> addenda(String batchId) {
        return em.createQuery("select a from BatchAddendum a where a.batchId = :b order by a.seq", BatchAddendum.class)
                .setParameter("b", batchId).getResultList();
    }

    public Optional<BatchAddendum> addendum(String batchId, int seq) {
        return em.createQuery("select a from BatchAddendum a where a.batchId = :b and a.seq = :s", BatchAddendum.class)
                .setParameter("b", batchId).setParameter("s", seq).getResultStream().findFirst();
    }

    /** Serialises the addenda of one batch: the next number is taken once. */
    public void lockAddenda(String batchId) {
        em.createNativeQuery("SELECT 1 FROM pg_advisory_xact_lock(hashtext(?1))")
                .setParameter(1, "batch_addendum:" + batchId).getSingleResult();
    }

    public void persist(BatchAddendum addendum) {
        em.persist(addendum);
        em.flush();
    }

    public void persist(ReviewDisposition disposition) {
        em.persist(disposition);
        em.flush();
    }
}
