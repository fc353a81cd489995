package org.openebr.identity.entity;

/** An account is usable only when ACTIVE. DEACTIVATED is final. */
public enum AccountStatus {
    ACTIVE, LOCKED, DEACTIVATED
}
