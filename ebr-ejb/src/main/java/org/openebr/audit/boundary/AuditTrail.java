package org.openebr.audit.boundary;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;
import org.openebr.audit.control.AuditQueries;
import org.openebr.audit.control.AuditedTables;

/**
 * The audit trail as QA reviewers and inspectors read it: filtered, sorted and paged, a record's
 * full value history, and exports. Read-only: there is no operation that changes or purges the
 * trail (21 CFR 11.10(e); EU GMP Annex 11 §9, §12.4).
 */
@Stateless
@RolesAllowed({"INSPECTOR", "QA_REVIEWER", "QA_RELEASER"})
public class AuditTrail {

    public static final int MAX_PAGE_SIZE = 200;

    @Resource(lookup = "java:jboss/datasources/EbrDS")
    DataSource dataSource;

    @Inject
    AuditedTables tables;

    /** The record types that have an audit trail, for the filter's pick list. */
    public List<String> recordTypes() {
        return List.copyOf(tables.audited().keySet());
    }

    public AuditPage search(AuditFilter filter, int page, int size, AuditSort sort) {
        check(filter);
        if (page < 0 || size < 1 || size > MAX_PAGE_SIZE) {
            throw AuditRefused.invalid("page must be 0 or more and size between 1 and " + MAX_PAGE_SIZE + ".");
        }
        try (Connection connection = dataSource.getConnection()) {
            return new AuditQueries(connection, tables.audited().values()).search(filter, page, size,
                    sort == null ? AuditSort.newestFirst() : sort);
        } catch (SQLException e) {
            throw new IllegalStateException("audit trail query failed: SQLSTATE " + e.getSQLState(), e);
        }
    }

    /** Every version of one record, oldest first: the original value and each change with who, when and why. */
    public List<RecordVersion> history(String entityType, String recordId) {
        AuditedTables.AuditedTable table = tables.byEntityType(entityType).orElseThrow(() -> unknownType(entityType));
        List<RecordVersion> versions;
        try (Connection connection = dataSource.getConnection()) {
            versions = new AuditQueries(connection, tables.audited().values()).history(table, recordId);
        } catch (SQLException e) {
            throw new IllegalStateException("audit trail query failed: SQLSTATE " + e.getSQLState(), e);
        }
        if (versions.isEmpty()) {
            throw new AuditRefused(404, "no-audit-history", "There is no " + entityType + " with id '" + recordId + "' in the audit trail.");
        }
        return versions;
    }

    void check(AuditFilter filter) {
        if (filter.entityType() != null && tables.byEntityType(filter.entityType()).isEmpty()) {
            throw unknownType(filter.entityType());
        }
        if (filter.from() != null && filter.to() != null && !filter.from().isBefore(filter.to())) {
            throw AuditRefused.invalid("'from' must be before 'to'.");
        }
        if (filter.text() != null && filter.text().length() > 200) {
            throw AuditRefused.invalid("The search text has at most 200 characters.");
        }
    }

    private AuditRefused unknownType(String entityType) {
        return AuditRefused.invalid("Unknown record type '" + entityType + "'; one of " + recordTypes() + ".");
    }
}
