package org.openebr.audit.boundary;

/** What a revision did to one record. GMP records are never deleted, so DELETED marks an anomaly. */
/** In the order of Envers' REVTYPE values 0, 1, 2 (ADD, MOD, DEL). */
public enum AuditAction {
    CREATED, CHANGED, DELETED
}
