package org.openebr.it.probe;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.time.Duration;
import java.time.Instant;
import org.openebr.identity.control.ApiTokenSecret;
import org.openebr.identity.entity.ApiToken;
import org.openebr.identity.entity.UserAccount;

/**
 * Test-only: an API token for a user that was issued nine hours ago and expired an hour ago, so a
 * test need not wait for a token to expire (the database lets nobody age a stored token).
 */
@Path("it-probe/tokens")
public class TokenProbe {

    @PersistenceContext(unitName = "ebr")
    EntityManager em;

    @POST
    @Path("expired/{user}")
    @Transactional
    public String expired(@PathParam("user") String user) {
        UserAccount account = em.createQuery("select a from UserAccount a where lower(a.userName) = lower(:name)",
                UserAccount.class).setParameter("name", user).getSingleResult();
        String token = ApiTokenSecret.generate();
        Instant now = Instant.now();
        em.persist(new ApiToken(account.id(), ApiTokenSecret.sha256(token), "expired by the test probe",
                now.minus(Duration.ofHours(9)), now.minus(Duration.ofHours(1))));
        return token;
    }
}
