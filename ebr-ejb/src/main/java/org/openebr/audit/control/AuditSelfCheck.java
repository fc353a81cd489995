package org.openebr.audit.control;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.hibernate.envers.AuditReaderFactory;
import org.openebr.identity.control.IdentitySettings;
import org.openebr.trust.control.Keys;

/**
 * Proves at every start that the audit trail is on and cannot be bypassed (EU GMP Annex 11 §12.3:
 * it cannot be switched off): every entity is audited or exempted on purpose, Envers is active for
 * each audited entity, and every audit table refuses UPDATE, DELETE and TRUNCATE, both by the
 * runtime role's privileges and by an enabled append-only trigger.
 */
@Stateless
@PermitAll
public class AuditSelfCheck {

    @PersistenceContext(unitName = "ebr")
    EntityManager em;

    @Resource(lookup = "java:jboss/datasources/EbrDS")
    DataSource dataSource;

    @Inject
    AuditedTables tables;

    @Inject
    Keys keys;

    @Inject
    IdentitySettings identity;

    /** The problems found; empty when the audit trail is fully in force. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (keys.developmentKeyPassword() && !identity.demoMode()) {
            problems.add("The key store that signs the checkpoints is protected by the development password:"
                    + " set EBR_KEY_PASSWORD.");
        }
        for (String entity : tables.unexpectedlyUnaudited()) {
            problems.add("Entity " + entity + " is not audited and not exempted: its changes would have no audit trail.");
        }
        try {
            var reader = AuditReaderFactory.get(em);
            for (AuditedTables.AuditedTable table : tables.audited().values()) {
                Class<?> type = em.getMetamodel().getEntities().stream()
                        .filter(e -> e.getJavaType().getSimpleName().equals(table.entityType())).findFirst()
                        .orElseThrow().getJavaType();
                if (!reader.isEntityClassAudited(type)) {
                    problems.add("Envers does not audit " + table.entityType() + ".");
                }
            }
        } catch (RuntimeException e) {
            problems.add("Envers is not active: " + e.getMessage());
        }
        List<String> appendOnly = new ArrayList<>(List.of("audit_revision", "audit_chain_link", "record_export"));
        tables.audited().values().forEach(t -> appendOnly.add(t.auditTable()));
        try (Connection connection = dataSource.getConnection();
             PreparedStatement check = connection.prepareStatement("SELECT to_regclass('ebr.' || ?) IS NOT NULL,"
                     + " has_table_privilege(current_user, 'ebr.' || ?, 'UPDATE'),"
                     + " has_table_privilege(current_user, 'ebr.' || ?, 'DELETE'),"
                     + " has_table_privilege(current_user, 'ebr.' || ?, 'TRUNCATE'),"
                     // 'O' and 'A' fire in every session; 'D' (disabled) and 'R' (replica only) do not
                     + " (SELECT count(*) FROM pg_trigger t WHERE t.tgrelid = to_regclass('ebr.' || ?)"
                     + "    AND t.tgname IN (? || '_append_only', ? || '_no_truncate') AND t.tgenabled IN ('O', 'A'))")) {
            for (String table : appendOnly) {
                for (int i = 1; i <= 5; i++) {
                    check.setString(i, table);
                }
                check.setString(6, table);
                check.setString(7, table);
                try (ResultSet row = check.executeQuery()) {
                    row.next();
                    if (!row.getBoolean(1)) {
                        problems.add("Audit table " + table + " does not exist.");
                        continue;
                    }
                    if (row.getBoolean(2) || row.getBoolean(3) || row.getBoolean(4)) {
                        problems.add("The runtime database role may UPDATE, DELETE or TRUNCATE audit table " + table + ".");
                    }
                    if (row.getLong(5) < 2) {
                        problems.add("Audit table " + table + " has an append-only trigger missing or disabled.");
                    }
                }
            }
        } catch (SQLException e) {
            problems.add("The audit tables cannot be checked: SQLSTATE " + e.getSQLState());
        }
        return problems;
    }
}
