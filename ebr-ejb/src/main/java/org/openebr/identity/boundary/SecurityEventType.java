package org.openebr.identity.boundary;

/** What happened. Those that are alerts show to administrators at once until acknowledged. */
public enum SecurityEventType {
    LOGIN(false),
    LOGOUT(false),
    SESSION_EXPIRED(false),
    /** The server ended a session because its account was locked or deactivated meanwhile. */
    SESSION_REVOKED(false),
    LOGIN_FAILED(false),
    ACCOUNT_LOCKED(true),
    ACCOUNT_UNLOCKED(false),
    ACCOUNT_CREATED(false),
    ACCOUNT_DEACTIVATED(false),
    ROLE_GRANTED(false),
    ROLE_REVOKED(false),
    PASSWORD_CHANGED(false),
    PASSWORD_CHANGE_REFUSED(false),
    PASSWORD_RESET(false),
    ACCESS_DENIED(false),
    ADMINISTRATION_REFUSED(false),
    TRAINING_RECORDED(false),
    TRAINING_VOIDED(false),
    ALERT_ACKNOWLEDGED(false),
    /** An API client signed in with its password and was given an API token (the sign-in itself is a LOGIN). */
    API_TOKEN_ISSUED(false),
    /** An API token was revoked by its owner or an administrator, with the reason. */
    API_TOKEN_REVOKED(false),
    /** An administrator recorded that a person's identity was verified (for a signing credential). */
    IDENTITY_VERIFIED(false),
    SIGNING_CREDENTIAL_ISSUED(false),
    SIGNING_CREDENTIAL_REVOKED(false),
    /** A signing attempt was refused (wrong password, someone else's name, replayed nonce, not allowed...). */
    SIGNATURE_REFUSED(false),
    /** The audit trail's integrity check failed, or its self-check at start-up did. */
    AUDIT_INTEGRITY_FAILURE(true),
    /** Someone asked for a signed checkpoint of the audit chain now. */
    AUDIT_CHECKPOINT_WRITTEN(false),
    /** A signed checkpoint of the audit chain could not be written. */
    AUDIT_CHECKPOINT_FAILED(true);

    private final boolean alert;

    SecurityEventType(boolean alert) {
        this.alert = alert;
    }

    public boolean alert() {
        return alert;
    }
}
