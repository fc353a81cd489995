package org.openebr.identity.boundary;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.openebr.identity.control.IdentitySettings;
import org.openebr.identity.control.PasswordHasher;
import org.openebr.identity.entity.AccountStatus;
import org.openebr.identity.entity.UserAccount;
import org.openebr.platform.control.ChangeContext;

/**
 * Checks who someone is. Every attempt, successful or not, is one committed transaction: a wrong
 * password is counted toward lockout even though the caller is refused (21 CFR 11.300(d)). The
 * count is shared by every channel (UI, API and, later, signing).
 */
@Stateless
@PermitAll
public class Authentication {

    /** Where credentials were presented; technical accounts can neither use the UI nor sign. */
    public enum Channel { UI, API, SIGNING, PASSWORD_CHANGE }

    /** The outcome of one attempt. */
    public enum Outcome {
        AUTHENTICATED, WRONG_CREDENTIALS, LOCKED, DEACTIVATED, TECHNICAL_ACCOUNT_IN_UI,
        /** The right one-time password, but older than EBR_ONE_TIME_PASSWORD_HOURS: only a new one helps. */
        ONE_TIME_PASSWORD_EXPIRED
    }

    /**
     * @param roles                  the roles granted now; empty while a password change is required
     * @param passwordChangeRequired the password is a one-time password or has expired
     */
    public record Result(Outcome outcome, String userName, String fullName, Set<String> roles, boolean technical,
                         boolean passwordChangeRequired, String message) {
        public boolean authenticated() {
            return outcome == Outcome.AUTHENTICATED;
        }
    }

    /** An authenticated account as it stands now, for re-checking a session on each request. */
    public record CurrentAccount(String userName, String fullName, Set<String> roles, boolean technical,
                                 boolean passwordChangeRequired) {
    }

    private static final String REFUSED = "User name or password not accepted.";

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    IdentitySettings settings;

    @Inject
    SecurityLog log;

    @Inject
    AccountQueries queries;

    @Inject
    ChangeContext change;


    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Result authenticate(String userName, char[] password, Channel channel) {
        Instant now = clock.instant();
        change.record("Sign-in (" + channel + ")", null);
        Optional<UserAccount> found = userName == null || userName.isBlank() || hasControlCharacter(userName)
                ? Optional.empty() : queries.byUserName(userName.strip());
        if (found.isEmpty()) {
            settings.passwordHasher().burnTime(password);
            log.record(SecurityEventType.LOGIN_FAILED, null, clip(userName), "unknown user name (" + channel + ")", null);
            return refused(Outcome.WRONG_CREDENTIALS, REFUSED);
        }
        UserAccount account = found.get();
        boolean passwordMatches = settings.passwordHasher().matches(password, account.passwordHash());
        // Only someone who knows the password learns the state of an account: no enumeration.
        if (account.status() == AccountStatus.DEACTIVATED) {
            log.record(SecurityEventType.LOGIN_FAILED, null, account.userName(),
                    "account is deactivated" + (passwordMatches ? "" : ", wrong password") + " (" + channel + ")", null);
            return refused(Outcome.DEACTIVATED, passwordMatches ? "This account is deactivated." : REFUSED);
        }
        if (account.status() == AccountStatus.LOCKED) {
            log.record(SecurityEventType.LOGIN_FAILED, null, account.userName(),
                    "account is locked" + (passwordMatches ? "" : ", wrong password") + " (" + channel + ")", null);
            return refused(Outcome.LOCKED, passwordMatches
                    ? "This account is locked after repeated failures. An administrator must unlock it." : REFUSED);
        }
        if (account.demo() && !settings.demoMode()) {
            log.record(SecurityEventType.LOGIN_FAILED, null, account.userName(),
                    "demo account refused: the server is not in demo mode (" + channel + ")", null);
            return refused(Outcome.DEACTIVATED, REFUSED);
        }
        if (!passwordMatches) {
            // Parallel wrong guesses are counted one after the other, never lost to a conflict.
            em.refresh(account, LockModeType.PESSIMISTIC_WRITE);
            if (account.status() != AccountStatus.ACTIVE) {
                log.record(SecurityEventType.LOGIN_FAILED, null, account.userName(),
                        "wrong password on an account that is " + account.status().name().toLowerCase() + " (" + channel + ")", null);
                return refused(Outcome.LOCKED, REFUSED);
            }
            boolean lockedNow = channel == Channel.SIGNING
                    ? account.recordFailedSigningAttempt(settings.lockoutThreshold(), now)
                    : account.recordFailedAttempt(settings.lockoutThreshold(), now);
            int failures = channel == Channel.SIGNING
                    ? Math.max(account.failedAttempts(), account.failedSigningAttempts()) : account.failedAttempts();
            String counted = channel == Channel.SIGNING ? " wrong passwords at signing" : " consecutive failed sign-in attempts";
            log.record(SecurityEventType.LOGIN_FAILED, null, account.userName(),
                    "wrong password (" + channel + "), failure " + failures + " of " + settings.lockoutThreshold(), null);
            if (lockedNow) {
                change.record("Sign-in (" + channel + ")", "locked after " + failures + counted);
                log.record(SecurityEventType.ACCOUNT_LOCKED, null, account.userName(),
                        "locked after " + failures + counted, null);
                return refused(Outcome.LOCKED, "This account is now locked after repeated failures."
                        + " An administrator must unlock it.");
            }
            return refused(Outcome.WRONG_CREDENTIALS, REFUSED);
        }
        if (account.oneTimePasswordExpired(settings.oneTimePasswordValidity(), now)) {
            // the password was right (so saying why tells nothing new), and a lockout would not help anyone:
            // recorded as a failed sign-in, not counted toward the lockout
            log.record(SecurityEventType.LOGIN_FAILED, null, account.userName(), "one-time password expired (issued "
                    + account.passwordSetAt() + ", valid " + settings.oneTimePasswordValidity().toHours() + " h) ("
                    + channel + ")", null);
            return refused(Outcome.ONE_TIME_PASSWORD_EXPIRED, "This one-time password has expired (a one-time password"
                    + " is valid for " + settings.oneTimePasswordValidity().toHours() + " hours). Ask an administrator"
                    + " for a new one.");
        }
        if (account.technical() && (channel == Channel.UI || channel == Channel.SIGNING)) {
            log.record(SecurityEventType.LOGIN_FAILED, null, account.userName(),
                    "technical account refused on channel " + channel, null);
            return refused(Outcome.TECHNICAL_ACCOUNT_IN_UI, "Technical accounts cannot sign in here.");
        }
        // A bulk update, not a versioned entity change: one account's parallel requests (the ERP's,
        // or a request that re-authenticates inside another) must never fail each other. It only
        // succeeds on an account that is still active: a right guess racing the wrong guesses that
        // lock the account waits for their commit and then finds it locked.
        int stillActive = em.createQuery("update UserAccount a set a.failedAttempts = 0, a.lastLoginAt = :now"
                        + (channel == Channel.SIGNING ? ", a.failedSigningAttempts = 0" : "")
                        + " where a.id = :id and a.status = :active")
                .setParameter("now", now)
                .setParameter("id", account.id())
                .setParameter("active", AccountStatus.ACTIVE)
                .executeUpdate();
        if (stillActive == 0) {
            log.record(SecurityEventType.LOGIN_FAILED, null, account.userName(),
                    "account locked or deactivated while signing in (" + channel + ")", null);
            return refused(Outcome.LOCKED, "This account is locked or deactivated. An administrator must look at it.");
        }
        change.actor(account.userName(), account.fullName());
        if (channel == Channel.UI || channel == Channel.API) {
            log.record(SecurityEventType.LOGIN, account.userName(), account.userName(), "signed in (" + channel + ")", null);
        }
        CurrentAccount current = current(account);
        return new Result(Outcome.AUTHENTICATED, account.userName(), account.fullName(), current.roles(),
                account.technical(), current.passwordChangeRequired(), "signed in");
    }

