package org.openebr.identity.control;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The secret of an API token: {@value #PREFIX} followed by 256 random bits (Base64url, 43
 * characters). The prefix lets secret scanners and people recognise a leaked token.
 *
 * <p>Stored as its SHA-256 only, not as a salted slow hash like a password: a slow hash protects
 * secrets people choose, which are guessable, against a dictionary. A token has 256 bits of
 * entropy from a CSPRNG; nobody can guess it from its SHA-256, with or without a salt. A fast,
 * unsalted digest is what makes each request cheap: the hash is the key of one indexed look-up.
 */
public final class ApiTokenSecret {

    public static final String PREFIX = "ebr_";
    private static final int RANDOM_BYTES = 32;
    private static final Pattern FORMAT = Pattern.compile(Pattern.quote(PREFIX) + "[A-Za-z0-9_-]{43}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private ApiTokenSecret() {
    }

    /** A new random token, to be shown once to its owner and never stored. */
    public static String generate() {
        byte[] random = new byte[RANDOM_BYTES];
        RANDOM.nextBytes(random);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    /** Whether the text has the shape of a token (anything else is refused without a database look-up). */
    public static boolean wellFormed(String token) {
        return token != null && FORMAT.matcher(token).matches();
    }

    /** The stored form: SHA-256 of the token's UTF-8 bytes, lower-case hex. */
    public static String sha256(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available in this JDK", e);
        }
    }
}
