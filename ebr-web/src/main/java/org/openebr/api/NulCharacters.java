package org.openebr.api;

/**
 * The NUL character (U+0000) in request text. PostgreSQL refuses it in every text column, so a
 * value carrying it would fail deep in the database as a server error; it is refused at the door
 * instead, naming where it was found.
 */
public final class NulCharacters {

    private NulCharacters() {
    }

    /** True when the (decoded) text contains U+0000. */
    public static boolean in(String text) {
        return text != null && text.indexOf('\0') >= 0;
    }

    /**
     * True when a JSON text holds a NUL character: a raw 0x00 byte, or the escape {@code \u0000}
     * inside a string ({@code \\u0000}, an escaped backslash followed by "u0000", is harmless text).
     * Works on the bytes, whatever JSON reader reads them later.
     */
    public static boolean inJson(byte[] json) {
        int backslashes = 0;
        for (int i = 0; i < json.length; i++) {
            byte b = json[i];
            if (b == 0) {
                return true;
            }
            if (b == '\\') {
                backslashes++;
                continue;
            }
            if (backslashes % 2 == 1 && b == 'u' && escapesNul(json, i + 1)) {
                return true;
            }
            backslashes = 0;
        }
        return false;
    }

    private static boolean escapesNul(byte[] json, int from) {
        if (from + 4 > json.length) {
            return false;
        }
        for (int i = from; i < from + 4; i++) {
            if (json[i] != '0') {
                return false;
            }
        }
        return true;
    }
}
