package org.openebr.signature.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.openebr.trust.control.KeyDependents;
import org.openebr.trust.control.Keys;
import org.openebr.trust.control.TrustStore;

/** The key store as the signature component uses it; signing credentials depend on its keys. */
@ApplicationScoped
public class SignatureKeys implements KeyDependents {

    @Inject
    Keys keys;

    @PersistenceContext(unitName = "ebr")
    EntityManager em;

    public TrustStore store() {
        return keys.store();
    }

    /** Signing credentials exist: their keys are wrapped with the key store's key and certified by its CA. */
    @Override
    public boolean exist() {
        return em.createQuery("select count(c) from SigningCredential c", Long.class).getSingleResult() > 0;
    }

    public Keys keys() {
        return keys;
    }
}
