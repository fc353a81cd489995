package org.openebr.ui.identity;

import jakarta.annotation.PostConstruct;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.openebr.identity.boundary.Accounts;
import org.openebr.identity.boundary.Role;
import org.openebr.identity.boundary.SecurityEventType;
import org.openebr.identity.boundary.SecurityLog;
import org.openebr.signature.boundary.SigningCredentials;
import org.openebr.ui.Commands;
import org.openebr.ui.Messages;

/**
 * User administration (ADMIN) without codes: each account with its state in words (active, locked
 * since when and why, deactivated) and whether it can sign; roles chosen from the roles in words;
 * unlock at the row and alerts acknowledged at the alert, each with a reason; a one-time password
 * shown once, next to the button that made it.
 */
@Named("users")
@ViewScoped
public class UsersView implements Serializable {

    private static final long serialVersionUID = 2L;

    /** The roles in words, as an administrator chooses them. */
    private static final Map<Role, String> ROLE_WORDS = new EnumMap<>(Map.ofEntries(
            Map.entry(Role.OPERATOR, "Operator: executes batch steps"),
            Map.entry(Role.SUPERVISOR, "Supervisor: dispatches batches, records training"),
            Map.entry(Role.RECIPE_AUTHOR, "Recipe author: writes master recipes"),
            Map.entry(Role.RECIPE_APPROVER, "Recipe approver: approves master recipes"),
            Map.entry(Role.QA_REVIEWER, "QA reviewer: reviews batches, reads security events"),
            Map.entry(Role.QA_RELEASER, "QA releaser: releases or rejects batches and material lots"),
            Map.entry(Role.WAREHOUSE, "Warehouse: receives goods, prints labels, moves containers"),
            Map.entry(Role.MAINTENANCE, "Maintenance: calibrates and maintains equipment"),
            Map.entry(Role.INSPECTOR, "Inspector: reads everything, changes nothing"),
            Map.entry(Role.ADMIN, "Administrator: accounts and roles, never a GMP action"),
            Map.entry(Role.ERP_INTERFACE, "ERP interface: the ERP's technical account")));

    /** Where a one-time password was made, so that it is shown next to that button. */
    public enum IssuedAt { CREATE, RESET }

    /**
     * One account as the list shows it.
     *
     * @param lockedWhy   for a locked account, why (the lockout's own words)
     * @param certificate the account holds an active signing certificate
     */
    public record Row(Accounts.AccountDetails account, String lockedWhy, boolean certificate) {
        public String userName() { return account.userName(); }
    }

    @Inject
    Accounts accounts;

    @Inject
    SecurityLog securityLog;

    @Inject
    SigningCredentials credentials;

    @Inject
    Commands commands;

    @Inject
    ExternalContext external;

    private List<Row> all;
    private List<SecurityLog.Event> alerts;
    private final Map<Long, String> alertComments = new HashMap<>();
    private final Map<String, String> unlockReasons = new HashMap<>();

    private String newUserName;
    private String newFullName;
    private boolean newTechnical;
    private String newReason;

    /** The account being changed (from {@code ?user=}, the link of each row, or the account just created). */
    private String selected;
    private Role[] chosenRoles = new Role[0];
    private String rolesReason;
    private String resetReason;
    private String deactivateReason;

    private String issuedFor;
    private String issuedPassword;
    private IssuedAt issuedAt;

    @PostConstruct
    void load() {
        Set<String> holders = credentials.holders();
        all = accounts.list().stream()
                .map(a -> new Row(a, "LOCKED".equals(a.status()) ? lockedWhy(a) : null, holders.contains(a.userName())))
                .sorted(java.util.Comparator.comparing(r -> r.userName().toLowerCase(java.util.Locale.ROOT)))
                .toList();
        alerts = securityLog.openAlerts();
        choicesFromAccount();
    }

    /** After {@code ?user=} was read: the chosen account's roles are the choices' starting point. */
    public void opened() {
        choicesFromAccount();
    }

    private void choicesFromAccount() {
        Accounts.AccountDetails account = getAccount();
        chosenRoles = account == null ? new Role[0]
                : Arrays.stream(Role.values()).filter(r -> account.roles().contains(r.name())).toArray(Role[]::new);
    }

