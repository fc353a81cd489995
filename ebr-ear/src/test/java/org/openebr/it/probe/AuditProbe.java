package org.openebr.it.probe;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.time.Instant;
import java.time.LocalDate;
import org.hibernate.envers.AuditReaderFactory;
import org.openebr.audit.entity.AuditRevision;
import org.openebr.identity.entity.TrainingRecord;
import org.openebr.identity.entity.UserAccount;

/**
 * Test-only: changes audited data in ways no boundary allows, to prove the audit trail's own
 * guarantees: a rolled-back transaction leaves no audit row, and a modification without a reason
 * is refused by the revision listener itself.
 */
@Path("it-probe/audit")
public class AuditProbe {

    @PersistenceContext(unitName = "ebr")
    EntityManager em;

    @POST
    @Path("rollback/{user}")
    @Transactional
    public void insertThenFail(@PathParam("user") String user) {
        UserAccount account = account(user);
        em.persist(new TrainingRecord(account.id(), "IT-ROLLBACK", "must vanish with its audit row", LocalDate.now(),
                null, "it-probe", Instant.now()));
        // the revision row is written now, before the failure: the rollback must take it away too
        AuditReaderFactory.get(em).getCurrentRevision(AuditRevision.class, true);
        em.flush();
        throw new IllegalStateException("probe: fails after the audited insert and its revision reached the database");
    }

    @POST
    @Path("change-without-reason/{user}")
    @Transactional
    public void changeWithoutReason(@PathParam("user") String user) {
        account(user).deactivate(Instant.now());
    }

    private UserAccount account(String user) {
        return em.createQuery("select a from UserAccount a where lower(a.userName) = lower(:name)", UserAccount.class)
                .setParameter("name", user).getSingleResult();
    }
}
