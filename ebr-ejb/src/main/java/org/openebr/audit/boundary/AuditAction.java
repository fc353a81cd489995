package org.openebr.audit.boundary;

/** What a revision did to one record. GMP records are never deleted, so DELETED marks an anomaly. */
public enum AuditAction {
    CREATED, CHANGED, DELETED
}
