package org.openebr.identity.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.envers.Audited;
import org.hibernate.envers.NotAudited;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;

/**
 * A person's or a technical system's account. Its id and user name never change and are never
 * given to anyone else; the database refuses it too (trigger {@code user_account_identity_is_permanent}).
 *
 * <p>Audited, except three columns: the password hash (a secret must not spread into the audit trail)
 * and the failed-attempt counter and last sign-in, which the security events (themselves audited)
 * record with more detail. A lock, an unlock or a password change is a change of audited columns.
 */
@Entity
@Audited
@Table(name = "user_account")
public class UserAccount {

    @Id
    private UUID id;

    @Column(name = "user_name", nullable = false, updatable = false)
    private String userName;

    @Column(name = "user_name_key", nullable = false, updatable = false)
    private String userNameKey;

    @Column(name = "full_name", nullable = false)
    private String fullName;

    @Column(nullable = false, updatable = false)
    private boolean technical;

    @Column(nullable = false, updatable = false)
    private boolean demo;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private AccountStatus status;

    @NotAudited
    @Column(name = "password_hash")
    private String passwordHash;

    @Column(name = "password_set_at")
    private Instant passwordSetAt;

    @Column(name = "password_change_required", nullable = false)
    private boolean passwordChangeRequired;

    @NotAudited
    @Column(name = "failed_attempts", nullable = false)
    private int failedAttempts;

    @Column(name = "locked_at")
    private Instant lockedAt;

    /**
     * Wrong passwords at signing since the last good signing. Counted apart because an API client
     * signs in (successfully) with every request, which resets {@link #failedAttempts}: signing
     * failures must still add up to a lockout (21 CFR 11.300(d)).
     */
    @NotAudited
    @Column(name = "failed_signing_attempts", nullable = false)
    private int failedSigningAttempts;

    @NotAudited
    @Column(name = "last_login_at")
    private Instant lastLoginAt;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "created_by", nullable = false, updatable = false)
    private String createdBy;

    @Column(name = "deactivated_at")
    private Instant deactivatedAt;

    @Version
    private long version;

    protected UserAccount() {
    }

    /**
     * A new account: ACTIVE, with a one-time password that must be changed at first sign-in (demo
     * accounts excepted), and no roles.
     */
    public UserAccount(String userName, String fullName, boolean technical, boolean demo, String passwordHash,
                       String createdBy, Instant now) {
        this.id = UUID.randomUUID();
        this.userName = Objects.requireNonNull(userName);
        this.userNameKey = key(userName);
        this.fullName = Objects.requireNonNull(fullName);
        this.technical = technical;
        this.demo = demo;
        this.status = AccountStatus.ACTIVE;
        this.passwordHash = Objects.requireNonNull(passwordHash);
        this.passwordSetAt = now;
        this.passwordChangeRequired = !demo;
        this.createdAt = now;
        this.createdBy = Objects.requireNonNull(createdBy);
    }

    /** User names are unique ignoring case: "QA1" and "qa1" are the same person. */
    public static String key(String userName) {
        return userName.toLowerCase(Locale.ROOT);
    }

    /** Counts a wrong password; returns true when this attempt locked the account. */
    public boolean recordFailedAttempt(int threshold, Instant now) {
        failedAttempts++;
        if (status == AccountStatus.ACTIVE && failedAttempts >= threshold) {
            status = AccountStatus.LOCKED;
            lockedAt = now;
            return true;
        }
        return false;
    }

    /** Counts a wrong password at signing (toward both counts); returns true when this attempt locked the account. */
    public boolean recordFailedSigningAttempt(int threshold, Instant now) {
        failedSigningAttempts++;
        boolean locked = recordFailedAttempt(threshold, now);
        if (!locked && status == AccountStatus.ACTIVE && failedSigningAttempts >= threshold) {
            status = AccountStatus.LOCKED;
            lockedAt = now;
            return true;
        }
        return locked;
    }

    public int failedSigningAttempts() {
        return failedSigningAttempts;
    }

    public void unlock() {
        if (status != AccountStatus.LOCKED) {
            throw new IllegalStateException("account " + userName + " is not locked");
        }
        status = AccountStatus.ACTIVE;
        failedAttempts = 0;
        failedSigningAttempts = 0;
        lockedAt = null;
    }

    public void deactivate(Instant now) {
        status = AccountStatus.DEACTIVATED;
        deactivatedAt = now;
    }

    /** The user chose a new password: usable until it expires. */
    public void changePassword(String newHash, Instant now) {
        passwordHash = Objects.requireNonNull(newHash);
        passwordSetAt = now;
        passwordChangeRequired = false;
    }

    /** An administrator's reset: a one-time password that must be changed at the next sign-in. */
    public void resetPassword(String oneTimeHash, Instant now) {
        passwordHash = Objects.requireNonNull(oneTimeHash);
        passwordSetAt = now;
        passwordChangeRequired = true;
        failedAttempts = 0;
    }

    /**
     * A one-time password (issued at creation or by a reset, not yet replaced by the person's own)
     * that is older than {@code validity}: it no longer signs in, not even for the change.
     */
    public boolean oneTimePasswordExpired(java.time.Duration validity, Instant now) {
        return passwordChangeRequired && passwordSetAt != null && !passwordSetAt.plus(validity).isAfter(now);
    }

    /**
     * Demo mode only: the demo account's password becomes the configured demo password, so that the
     * demo works with whatever EBR_DEMO_PASSWORD it is started with. Never for a real account.
     */
    public void setDemoPassword(String hash, Instant now) {
        if (!demo) {
            throw new IllegalStateException("account " + userName + " is not a demo account");
        }
        passwordHash = Objects.requireNonNull(hash);
        passwordSetAt = now;
        passwordChangeRequired = false;
    }

    public UUID id() { return id; }
    public String userName() { return userName; }
    public String fullName() { return fullName; }
    public boolean technical() { return technical; }
    public boolean demo() { return demo; }
    public AccountStatus status() { return status; }
    public String passwordHash() { return passwordHash; }
    public Instant passwordSetAt() { return passwordSetAt; }
    public boolean passwordChangeRequired() { return passwordChangeRequired; }
    public int failedAttempts() { return failedAttempts; }
    public Instant lockedAt() { return lockedAt; }
    public Instant lastLoginAt() { return lastLoginAt; }
    public Instant createdAt() { return createdAt; }
    public String createdBy() { return createdBy; }
    public Instant deactivatedAt() { return deactivatedAt; }
}
