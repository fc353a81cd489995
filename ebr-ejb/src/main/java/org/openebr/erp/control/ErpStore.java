package org.openebr.erp.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.openebr.erp.entity.ErpDelivery;
import org.openebr.erp.entity.ErpMessage;
import org.openebr.erp.entity.ErpOrder;

/** Orders, outbox messages and delivery attempts. */
@ApplicationScoped
public class ErpStore {

    @PersistenceContext
    EntityManager em;

    public void persist(Object entity) {
        em.persist(entity);
    }

    public void flush() {
        em.flush();
    }

    /** The order with this number, locked for the transaction (two deliveries of one order wait for each other). */
    public Optional<ErpOrder> orderLocked(String orderNumber) {
        lock("erp_order:" + orderNumber);
        return em.createQuery("select o from ErpOrder o where o.orderNumber = :n", ErpOrder.class)
                .setParameter("n", orderNumber).getResultStream().findFirst();
    }

    public Optional<ErpOrder> orderOfBatch(String batchId) {
        return em.createQuery("select o from ErpOrder o where o.batchId = :b", ErpOrder.class).setParameter("b", batchId)
                .getResultStream().findFirst();
    }

    public List<ErpOrder> orders(int limit) {
        return em.createQuery("select o from ErpOrder o order by o.receivedAt desc", ErpOrder.class).setMaxResults(limit)
                .getResultList();
    }

    /** The next sequence number of a batch's messages; the batch's messages are numbered one at a time. */
    public int nextSeq(String batchId) {
        lock("erp_message:" + batchId);
        Integer last = em.createQuery("select max(m.batchSeq) from ErpMessage m where m.batchId = :b", Integer.class)
                .setParameter("b", batchId).getSingleResult();
        return last == null ? 1 : last + 1;
    }

    /**
     * The messages due for delivery: pending, their time come, and the first undelivered one of their batch
     * (a batch's messages go in order; a parked one holds back the rest of its batch).
     */
    public List<ErpMessage> due(Instant now, int limit) {
        return em.createQuery("select m from ErpMessage m where m.state = :pending and m.nextAttemptAt <= :now"
                        + " and not exists (select p from ErpMessage p where p.batchId = m.batchId"
                        + " and p.batchSeq < m.batchSeq and p.state <> :delivered) order by m.position", ErpMessage.class)
                .setParameter("pending", ErpMessage.State.PENDING).setParameter("delivered", ErpMessage.State.DELIVERED)
                .setParameter("now", now).setMaxResults(limit).getResultList();
    }

    public Optional<ErpMessage> message(UUID messageId) {
        return em.createQuery("select m from ErpMessage m where m.messageId = :id", ErpMessage.class)
                .setParameter("id", messageId).getResultStream().findFirst();
    }

    public Optional<ErpMessage> messageLocked(UUID messageId) {
        return em.createQuery("select m from ErpMessage m where m.messageId = :id", ErpMessage.class)
                .setParameter("id", messageId).setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultStream().findFirst();
    }

    public List<ErpMessage> messages(ErpMessage.State state, int limit) {
        if (state == null) {
            return em.createQuery("select m from ErpMessage m order by m.position desc", ErpMessage.class)
                    .setMaxResults(limit).getResultList();
        }
        return em.createQuery("select m from ErpMessage m where m.state = :state order by m.position desc",
                ErpMessage.class).setParameter("state", state).setMaxResults(limit).getResultList();
    }

    public long count(ErpMessage.State state) {
        return em.createQuery("select count(m) from ErpMessage m where m.state = :state", Long.class)
                .setParameter("state", state).getSingleResult();
    }

    /** The messages after a feed position, oldest first. */
    public List<ErpMessage> after(long position, int limit) {
        return em.createQuery("select m from ErpMessage m where m.position > :p order by m.position", ErpMessage.class)
                .setParameter("p", position).setMaxResults(limit).getResultList();
    }

    public List<ErpDelivery> deliveries(UUID messageId) {
        return em.createQuery("select d from ErpDelivery d where d.messageId = :m order by d.at, d.attempt",
                ErpDelivery.class).setParameter("m", messageId).getResultList();
    }

    private void lock(String key) {
        em.createNativeQuery("SELECT 1 FROM pg_advisory_xact_lock(hashtext(?1))").setParameter(1, key).getSingleResult();
    }
}