    /** The lockout event's own words ("locked after 5 consecutive failed sign-in attempts"). */
    private String lockedWhy(Accounts.AccountDetails account) {
        Instant since = account.lockedAt();
        return securityLog.search(new SecurityLog.Filter(account.userName(), SecurityEventType.ACCOUNT_LOCKED.name(),
                        since == null ? null : since.minusSeconds(1), null, 1)).stream()
                .map(SecurityLog.Event::detail).findFirst().orElse("too many wrong passwords");
    }

    public void create() {
        forget();
        Accounts.OneTimeCredential created = commands.attempt("create an account (users screen)")
                .call(() -> accounts.create(newUserName, newFullName, newTechnical, newReason));
        if (created != null) {
            issued(created, IssuedAt.CREATE);
            Messages.info("Account " + created.account().userName() + " created without roles.",
                    "Give the one-time password below to the person in person; it must be changed at the first sign-in."
                            + " Then choose their roles, and have another administrator verify their identity for signing.");
            selected = created.account().userName();
            newUserName = null;
            newFullName = null;
            newTechnical = false;
            newReason = null;
        }
        load();
    }

    /** Grants the chosen roles the account lacks and revokes those not chosen, each with the one reason. */
    public void saveRoles() {
        forget();
        Accounts.AccountDetails account = getAccount();
        if (account == null) {
            return;
        }
        Set<String> current = account.roles();
        List<Role> chosen = Arrays.asList(chosenRoles);
        List<Role> revoke = Arrays.stream(Role.values()).filter(r -> current.contains(r.name()) && !chosen.contains(r)).toList();
        List<Role> grant = chosen.stream().filter(r -> !current.contains(r.name())).toList();
        if (revoke.isEmpty() && grant.isEmpty()) {
            Messages.error("Nothing to change: the roles chosen are the roles " + selected + " has.", null);
            return;
        }
        List<String> done = new ArrayList<>();
        // revocations first: a role that excludes the others (INSPECTOR, ADMIN) can then be granted
        for (Role role : revoke) {
            if (!commands.attempt("revoke role " + role + " (users screen)").run(() -> accounts.revokeRole(selected, role, rolesReason))) {
                partly(done);
                return;
            }
            done.add("revoked " + words(role));
        }
        for (Role role : grant) {
            if (!commands.attempt("grant role " + role + " (users screen)").run(() -> accounts.grantRole(selected, role, rolesReason))) {
                partly(done);
                return;
            }
            done.add("granted " + words(role));
        }
        Messages.info("Roles of " + selected + " changed: " + String.join("; ", done) + ".", null);
        rolesReason = null;
        load();
    }

    /** A refusal stopped the changes: say what was done before it, and keep the person's choices. */
    private void partly(List<String> done) {
        if (!done.isEmpty()) {
            Messages.info("Done before that: " + String.join("; ", done) + ".", null);
        }
        Role[] kept = chosenRoles;
        load();
        chosenRoles = kept;
    }

    public void unlock(String userName) {
        forget();
        String reason = unlockReasons.get(userName);
        if (commands.attempt("unlock an account (users screen)").run(() -> accounts.unlock(userName, reason))) {
            Messages.info("Account " + userName + " unlocked.", "The person can sign in again with their password.");
            unlockReasons.remove(userName);
        }
        load();
    }

    public void resetPassword() {
        forget();
        Accounts.OneTimeCredential reset = commands.attempt("reset a password (users screen)")
                .call(() -> accounts.resetPassword(selected, resetReason));
        if (reset != null) {
            issued(reset, IssuedAt.RESET);
            Messages.info("Password of " + selected + " reset.",
                    "Give the one-time password below to the person in person; it must be changed at the next sign-in.");
            resetReason = null;
        }
        load();
    }

    public void deactivate() {
        forget();
        if (commands.attempt("deactivate an account (users screen)").run(() -> accounts.deactivate(selected, deactivateReason))) {
            Messages.info("Account " + selected + " deactivated.", "Its signing certificate, if any, is revoked; its"
                    + " signatures stay valid.");
            deactivateReason = null;
        }
        load();
    }

