package org.openebr.identity.boundary;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.openebr.identity.control.IdentitySettings;
import org.openebr.identity.control.PasswordHasher;
import org.openebr.identity.control.PasswordPolicy;
import org.openebr.identity.control.SegregationOfDuties;
import org.openebr.identity.entity.AccountStatus;
import org.openebr.identity.entity.PasswordHistoryEntry;
import org.openebr.identity.entity.RoleGrant;
import org.openebr.identity.entity.UserAccount;
import org.openebr.platform.control.ChangeContext;

/**
 * Account administration (ADMIN only) and each user's own account. Administrators never choose
 * or learn a usable password: new accounts and resets get a one-time password that must be
 * changed at the next sign-in (21 CFR 11.300; PIC/S 9.5). Every change is a security event with
 * who, whom, what, when and why; every refusal too.
 */
@Stateless
public class Accounts {

    /** An account as administrators, inspectors and the user see it. Never contains a password or hash. */
    public record AccountDetails(String userName, String fullName, boolean technical, boolean demo, String status,
                              Set<String> roles, boolean passwordChangeRequired, int failedAttempts,
                              Instant lastLoginAt, Instant lockedAt, Instant createdAt, String createdBy,
                              Instant deactivatedAt) {
    }

    /** A new account or a reset: the one-time password is shown once, to the administrator, and never stored. */
    public record OneTimeCredential(AccountDetails account, String oneTimePassword) {
    }

