package org.openebr.identity.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.openebr.identity.boundary.SystemSetting;

/**
 * The configurable account rules (environment variables in brackets, see the README):
 * password length [EBR_PASSWORD_MIN_LENGTH], history [EBR_PASSWORD_HISTORY], expiry
 * [EBR_PASSWORD_MAX_AGE_DAYS, 0 = never], how long a one-time password is good for
 * [EBR_ONE_TIME_PASSWORD_HOURS], lockout threshold [EBR_LOCKOUT_THRESHOLD], idle session lock
 * [EBR_SESSION_IDLE_MINUTES], when an account counts as dormant [EBR_DORMANT_DAYS] and the password
 * hash's work factor [EBR_PASSWORD_HASH_ITERATIONS]: PBKDF2 iterations, {@value PasswordHasher#ITERATIONS}
 * and more outside demo mode whatever is asked (a lower value is ignored with a warning); in demo mode
 * (the test and demo servers) at least 10,000, so that a test suite's thousands of sign-ins and
 * signatures do not each cost a production hash.
 *
 * <p>The account rules are {@link SystemSetting}s: the environment gives their first value, and a change that QA
 * approved with an electronic signature gives every later one ({@code SystemSettings}).
 */
@ApplicationScoped
public class IdentitySettings {

    private int passwordMinLength;
    private int passwordHistory;
    private int passwordMaxAgeDays;
    private int oneTimePasswordHours;
    private int lockoutThreshold;
    private int sessionIdleMinutes;
    private int dormantDays;
    private boolean demoMode;
    private int passwordHashIterations;

    /** The values approved changes set (null where a test builds the settings from values alone). */
    @Inject
    SettingOverrides overrides;

    protected IdentitySettings() {
    }

    @Inject
    public IdentitySettings(
            @ConfigProperty(name = "ebr.password.min.length", defaultValue = "12") int passwordMinLength,
            @ConfigProperty(name = "ebr.password.history", defaultValue = "5") int passwordHistory,
            @ConfigProperty(name = "ebr.password.max.age.days", defaultValue = "0") int passwordMaxAgeDays,
            @ConfigProperty(name = "ebr.one.time.password.hours", defaultValue = "72") int oneTimePasswordHours,
            @ConfigProperty(name = "ebr.lockout.threshold", defaultValue = "5") int lockoutThreshold,
            @ConfigProperty(name = "ebr.session.idle.minutes", defaultValue = "15") int sessionIdleMinutes,
            @ConfigProperty(name = "ebr.dormant.days", defaultValue = "90") int dormantDays,
            @ConfigProperty(name = "ebr.demo.mode", defaultValue = "false") boolean demoMode,
            @ConfigProperty(name = "ebr.password.hash.iterations", defaultValue = "600000") int passwordHashIterations) {
        this.passwordMinLength = atLeast("EBR_PASSWORD_MIN_LENGTH", passwordMinLength, 8);
        this.passwordHistory = atLeast("EBR_PASSWORD_HISTORY", passwordHistory, 0);
        this.passwordMaxAgeDays = atLeast("EBR_PASSWORD_MAX_AGE_DAYS", passwordMaxAgeDays, 0);
        this.oneTimePasswordHours = atLeast("EBR_ONE_TIME_PASSWORD_HOURS", oneTimePasswordHours, 1);
        this.lockoutThreshold = atLeast("EBR_LOCKOUT_THRESHOLD", lockoutThreshold, 1);
        this.sessionIdleMinutes = atLeast("EBR_SESSION_IDLE_MINUTES", sessionIdleMinutes, 1);
        this.dormantDays = atLeast("EBR_DORMANT_DAYS", dormantDays, 1);
        this.demoMode = demoMode;
        if (demoMode) {
            this.passwordHashIterations = atLeast("EBR_PASSWORD_HASH_ITERATIONS", passwordHashIterations, 10_000);
        } else {
            if (passwordHashIterations < PasswordHasher.ITERATIONS) {
                java.util.logging.Logger.getLogger(IdentitySettings.class.getName()).warning(
                        "EBR_PASSWORD_HASH_ITERATIONS=" + passwordHashIterations + " is below "
                                + PasswordHasher.ITERATIONS + " and allowed in demo mode only: "
                                + PasswordHasher.ITERATIONS + " are used");
            }
            this.passwordHashIterations = Math.max(passwordHashIterations, PasswordHasher.ITERATIONS);
        }
    }

    private static int atLeast(String name, int value, int minimum) {
        if (value < minimum) {
            throw new IllegalStateException(name + " must be at least " + minimum + ", is " + value);
        }
        return value;
    }

    public int passwordMinLength() { return effective(SystemSetting.PASSWORD_MIN_LENGTH); }
    public int passwordHistory() { return effective(SystemSetting.PASSWORD_HISTORY); }
    public int passwordMaxAgeDays() { return effective(SystemSetting.PASSWORD_MAX_AGE_DAYS); }
    /** A one-time password (new account, reset) signs in for this long after it was issued, then never. */
    public java.time.Duration oneTimePasswordValidity() {
        return java.time.Duration.ofHours(effective(SystemSetting.ONE_TIME_PASSWORD_HOURS));
    }
    public int lockoutThreshold() { return effective(SystemSetting.LOCKOUT_THRESHOLD); }
    public int sessionIdleMinutes() { return effective(SystemSetting.SESSION_IDLE_MINUTES); }
    public int dormantDays() { return effective(SystemSetting.DORMANT_DAYS); }

    /** The value the environment (or the release's default) gives the setting, before any approved change. */
    public int configured(SystemSetting setting) {
        return switch (setting) {
            case PASSWORD_MIN_LENGTH -> passwordMinLength;
            case PASSWORD_HISTORY -> passwordHistory;
            case PASSWORD_MAX_AGE_DAYS -> passwordMaxAgeDays;
            case ONE_TIME_PASSWORD_HOURS -> oneTimePasswordHours;
            case LOCKOUT_THRESHOLD -> lockoutThreshold;
            case SESSION_IDLE_MINUTES -> sessionIdleMinutes;
            case DORMANT_DAYS -> dormantDays;
        };
    }

    /** The setting's value now: that of its newest approved change, else the configured one. */
    public int effective(SystemSetting setting) {
        return overrides == null ? configured(setting) : overrides.value(setting).orElse(configured(setting));
    }
    /** Demo accounts exist and may sign in only in demo mode [EBR_DEMO_MODE]. */
    public boolean demoMode() { return demoMode; }
    /** The hasher of new passwords (a stored hash is checked with the iterations stored with it). */
    public PasswordHasher passwordHasher() { return new PasswordHasher(passwordHashIterations); }
}
