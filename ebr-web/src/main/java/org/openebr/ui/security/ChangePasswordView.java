package org.openebr.ui.security;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.openebr.identity.boundary.Accounts;
import org.openebr.identity.control.IdentitySettings;
import org.openebr.ui.Commands;
import org.openebr.ui.Messages;

/** The user changes their own password; afterwards they sign in again with it. */
@Named("changePassword")
@RequestScoped
public class ChangePasswordView {

    @Inject
    Accounts accounts;

    @Inject
    Commands commands;

    @Inject
    IdentitySettings settings;

    @Inject
    ExternalContext external;

    @Inject
    FacesContext faces;

    private String current;
    private String next;
    private String repeated;

    public void change() throws IOException, ServletException {
        if (next == null || !next.equals(repeated)) {
            Messages.error("The two new passwords differ.", "Type the same new password twice.");
            return;
        }
        boolean changed;
        try {
            changed = commands.attempt("change own password (change password screen)")
                    .failed("The password could not be changed; it is as before. The server log has the details.")
                    .run(() -> accounts.changeOwnPassword(nz(current).toCharArray(), next.toCharArray()));
        } finally {
            current = null;
            next = null;
            repeated = null;
        }
        if (!changed) {
            return;
        }
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.setAttribute(SessionEvents.LOGGED_OUT, Boolean.TRUE);
            session.invalidate();
        }
        // The user signs in again with the new password: this session's end is a sign-out.
        accounts.signedOutAfterPasswordChange();
        request.logout();
        external.redirect(request.getContextPath() + "/login.xhtml?passwordChanged=true");
        faces.responseComplete();
    }

    public int minLength() {
        return settings.passwordMinLength();
    }

    public boolean required() {
        return ((HttpServletRequest) external.getRequest()).isUserInRole(EbrAuthenticationMechanism.PASSWORD_CHANGE_REQUIRED);
    }

    private static String nz(String value) {
        return value == null ? "" : value;
    }

    public String getCurrent() { return current; }
    public void setCurrent(String current) { this.current = current; }
    public String getNext() { return next; }
    public void setNext(String next) { this.next = next; }
    public String getRepeated() { return repeated; }
    public void setRepeated(String repeated) { this.repeated = repeated; }
}
