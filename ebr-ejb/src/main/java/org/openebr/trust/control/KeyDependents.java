package org.openebr.trust.control;

/**
 * Something made with the installation's keys that new keys could not verify (signed checkpoints,
 * signing credentials). {@link Keys} asks every such CDI bean before it creates a missing key store.
 */
public interface KeyDependents {

    /** True when records made with the existing keys exist, so the keys must be restored, not re-created. */
    boolean exist();
}
