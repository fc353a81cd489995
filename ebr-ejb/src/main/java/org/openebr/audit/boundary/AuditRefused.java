package org.openebr.audit.boundary;


import org.openebr.platform.boundary.DomainException;
import org.openebr.platform.boundary.Refusal;

/** A request to the audit trail that cannot be answered as asked: bad filter, unknown record, too large. */
public class AuditRefused extends DomainException {

    private static final long serialVersionUID = 2L;

    /** Why. */
    public enum Reason implements Refusal.Reason {
        /** A filter, page or sort the audit trail cannot search by. */
        @Declared(category = Category.MALFORMED, kind = "invalid-audit-query")
        INVALID_QUERY,
        /** No record of that type and id has ever been audited. */
        @Declared(category = Category.NOT_FOUND, kind = "no-audit-history")
        NO_HISTORY,
        /** An export of more entries than one file may hold: narrow the filter. */
        @Declared(category = Category.INVALID, kind = "export-too-large")
        EXPORT_TOO_LARGE,
        /** The entries cannot be laid out in the format asked for. */
        @Declared(category = Category.INVALID, kind = "export-not-possible")
        EXPORT_NOT_POSSIBLE;
    }

    public AuditRefused(Reason reason, String message) {
        super(reason, message);
    }

    public static AuditRefused invalid(String message) {
        return new AuditRefused(Reason.INVALID_QUERY, message);
    }

    public Reason reason() {
        return (Reason) refusal();
    }
}