    public void acknowledge(long alertId) {
        forget();
        String comment = alertComments.get(alertId);
        if (commands.attempt("acknowledge a security alert (users screen)").run(() ->
                securityLog.acknowledge(alertId, comment, external.getRemoteUser()))) {
            // the alert leaves the list with its button: the page says it, next to the banner's count
            jakarta.faces.context.FacesContext.getCurrentInstance().addMessage(null, new jakarta.faces.application.FacesMessage(
                    jakarta.faces.application.FacesMessage.SEVERITY_INFO, "Alert acknowledged.", ""));
            alertComments.remove(alertId);
        }
        load();
    }

    /** A one-time password is shown once: the next action of the screen forgets it. */
    private void forget() {
        issuedFor = null;
        issuedPassword = null;
        issuedAt = null;
    }

    private void issued(Accounts.OneTimeCredential credential, IssuedAt where) {
        issuedFor = credential.account().userName();
        issuedPassword = credential.oneTimePassword();
        issuedAt = where;
    }

    /** The account being changed, or null. */
    public Accounts.AccountDetails getAccount() {
        return selected == null ? null : selectedAccount();
    }

    /** An account state in words, for its status badge. */
    public String statusWords(String status) {
        if (status == null) {
            return "";
        }
        return switch (status) {
            case "ACTIVE" -> "Active";
            case "LOCKED" -> "Locked";
            case "DEACTIVATED" -> "Deactivated";
            default -> status;
        };
    }

    /** An alert's type in words: ACCOUNT_LOCKED is "Account locked". */
    public String what(String type) {
        String words = type.replace('_', ' ').toLowerCase(java.util.Locale.ROOT);
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    private Accounts.AccountDetails selectedAccount() {
        return all.stream().filter(r -> r.userName().equalsIgnoreCase(String.valueOf(selected))).map(Row::account)
                .findFirst().orElse(null);
    }

    /** The role in words; the code itself for a role this screen does not know yet. */
    public String words(Role role) {
        return ROLE_WORDS.getOrDefault(role, role.name());
    }

    /** Short names of an account's roles, for the list. */
    public String roleNames(Set<String> roles) {
        if (roles.isEmpty()) {
            return "no roles";
        }
        return Arrays.stream(Role.values()).filter(r -> roles.contains(r.name())).map(this::name)
                .collect(Collectors.joining(", "));
    }

    /** The role's name in words, without what it does: "Operator". */
    private String name(Role role) {
        String words = words(role);
        int colon = words.indexOf(':');
        return colon < 0 ? words : words.substring(0, colon);
    }

    /** Whether the one-time password is shown at this place ({@link IssuedAt}): only next to the button that made it. */
    public boolean shown(String where) {
        return issuedPassword != null && issuedAt == IssuedAt.valueOf(where);
    }

    public List<Row> getAll() { return all; }
    public List<SecurityLog.Event> getAlerts() { return alerts; }
    public Map<Long, String> getAlertComments() { return alertComments; }
    public Map<String, String> getUnlockReasons() { return unlockReasons; }
    public List<Role> getRoles() { return Arrays.asList(Role.values()); }
    public String getNewUserName() { return newUserName; }
    public void setNewUserName(String v) { newUserName = v; }
    public String getNewFullName() { return newFullName; }
    public void setNewFullName(String v) { newFullName = v; }
    public boolean isNewTechnical() { return newTechnical; }
    public void setNewTechnical(boolean v) { newTechnical = v; }
    public String getNewReason() { return newReason; }
    public void setNewReason(String v) { newReason = v; }
    public String getSelected() { return selected; }
    /**
     * {@code ?user=} chooses the account when the page opens; a postback brings the parameter back,
     * but then the account chosen since (e.g. the one just created) stays chosen.
     */
    public void setSelected(String v) {
        if (!jakarta.faces.context.FacesContext.getCurrentInstance().isPostback()) {
            selected = v;
        }
    }
    public Role[] getChosenRoles() { return chosenRoles.clone(); }
    public void setChosenRoles(Role[] v) { chosenRoles = v == null ? new Role[0] : v.clone(); }
    public String getRolesReason() { return rolesReason; }
    public void setRolesReason(String v) { rolesReason = v; }
    public String getResetReason() { return resetReason; }
    public void setResetReason(String v) { resetReason = v; }
    public String getDeactivateReason() { return deactivateReason; }
    public void setDeactivateReason(String v) { deactivateReason = v; }
    public String getIssuedFor() { return issuedFor; }
    public String getIssuedPassword() { return issuedPassword; }
}
