package org.openebr.platform.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.TransactionSynchronizationRegistry;

/**
 * What the current transaction does and why, as the business command states it: the command's
 * name, the reason for the change, the role the user acts in, and (for work done before the
 * caller is authenticated, such as a sign-in) who acts. Held per JTA transaction, so one business
 * command = one transaction = one audit revision carries exactly its own reason.
 *
 * <p>The audit trail's revision listener reads it; a modification or voiding of GMP data without a
 * reason is refused there (EU GMP Annex 11 §9).
 */
@ApplicationScoped
public class ChangeContext {

    /** The user name recorded for the server's own work (start-up, timers): no person acts. */
    public static final String SYSTEM = "system";

    /** The purpose of one transaction. Any part may be null. */
    public record Change(String command, String reason, String actingRole, String userName, String fullName) {

        static final Change NONE = new Change(null, null, null, null, null);

        Change withCommand(String value) {
            return new Change(value, reason, actingRole, userName, fullName);
        }

        Change withReason(String value) {
            return new Change(command, value, actingRole, userName, fullName);
        }

        Change withActingRole(String value) {
            return new Change(command, reason, value, userName, fullName);
        }

        Change withActor(String user, String name) {
            return new Change(command, reason, actingRole, user, name);
        }
    }

    private static final Object KEY = ChangeContext.class.getName();

    @Resource
    TransactionSynchronizationRegistry registry;

    /**
     * The business command this transaction performs, e.g. "Revoke role" (shown as the action).
     *
     * @param reason why; required whenever GMP data is modified or voided
     */
    public ChangeContext record(String command, String reason) {
        update(current().withCommand(command).withReason(blankToNull(reason)));
        return this;
    }

    /** Names the command unless the boundary already did (for shared helpers such as the security log). */
    public ChangeContext describeIfUnset(String command) {
        if (current().command() == null) {
            update(current().withCommand(command));
        }
        return this;
    }

    public ChangeContext actingAs(String role) {
        update(current().withActingRole(role));
        return this;
    }

    /** Who acts, when the request is not (yet) authenticated, e.g. the account that is signing in. */
    public ChangeContext actor(String userName, String fullName) {
        update(current().withActor(userName, fullName));
        return this;
    }

    /** This transaction's purpose so far; {@link Change#NONE}-like (all null) when nothing was said. */
    public Change current() {
        if (registry == null || registry.getTransactionKey() == null) {
            return Change.NONE;
        }
        Object change = registry.getResource(KEY);
        return change instanceof Change c ? c : Change.NONE;
    }

    private void update(Change change) {
        if (registry != null && registry.getTransactionKey() != null) {
            registry.putResource(KEY, change);
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
