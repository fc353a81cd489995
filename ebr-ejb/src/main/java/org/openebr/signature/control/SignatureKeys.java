package org.openebr.signature.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.openebr.trust.control.Keys;
import org.openebr.trust.control.TrustStore;

/** The key store as the signature component uses it: never created anew while credentials made with it exist. */
@ApplicationScoped
public class SignatureKeys {

    @Inject
    Keys keys;

    @PersistenceContext(unitName = "ebr")
    EntityManager em;

    public TrustStore store() {
        return keys.store(() -> em.createQuery("select count(c) from SigningCredential c", Long.class).getSingleResult() == 0);
    }

    public Keys keys() {
        return keys;
    }
}