    private static final Pattern USER_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9._-]{2,63}");

    @PersistenceContext
    EntityManager em;

    @Resource
    SessionContext session;

    @Inject
    Clock clock;

    @Inject
    IdentitySettings settings;

    @Inject
    SecurityLog log;

    @Inject
    AccountQueries queries;

    @Inject
    Authentication authentication;

    @Inject
    ChangeContext change;

    @Inject
    Event<AccountDeactivated> deactivated;


    @RolesAllowed("ADMIN")
    public OneTimeCredential create(String userName, String fullName, boolean technical, String reason) {
        String actor = caller();
        String name = userName == null ? "" : userName.strip();
        change.record("Create account", reason).actingAs(Role.ADMIN.name());
        requireReason(reason, "create account " + name);
        if (!USER_NAME.matcher(name).matches()) {
            refuse(IdentityRefused.Reason.INVALID, name, "create account",
                    "A user name has 3 to 64 characters: a letter first, then letters, digits, '.', '_' or '-'.");
        }
        if (fullName == null || fullName.isBlank() || fullName.length() > 200) {
            refuse(IdentityRefused.Reason.INVALID, name, "create account", "The full name is required (at most 200 characters).");
        }
        queries.byUserName(name).ifPresent(existing -> refuse(IdentityRefused.Reason.USER_NAME_TAKEN, name, "create account",
                "User name '" + name + "' belongs to " + (existing.status() == AccountStatus.DEACTIVATED ? "a deactivated" : "an existing")
                        + " account; user names are never reused."));
        char[] oneTime = PasswordHasher.oneTimePassword();
        UserAccount account = new UserAccount(name, fullName.strip(), technical, false, settings.passwordHasher().hash(oneTime), actor, clock.instant());
        em.persist(account);
        log.record(SecurityEventType.ACCOUNT_CREATED, actor, name,
                (technical ? "technical" : "personal") + " account created without roles; one-time password issued", reason);
        return new OneTimeCredential(view(account), new String(oneTime));
    }

    @RolesAllowed("ADMIN")
    public AccountDetails deactivate(String userName, String reason) {
        String actor = caller();
        change.record("Deactivate account", reason).actingAs(Role.ADMIN.name());
        requireReason(reason, "deactivate " + userName);
        UserAccount account = existing(userName, "deactivate");
        if (account.userName().equalsIgnoreCase(actor)) {
            refuse(IdentityRefused.Reason.ACCOUNT_STATE, userName, "deactivate", "You cannot deactivate your own account.");
        }
        if (account.status() == AccountStatus.DEACTIVATED) {
            refuse(IdentityRefused.Reason.ACCOUNT_STATE, userName, "deactivate", "Account " + account.userName() + " is already deactivated.");
        }
        refuseRemovingTheLastAdministrator(account, "deactivate");
        account.deactivate(clock.instant());
        for (RoleGrant grant : queries.activeGrants(account.id())) {
            grant.revoke(actor, clip("account deactivated: " + reason), clock.instant());
            log.record(SecurityEventType.ROLE_REVOKED, actor, account.userName(),
                    "role " + grant.role() + " revoked with the deactivation", reason);
        }
        log.record(SecurityEventType.ACCOUNT_DEACTIVATED, actor, account.userName(),
                "account deactivated; its roles revoked and its sessions ended", reason);
        deactivated.fire(new AccountDeactivated(account.id(), account.userName(), actor, reason));
        return view(account);
    }

    @RolesAllowed("ADMIN")
    public AccountDetails unlock(String userName, String reason) {
        String actor = caller();
        change.record("Unlock account", reason).actingAs(Role.ADMIN.name());
        requireReason(reason, "unlock " + userName);
        UserAccount account = existing(userName, "unlock");
        if (account.status() != AccountStatus.LOCKED) {
            refuse(IdentityRefused.Reason.ACCOUNT_STATE, userName, "unlock",
                    "Account " + account.userName() + " is " + account.status().name().toLowerCase() + ", not locked.");
        }
        account.unlock();
        log.record(SecurityEventType.ACCOUNT_UNLOCKED, actor, account.userName(), "account unlocked", reason);
        return view(account);
    }

    @RolesAllowed("ADMIN")
    public OneTimeCredential resetPassword(String userName, String reason) {
        String actor = caller();
        change.record("Reset password", reason).actingAs(Role.ADMIN.name());
        requireReason(reason, "reset password of " + userName);
        UserAccount account = existing(userName, "reset password");
        if (account.userName().equalsIgnoreCase(actor)) {
            refuse(IdentityRefused.Reason.ACCOUNT_STATE, userName, "reset password",
                    "You cannot reset your own password; change it yourself.");
        }
        if (account.status() == AccountStatus.DEACTIVATED) {
            refuse(IdentityRefused.Reason.ACCOUNT_STATE, userName, "reset password", "Account " + account.userName() + " is deactivated.");
        }
        char[] oneTime = PasswordHasher.oneTimePassword();
        account.resetPassword(settings.passwordHasher().hash(oneTime), clock.instant());
        log.record(SecurityEventType.PASSWORD_RESET, actor, account.userName(),
                "password reset to a one-time password that must be changed at the next sign-in", reason);
        return new OneTimeCredential(view(account), new String(oneTime));
    }

    @RolesAllowed("ADMIN")
    public AccountDetails grantRole(String userName, Role role, String reason) {
        String actor = caller();
        change.record("Grant role " + role, reason).actingAs(Role.ADMIN.name());
        requireReason(reason, "grant " + role + " to " + userName);
        UserAccount account = existing(userName, "grant " + role);
        if (account.userName().equalsIgnoreCase(actor)) {
            refuse(IdentityRefused.Reason.SEGREGATION_OF_DUTIES, userName, "grant " + role,
                    "Administrators cannot grant roles to their own account.");
        }
        if (account.status() == AccountStatus.DEACTIVATED) {
            refuse(IdentityRefused.Reason.ACCOUNT_STATE, userName, "grant " + role, "Account " + account.userName() + " is deactivated.");
        }
        Set<Role> held = queries.activeRoles(account.id()).stream().map(Role::valueOf).collect(Collectors.toSet());
        if (held.contains(role)) {
            refuse(IdentityRefused.Reason.ROLE_STATE, userName, "grant " + role, account.userName() + " already holds " + role + ".");
        }
        SegregationOfDuties.conflict(held, role, account.technical()).ifPresent(conflict ->
                refuse(IdentityRefused.Reason.SEGREGATION_OF_DUTIES, userName, "grant " + role,
                        "Segregation of duties: " + conflict + "."));
        em.persist(new RoleGrant(account.id(), role.name(), actor, reason, clock.instant()));
        log.record(SecurityEventType.ROLE_GRANTED, actor, account.userName(), "role " + role + " granted", reason);
        em.flush();
        return view(account);
    }

    @RolesAllowed("ADMIN")
    public AccountDetails revokeRole(String userName, Role role, String reason) {
        String actor = caller();
        change.record("Revoke role " + role, reason).actingAs(Role.ADMIN.name());
        requireReason(reason, "revoke " + role + " from " + userName);
        UserAccount account = existing(userName, "revoke " + role);
        if (account.userName().equalsIgnoreCase(actor)) {
            refuse(IdentityRefused.Reason.SEGREGATION_OF_DUTIES, userName, "revoke " + role,
                    "Administrators cannot change the roles of their own account.");
        }
        RoleGrant grant = queries.activeGrants(account.id()).stream().filter(g -> g.role().equals(role.name())).findFirst()
                .orElseThrow(() -> refusal(IdentityRefused.Reason.ROLE_STATE, userName, "revoke " + role,
                        account.userName() + " does not hold " + role + "."));
        if (role == Role.ADMIN) {
            refuseRemovingTheLastAdministrator(account, "revoke " + role);
        }
        grant.revoke(actor, reason, clock.instant());
        log.record(SecurityEventType.ROLE_REVOKED, actor, account.userName(), "role " + role + " revoked", reason);
        em.flush();
        return view(account);
    }

    @RolesAllowed({"ADMIN", "SUPERVISOR", "INSPECTOR", "QA_REVIEWER", "QA_RELEASER"})
    public List<AccountDetails> list() {
        return queries.all().stream().map(this::view).toList();
    }

    @RolesAllowed({"ADMIN", "INSPECTOR", "QA_REVIEWER", "QA_RELEASER"})
    public AccountDetails find(String userName) {
        return view(queries.existing(userName));
    }

    /** The caller's own account. A read that API clients poll: no transaction to begin and commit. */
    @PermitAll
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public AccountDetails me() {
        return view(queries.existing(caller()));
    }

    /**
     * The caller changes their own password. The current password is checked like a sign-in
     * (a wrong one counts toward lockout); the new one must meet the policy and differ from the
     * last N.
     */
    @PermitAll
    public AccountDetails changeOwnPassword(char[] currentPassword, char[] newPassword) {
        String actor = caller();
        // Checked (and committed) before the account is read here, so this transaction sees its effect.
        if (!authentication.verifyCurrentPassword(actor, currentPassword)) {
            throw new IdentityRefused(IdentityRefused.Reason.CURRENT_PASSWORD_WRONG,
                    "The current password is not correct. Repeated failures lock the account.");
        }
        UserAccount account = queries.existing(actor);
        List<String> problems = new PasswordPolicy(settings.passwordMinLength())
                .problems(account.userName(), account.fullName(), newPassword);
        if (problems.isEmpty() && reused(account, newPassword)) {
            problems = List.of("must differ from your current and last " + settings.passwordHistory() + " passwords");
        }
        if (!problems.isEmpty()) {
            log.recordSeparately(SecurityEventType.PASSWORD_CHANGE_REFUSED, actor, actor,
                    "new password refused: " + String.join("; ", problems), null);
            throw new IdentityRefused(IdentityRefused.Reason.WEAK_PASSWORD,
                    "The new password " + String.join("; ", problems) + ".", problems);
        }
        change.record("Change own password", "password changed by its owner");
        String newHash = settings.passwordHasher().hash(newPassword);
        account.changePassword(newHash, clock.instant());
        em.persist(new PasswordHistoryEntry(account.id(), newHash, clock.instant()));
        log.record(SecurityEventType.PASSWORD_CHANGED, actor, actor, "password changed by its owner", null);
        return view(account);
    }

    /** After changing the password the user signs in again with it: the old session's end is recorded. */
    @PermitAll
    public void signedOutAfterPasswordChange() {
        String actor = caller();
        log.record(SecurityEventType.LOGOUT, actor, actor, "signed out after changing the password", null);
    }

    private boolean reused(UserAccount account, char[] candidate) {
        if (settings.passwordHasher().matches(candidate, account.passwordHash())) {
            return true;
        }
        return em.createQuery("select h from PasswordHistoryEntry h where h.accountId = :id order by h.setAt desc",
                        PasswordHistoryEntry.class)
                .setParameter("id", account.id())
                .setMaxResults(settings.passwordHistory())
                .getResultStream()
                .anyMatch(previous -> settings.passwordHasher().matches(candidate, previous.passwordHash()));
    }

    AccountDetails view(UserAccount account) {
        Set<String> roles = new TreeSet<>(queries.activeRoles(account.id()));
        return new AccountDetails(account.userName(), account.fullName(), account.technical(), account.demo(),
                account.status().name(), roles, account.passwordChangeRequired(), account.failedAttempts(),
                account.lastLoginAt(), account.lockedAt(), account.createdAt(), account.createdBy(),
                account.deactivatedAt());
    }

    /** Without an active administrator nobody could unlock an account or grant a role again. */
    private void refuseRemovingTheLastAdministrator(UserAccount account, String action) {
        boolean isAdmin = queries.activeRoles(account.id()).contains(Role.ADMIN.name());
        long activeAdmins = em.createQuery("select count(g) from RoleGrant g, UserAccount a where g.accountId = a.id"
                        + " and g.role = :admin and g.revokedAt is null and a.status <> :deactivated", Long.class)
                .setParameter("admin", Role.ADMIN.name())
                .setParameter("deactivated", AccountStatus.DEACTIVATED)
                .getSingleResult();
        if (isAdmin && activeAdmins <= 1) {
            refuse(IdentityRefused.Reason.ROLE_STATE, account.userName(), action,
                    account.userName() + " is the last administrator; grant ADMIN to someone else first.");
        }
    }

    private static String clip(String text) {
        return text.length() <= 1000 ? text : text.substring(0, 1000);
    }

    private UserAccount existing(String userName, String action) {
        return queries.byUserName(userName == null ? "" : userName)
                .orElseThrow(() -> refusal(IdentityRefused.Reason.UNKNOWN_ACCOUNT, userName, action,
                        "There is no account with user name '" + userName + "'."));
    }

    private void requireReason(String reason, String action) {
        if (reason == null || reason.isBlank()) {
            refuse(IdentityRefused.Reason.INVALID, null, action, "A reason is required for " + action + ".");
        }
    }

    private void refuse(IdentityRefused.Reason reason, String subject, String action, String message) {
        throw refusal(reason, subject, action, message);
    }

    private IdentityRefused refusal(IdentityRefused.Reason reason, String subject, String action, String message) {
        log.recordSeparately(SecurityEventType.ADMINISTRATION_REFUSED, caller(), subject, action + " refused: " + message, null);
        return new IdentityRefused(reason, message);
    }

    private String caller() {
        return session.getCallerPrincipal().getName();
    }
}
