package org.openebr.identity.boundary;

import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.openebr.identity.entity.RoleGrant;
import org.openebr.identity.entity.UserAccount;

/** Look-ups shared by the identity boundaries; runs in the caller's transaction. */
@Dependent
public class AccountQueries {

    @PersistenceContext
    EntityManager em;

    public Optional<UserAccount> byUserName(String userName) {
        return em.createQuery("select a from UserAccount a where a.userNameKey = :key", UserAccount.class)
                .setParameter("key", UserAccount.key(userName))
                .getResultStream().findFirst();
    }

    public UserAccount existing(String userName) {
        return byUserName(userName).orElseThrow(() -> new IdentityRefused(IdentityRefused.Reason.UNKNOWN_ACCOUNT,
                "There is no account with user name '" + userName + "'."));
    }

    public List<String> activeRoles(UUID accountId) {
        return em.createQuery("select g.role from RoleGrant g where g.accountId = :id and g.revokedAt is null"
                        + " order by g.role", String.class)
                .setParameter("id", accountId).getResultList();
    }

    public List<RoleGrant> activeGrants(UUID accountId) {
        return em.createQuery("select g from RoleGrant g where g.accountId = :id and g.revokedAt is null", RoleGrant.class)
                .setParameter("id", accountId).getResultList();
    }

    public List<RoleGrant> grantHistory(UUID accountId) {
        return em.createQuery("select g from RoleGrant g where g.accountId = :id order by g.grantedAt", RoleGrant.class)
                .setParameter("id", accountId).getResultList();
    }

    public List<UserAccount> all() {
        return em.createQuery("select a from UserAccount a order by a.userNameKey", UserAccount.class).getResultList();
    }

    /** Every account's active roles in one query, by account id (accounts without roles are absent). */
    public java.util.Map<UUID, java.util.Set<String>> activeRolesByAccount() {
        java.util.Map<UUID, java.util.Set<String>> roles = new java.util.HashMap<>();
        em.createQuery("select g from RoleGrant g where g.revokedAt is null", RoleGrant.class).getResultStream()
                .forEach(g -> roles.computeIfAbsent(g.accountId(), id -> new java.util.TreeSet<>()).add(g.role()));
        return roles;
    }
}
