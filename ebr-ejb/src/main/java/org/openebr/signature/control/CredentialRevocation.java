package org.openebr.signature.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import org.openebr.identity.boundary.AccountDeactivated;
import org.openebr.identity.boundary.SecurityEventType;
import org.openebr.identity.boundary.SecurityLog;
import org.openebr.signature.entity.SigningCredential;

/** The account ends, its signing credential with it, in the deactivation's own transaction. */
@ApplicationScoped
public class CredentialRevocation {

    @PersistenceContext(unitName = "ebr")
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    SecurityLog log;

    void revoke(@Observes AccountDeactivated deactivated) {
        em.createQuery("select c from SigningCredential c where c.accountId = :id and c.revokedAt is null",
                        SigningCredential.class)
                .setParameter("id", deactivated.accountId()).getResultStream().forEach(credential -> {
                    credential.revoke(deactivated.by(), "account deactivated: " + deactivated.reason(), clock.instant());
                    log.record(SecurityEventType.SIGNING_CREDENTIAL_REVOKED, deactivated.by(), deactivated.userName(),
                            "signing certificate " + credential.serial() + " revoked with the deactivation", deactivated.reason());
                });
    }
}
