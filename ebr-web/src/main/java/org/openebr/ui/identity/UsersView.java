package org.openebr.ui.identity;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import org.openebr.identity.boundary.Accounts;
import org.openebr.identity.boundary.IdentityRefused;
import org.openebr.identity.boundary.Role;
import org.openebr.identity.boundary.SecurityLog;
import org.openebr.ui.Commands;
import org.openebr.ui.Messages;

/** User administration (ADMIN): create, roles, unlock, reset, deactivate — each with a reason. */
@Named("users")
@ViewScoped
public class UsersView implements Serializable {

    private static final long serialVersionUID = 1L;

    /** What an administrator can do to an existing account. */
    public enum Action { GRANT_ROLE, REVOKE_ROLE, UNLOCK, RESET_PASSWORD, DEACTIVATE }

    @Inject
    Accounts accounts;

    @Inject
    SecurityLog securityLog;

    @Inject
    Commands commands;

    private List<Accounts.AccountDetails> all;
    private List<SecurityLog.Event> alerts;

    private String newUserName;
    private String newFullName;
    private boolean newTechnical;
    private String newReason;

    private String target;
    private Action action = Action.GRANT_ROLE;
    private Role role;
    private String reason;

    private String issuedFor;
    private String issuedPassword;

    private Long alertId;
    private String alertComment;

    @PostConstruct
    void load() {
        all = accounts.list();
        alerts = securityLog.openAlerts();
    }

    public void create() {
        run(() -> {
            Accounts.OneTimeCredential created = accounts.create(newUserName, newFullName, newTechnical, newReason);
            issued(created);
            Messages.info("Account " + created.account().userName() + " created without roles.",
                    "Give the one-time password to the user in person; it must be changed at the first sign-in.");
            newUserName = null;
            newFullName = null;
            newTechnical = false;
            newReason = null;
        });
    }

    public void apply() {
        run(() -> {
            switch (action) {
                case GRANT_ROLE -> accounts.grantRole(target, requireRole(), reason);
                case REVOKE_ROLE -> accounts.revokeRole(target, requireRole(), reason);
                case UNLOCK -> accounts.unlock(target, reason);
                case DEACTIVATE -> accounts.deactivate(target, reason);
                case RESET_PASSWORD -> issued(accounts.resetPassword(target, reason));
            }
            Messages.info("Done: " + action.name().toLowerCase().replace('_', ' ') + " for " + target + ".", null);
            reason = null;
        });
    }

    public void acknowledge() {
        run(() -> {
            securityLog.acknowledge(alertId == null ? -1 : alertId, alertComment,
                    jakarta.faces.context.FacesContext.getCurrentInstance().getExternalContext().getRemoteUser());
            Messages.info("Alert " + alertId + " acknowledged.", null);
            alertComment = null;
        });
    }

    private Role requireRole() {
        if (role == null) {
            throw new IdentityRefused(IdentityRefused.Reason.INVALID, "Choose the role to grant or revoke.");
        }
        return role;
    }

    private void issued(Accounts.OneTimeCredential credential) {
        issuedFor = credential.account().userName();
        issuedPassword = credential.oneTimePassword();
    }

    private void run(Runnable work) {
        commands.attempt("user administration (users screen)").run(work);
        load();
    }

    public List<Accounts.AccountDetails> getAll() { return all; }
    public List<SecurityLog.Event> getAlerts() { return alerts; }
    public List<Role> getRoles() { return Arrays.asList(Role.values()); }
    public List<Action> getActions() { return Arrays.asList(Action.values()); }
    public String getNewUserName() { return newUserName; }
    public void setNewUserName(String v) { newUserName = v; }
    public String getNewFullName() { return newFullName; }
    public void setNewFullName(String v) { newFullName = v; }
    public boolean isNewTechnical() { return newTechnical; }
    public void setNewTechnical(boolean v) { newTechnical = v; }
    public String getNewReason() { return newReason; }
    public void setNewReason(String v) { newReason = v; }
    public String getTarget() { return target; }
    public void setTarget(String v) { target = v; }
    public Action getAction() { return action; }
    public void setAction(Action v) { action = v; }
    public Role getRole() { return role; }
    public void setRole(Role v) { role = v; }
    public String getReason() { return reason; }
    public void setReason(String v) { reason = v; }
    public String getIssuedFor() { return issuedFor; }
    public String getIssuedPassword() { return issuedPassword; }
    public Long getAlertId() { return alertId; }
    public void setAlertId(Long v) { alertId = v; }
    public String getAlertComment() { return alertComment; }
    public void setAlertComment(String v) { alertComment = v; }
}
