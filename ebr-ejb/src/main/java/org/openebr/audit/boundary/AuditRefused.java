package org.openebr.audit.boundary;

import org.openebr.platform.boundary.DomainException;

/** A request to the audit trail that cannot be answered as asked: bad filter, unknown record, too large. */
public class AuditRefused extends DomainException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String kind;

    public AuditRefused(int status, String kind, String message) {
        super(message);
        this.status = status;
        this.kind = kind;
    }

    public static AuditRefused invalid(String message) {
        return new AuditRefused(400, "invalid-audit-query", message);
    }

    @Override
    public int status() {
        return status;
    }

    @Override
    public String kind() {
        return kind;
    }
}
