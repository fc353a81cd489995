package org.openebr.audit.boundary;


import org.openebr.platform.boundary.DomainException;
import org.openebr.platform.boundary.Refusal;

/** A request to the audit trail that cannot be answered as asked: bad filter, unknown record, too large. */
public class AuditRefused extends DomainException {

    private static final long serialVersionUID = 2L;

    /** Why. */
    public enum Reason implements Refusal {
        /** A filter, page or sort the audit trail cannot search by. */
        INVALID_QUERY(Category.MALFORMED, "invalid-audit-query"),
        /** No record of that type and id has ever been audited. */
        NO_HISTORY(Category.NOT_FOUND, "no-audit-history"),
        /** An export of more entries than one file may hold: narrow the filter. */
        EXPORT_TOO_LARGE(Category.INVALID, "export-too-large"),
        /** The entries cannot be laid out in the format asked for. */
        EXPORT_NOT_POSSIBLE(Category.INVALID, "export-not-possible");

        private final Category category;
        private final String kind;

        Reason(Category category, String kind) {
            this.category = category;
            this.kind = kind;
        }

        @Override
        public Category category() {
            return category;
        }

        @Override
        public String kind() {
            return kind;
        }
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