    /**
     * Re-authentication inside another piece of work (changing one's password, later signing):
     * committed on its own, so a wrong password counts toward lockout even though that work fails.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean verifyCurrentPassword(String userName, char[] password) {
        return authenticate(userName, password, Channel.PASSWORD_CHANGE).authenticated();
    }

    /** The account behind a session as it is now, or empty when it may no longer be used. */
    public Optional<CurrentAccount> current(String userName) {
        return queries.byUserName(userName)
                .filter(account -> account.status() == AccountStatus.ACTIVE)
                .map(this::current);
    }

    /** A session whose account may no longer be used ends now (21 CFR 11.300(c)). */
    public void sessionRevoked(String userName) {
        String state = queries.byUserName(userName).map(a -> a.status().name().toLowerCase()).orElse("unknown");
        log.record(SecurityEventType.SESSION_REVOKED, null, userName, "session ended by the server: the account is " + state, null);
    }

    public void loggedOut(String userName, boolean expired) {
        log.record(expired ? SecurityEventType.SESSION_EXPIRED : SecurityEventType.LOGOUT, userName, userName,
                expired ? "session ended after inactivity" : "signed out", null);
    }

    private CurrentAccount current(UserAccount account) {
        boolean changeRequired = account.passwordChangeRequired() || expired(account);
        Set<String> roles = changeRequired ? Set.of() : new TreeSet<>(queries.activeRoles(account.id()));
        return new CurrentAccount(account.userName(), account.fullName(), roles, account.technical(), changeRequired);
    }

    private boolean expired(UserAccount account) {
        int maxAge = settings.passwordMaxAgeDays();
        return maxAge > 0 && !account.demo() && account.passwordSetAt() != null
                && account.passwordSetAt().plus(Duration.ofDays(maxAge)).isBefore(clock.instant());
    }

    private static Result refused(Outcome outcome, String message) {
        return new Result(outcome, null, null, Set.of(), false, false, message);
    }

    private static boolean hasControlCharacter(String text) {
        return text.chars().anyMatch(Character::isISOControl);
    }

    private static String clip(String userName) {
        if (userName == null) {
            return null;
        }
        String printable = userName.replaceAll("\\p{Cntrl}", "?");
        return printable.length() > 64 ? printable.substring(0, 64) : printable;
    }
}
