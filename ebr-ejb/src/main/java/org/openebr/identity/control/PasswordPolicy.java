package org.openebr.identity.control;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What a new password must be. Follows NIST SP 800-63B (length over composition rules, a check
 * against known common passwords, no periodic expiry by default) while meeting 21 CFR 11.300(b)
 * through history and an optional, configurable expiry; the README explains the trade-off.
 */
public final class PasswordPolicy {

    public static final int MAX_LENGTH = 128;
    private static final Set<String> COMMON = load();

    private final int minLength;

    public PasswordPolicy(int minLength) {
        this.minLength = minLength;
    }

    /** Everything wrong with the password, in words a user understands; empty when it is acceptable. */
    public List<String> problems(String userName, String fullName, char[] password) {
        List<String> problems = new ArrayList<>();
        String candidate = new String(password);
        int length = candidate.codePointCount(0, candidate.length());
        if (length < minLength) {
            problems.add("must have at least " + minLength + " characters (has " + length + ")");
        }
        if (length > MAX_LENGTH) {
            problems.add("must have at most " + MAX_LENGTH + " characters");
        }
        String lower = candidate.toLowerCase(Locale.ROOT);
        if (COMMON.contains(lower) || COMMON.contains(lower.replaceAll("[0-9!?.]+$", ""))) {
            problems.add("is one of the most common passwords and would be guessed quickly");
        }
        if (userName != null && lower.contains(userName.toLowerCase(Locale.ROOT))) {
            problems.add("must not contain the user name");
        }
        if (fullName != null) {
            for (String part : fullName.toLowerCase(Locale.ROOT).split("\\s+")) {
                if (part.length() >= 4 && lower.contains(part)) {
                    problems.add("must not contain your name");
                    break;
                }
            }
        }
        if (length >= 4 && candidate.chars().distinct().count() <= 2) {
            problems.add("must not repeat one or two characters");
        }
        return problems;
    }

    static boolean isCommon(String password) {
        return COMMON.contains(password.toLowerCase(Locale.ROOT));
    }

    private static Set<String> load() {
        Set<String> common = new HashSet<>(40_000);
        try (InputStream in = PasswordPolicy.class.getResourceAsStream("/org/openebr/identity/common-passwords.txt")) {
            if (in == null) {
                throw new IllegalStateException("common-passwords.txt is missing from the application");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    common.add(line.strip().toLowerCase(Locale.ROOT));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Set.copyOf(common);
    }
}
