package org.openebr.ui;

import jakarta.ejb.EJBAccessException;
import jakarta.ejb.EJBException;
import jakarta.faces.context.FacesContext;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.openebr.identity.boundary.SecurityLog;
import org.openebr.platform.boundary.DomainException;

/**
 * One command of a screen and what the screen says when it does not go through. Built by
 * {@link Commands#attempt}, worded where the defaults do not fit, then {@link #run} or {@link #call}:
 * <ul>
 * <li>a business rule's refusal ({@link DomainException}, also when it fired at commit and arrives
 * wrapped) is shown in the rule's own words, or handed to the screen's {@link #refused} handler;</li>
 * <li>a refusal by role ({@link EJBAccessException}) is recorded as a security event and shown as
 * {@link #notAllowed};</li>
 * <li>any other failure of the server ({@link EJBException}) is shown as {@link #failed}: the
 * transaction rolled back, the server log has the cause.</li>
 * </ul>
 * Anything else (a bug in the view itself) is not caught: it reaches the error page.
 */
public final class Command {

    private final SecurityLog securityLog;
    private final String attempted;
    private String notAllowed = "Your roles do not allow this.";
    private String failed = "That could not be done; nothing was saved. The server log has the details.";
    private Consumer<DomainException> refused = rule -> Messages.error(rule.getMessage(), null);

    Command(SecurityLog securityLog, String attempted) {
        this.securityLog = securityLog;
        this.attempted = Objects.requireNonNull(attempted, "attempted");
    }

    /** What the user reads when their roles do not allow the command, e.g. who may do it instead. */
    public Command notAllowed(String message) {
        this.notAllowed = message;
        return this;
    }

    /** What the user reads when the server failed: what was not done, and that nothing was saved. */
    public Command failed(String message) {
        this.failed = message;
        return this;
    }

    /** How the screen shows a rule's refusal, e.g. each violation next to its field; it adds the messages itself. */
    public Command refused(Consumer<DomainException> handler) {
        this.refused = handler;
        return this;
    }

    /** Runs the command; true if it went through, false if the user has been told why not. */
    public boolean run(Runnable command) {
        return call(() -> {
            command.run();
            return Boolean.TRUE;
        }) != null;
    }

    /** Runs the command and returns its result, or null if it did not go through and the user has been told why. */
    public <T> T call(Supplier<T> command) {
        try {
            return command.get();
        } catch (DomainException rule) {
            refused.accept(rule);
        } catch (EJBAccessException denied) {
            securityLog.accessDenied(FacesContext.getCurrentInstance().getExternalContext().getRemoteUser(), attempted);
            Messages.error(notAllowed, null);
        } catch (EJBException failure) {
            DomainException rule = ruleIn(failure);
            if (rule != null) {
                refused.accept(rule);
            } else {
                Messages.error(failed, null);
            }
        }
        return null;
    }

    /** A rule that fired while the transaction committed (e.g. a change without a reason) arrives wrapped. */
    private static DomainException ruleIn(Throwable failure) {
        for (Throwable cause = failure.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            if (cause instanceof DomainException rule) {
                return rule;
            }
        }
        return null;
    }
}
