package org.openebr.identity.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * Identity's records by name, for the audit trail: a reader sees "qa1 (Quentin Adams)" instead of
 * an id. One query per record type for a whole page of the trail, never one per line.
 */
@Stateless
@RolesAllowed({"INSPECTOR", "QA_REVIEWER", "QA_RELEASER"})
public class AccountRecordNames {

    /** The record types named here. */
    public static final Set<String> TYPES = Set.of("UserAccount", "RoleGrant", "TrainingRecord");

    @PersistenceContext
    EntityManager em;

    /** Each id's name; an id not found (or of another type) is left out. */
    public Map<String, String> names(String entityType, Collection<String> ids) {
        List<UUID> keys = ids.stream().map(AccountRecordNames::uuid).filter(Objects::nonNull).distinct().toList();
        Map<String, String> names = new HashMap<>();
        if (keys.isEmpty()) {
            return names;
        }
        String query = switch (entityType) {
            case "UserAccount" -> "select a.id, a.userName, a.fullName, '' from UserAccount a where a.id in :ids";
            case "RoleGrant" -> "select g.id, a.userName, a.fullName, g.role from RoleGrant g, UserAccount a"
                    + " where a.id = g.accountId and g.id in :ids";
            case "TrainingRecord" -> "select t.id, a.userName, a.fullName, t.qualification from TrainingRecord t,"
                    + " UserAccount a where a.id = t.accountId and t.id in :ids";
            default -> null;
        };
        if (query == null) {
            return names;
        }
        for (Object[] row : em.createQuery(query, Object[].class).setParameter("ids", keys).getResultList()) {
            String account = row[1] + " (" + row[2] + ")";
            String name = switch (entityType) {
                case "RoleGrant" -> "role " + row[3] + " of " + account;
                case "TrainingRecord" -> "training " + row[3] + " of " + account;
                default -> account;
            };
            names.put(row[0].toString(), name);
        }
        return names;
    }

    private static UUID uuid(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException notAnAccountId) {
            // the trail may hold ids of another form; such a record keeps its id as its name
            return null;
        }
    }
}
