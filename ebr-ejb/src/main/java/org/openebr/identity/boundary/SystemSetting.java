package org.openebr.identity.boundary;

import java.util.Arrays;
import java.util.Optional;

/**
 * The GMP-relevant system settings that change only under change control (Annex 11 section 10): each starts at the
 * value of its environment variable (or the release's default) and from then on takes the new value of its newest
 * change that a second person approved with an electronic signature. The bounds are those an approved change may
 * set; the environment's own lower bounds are checked at start ({@code IdentitySettings}).
 */
public enum SystemSetting {

    PASSWORD_MIN_LENGTH("passwordMinLength", "EBR_PASSWORD_MIN_LENGTH", "Minimum password length", "characters", 8, 128),
    PASSWORD_HISTORY("passwordHistory", "EBR_PASSWORD_HISTORY", "Earlier passwords that cannot be used again", "passwords", 0, 24),
    PASSWORD_MAX_AGE_DAYS("passwordMaxAgeDays", "EBR_PASSWORD_MAX_AGE_DAYS", "Password expiry (0: never)", "days", 0, 3650),
    ONE_TIME_PASSWORD_HOURS("oneTimePasswordHours", "EBR_ONE_TIME_PASSWORD_HOURS", "One-time password valid for", "hours", 1, 720),
    LOCKOUT_THRESHOLD("lockoutThreshold", "EBR_LOCKOUT_THRESHOLD", "Failed sign-ins before the account locks", "attempts", 1, 20),
    SESSION_IDLE_MINUTES("sessionIdleMinutes", "EBR_SESSION_IDLE_MINUTES", "Idle session locks after", "minutes", 1, 480),
    DORMANT_DAYS("dormantDays", "EBR_DORMANT_DAYS", "Account counts as dormant after", "days without sign-in", 1, 3650);

    private final String key;
    private final String environmentVariable;
    private final String title;
    private final String unit;
    private final int minimum;
    private final int maximum;

    SystemSetting(String key, String environmentVariable, String title, String unit, int minimum, int maximum) {
        this.key = key;
        this.environmentVariable = environmentVariable;
        this.title = title;
        this.unit = unit;
        this.minimum = minimum;
        this.maximum = maximum;
    }

    /** The name in the API and in the records, e.g. {@code lockoutThreshold}. */
    public String key() { return key; }
    public String environmentVariable() { return environmentVariable; }
    public String title() { return title; }
    public String unit() { return unit; }
    public int minimum() { return minimum; }
    public int maximum() { return maximum; }

    public static Optional<SystemSetting> byKey(String key) {
        return Arrays.stream(values()).filter(s -> s.key.equals(key)).findFirst();
    }
}
