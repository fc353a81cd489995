package org.openebr.identity.boundary;

import java.util.UUID;

/**
 * CDI event, fired inside the deactivation's transaction: whatever else belongs to the account
 * (e.g. its signing credential) ends with it, or the deactivation rolls back.
 */
public record AccountDeactivated(UUID accountId, String userName, String by, String reason) {
}
