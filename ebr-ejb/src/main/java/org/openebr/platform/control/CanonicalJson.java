package org.openebr.platform.control;

import java.lang.reflect.InaccessibleObjectException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The JSON Canonicalization Scheme (RFC 8785, JCS): the bytes a signature covers. JCS is chosen
 * so that an inspector can recompute them with any conforming implementation, in any language.
 *
 * <p>Values are plain Java: {@code Map<String, ?>} (object), {@code List<?>} (array),
 * {@code String}, {@code Boolean}, {@code null}, {@code Integer}/{@code Long}/{@code Short}/
 * {@code BigInteger} within ±2^53, finite {@code Double}, {@code BigDecimal} whose canonical
 * number denotes exactly that decimal, and, as strings, {@code Instant} (ISO-8601, as
 * {@link Instant#toString()}), {@code UUID} and enum constants (their name); records become
 * objects of their components. Anything else is refused rather than guessed at, with the path of
 * the offending value ({@code $.record.values[2]}).
 *
 * <p>{@link #parse(String)} reads a document back so that verification tooling can prove that a
 * signed {@code record.json} is canonical: {@code canonicalString(parse(text)).equals(text)}.
 */
public final class CanonicalJson {

    /** Deepest nesting of objects and arrays, written or read; also stops a cyclic value. */
    public static final int MAX_DEPTH = 64;

    // JCS numbers are IEEE-754 doubles: beyond 2^53 not every integer has one (RFC 8785 §3.2.2.3)
    private static final long MAX_EXACT_INTEGER = 1L << 53;
    private static final BigInteger MAX_EXACT_BIG_INTEGER = BigInteger.valueOf(MAX_EXACT_INTEGER);

    private CanonicalJson() {
    }

    public static byte[] canonicalize(Object value) {
        // lone surrogates are refused while writing, so this encoding loses nothing
        return canonicalString(value).getBytes(StandardCharsets.UTF_8);
    }

    public static String canonicalString(Object value) {
        StringBuilder out = new StringBuilder(256);
        write(value, "$", 0, out);
        return out.toString();
    }

    /**
     * Reads strict JSON (RFC 8259): objects as {@code LinkedHashMap}, arrays as {@code ArrayList},
     * numbers as {@code BigDecimal}. Refuses duplicate member names (RFC 8785 requires I-JSON),
     * anything after the value and nesting deeper than {@link #MAX_DEPTH}.
     */
    public static Object parse(String json) {
        Parser parser = new Parser(json);
        Object value = parser.value(0);
        parser.skipWhitespace();
        if (parser.pos != json.length()) {
            throw parser.error("unexpected characters after the value");
        }
        return value;
    }

    private static void write(Object value, String path, int depth, StringBuilder out) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof String string) {
            writeString(string, path, out);
        } else if (value instanceof Boolean bool) {
            out.append(bool);
        } else if (value instanceof Integer || value instanceof Long || value instanceof Short) {
            long integer = ((Number) value).longValue();
            if (integer < -MAX_EXACT_INTEGER || integer > MAX_EXACT_INTEGER) {
                throw refused(path, integer + " is beyond ±2^53, which a JSON number cannot hold exactly");
            }
            out.append(integer);
        } else if (value instanceof BigInteger integer) {
            if (integer.abs().compareTo(MAX_EXACT_BIG_INTEGER) > 0) {
                throw refused(path, integer + " is beyond ±2^53, which a JSON number cannot hold exactly");
            }
            out.append(integer);
        } else if (value instanceof Double number) {
            if (!Double.isFinite(number)) {
                throw refused(path, number + " has no JSON form");
            }
            out.append(numberText(number));
        } else if (value instanceof BigDecimal decimal) {
            out.append(decimalText(decimal, path));
        } else if (value instanceof Instant || value instanceof UUID) {
            writeString(value.toString(), path, out);
        } else if (value instanceof Enum<?> constant) {
            writeString(constant.name(), path, out);
        } else if (value instanceof Map<?, ?> map) {
            writeObject(map, path, depth + 1, out);
        } else if (value instanceof List<?> list) {
            checkDepth(depth + 1, path);
            out.append('[');
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                write(list.get(i), path + "[" + i + "]", depth + 1, out);
            }
            out.append(']');
        } else if (value instanceof Record record) {
            writeObject(components(record, path), path, depth + 1, out);
        } else {
            throw refused(path, "a " + value.getClass().getName() + " has no canonical JSON form");
        }
    }

    private static void writeObject(Map<?, ?> members, String path, int depth, StringBuilder out) {
        checkDepth(depth, path);
        // String.compareTo compares UTF-16 code units, the member order RFC 8785 §3.2.3 requires
        TreeMap<String, Object> sorted = new TreeMap<>();
        for (Map.Entry<?, ?> member : members.entrySet()) {
            if (!(member.getKey() instanceof String name)) {
                throw refused(path, "member name " + member.getKey() + " is not a string");
            }
            if (sorted.containsKey(name)) { // only an IdentityHashMap can get here
                throw refused(path, "duplicate member name " + name);
            }
            sorted.put(name, member.getValue());
        }
        out.append('{');
        boolean first = true;
        for (Map.Entry<String, Object> member : sorted.entrySet()) {
            if (!first) {
                out.append(',');
            }
            first = false;
            String memberPath = path + "." + member.getKey();
            writeString(member.getKey(), memberPath, out);
            out.append(':');
            write(member.getValue(), memberPath, depth, out);
        }
        out.append('}');
    }

    private static Map<String, Object> components(Record record, String path) {
        Map<String, Object> members = new LinkedHashMap<>();
        for (RecordComponent component : record.getClass().getRecordComponents()) {
            Method accessor = component.getAccessor();
            try {
                // callers pass their own records, often package-private: the accessor is public, the class is not
                accessor.setAccessible(true);
                members.put(component.getName(), accessor.invoke(record));
            } catch (ReflectiveOperationException | InaccessibleObjectException e) {
                throw new IllegalArgumentException(path + "." + component.getName() + ": cannot be read", e);
            }
        }
        return members;
    }

    /** Minimal escaping, RFC 8785 §3.2.2.2: everything else, U+2028 and U+2029 too, is written as is. */
    private static void writeString(String string, String path, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < string.length(); i++) {
            char c = string.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else if (Character.isHighSurrogate(c) && i + 1 < string.length()
                            && Character.isLowSurrogate(string.charAt(i + 1))) {
                        out.append(c).append(string.charAt(++i));
                    } else if (Character.isSurrogate(c)) {
                        throw refused(path, String.format("lone surrogate U+%04X at index %d has no UTF-8 form", (int) c, i));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    /** A decimal is written only if its canonical number denotes exactly that decimal: nothing is rounded away unseen. */
    private static String decimalText(BigDecimal decimal, String path) {
        String text = exactText(decimal);
        if (text == null) {
            throw refused(path, decimal + " has no exact JSON number (IEEE-754 double) form");
        }
        return text;
    }

    /**
     * Whether the decimal has a canonical JSON number that denotes exactly it (at most about 15 to 17
     * significant digits, integers within ±2^53), so that a document can say so before it is signed
     * or hashed rather than fail then.
     */
    public static boolean hasExactNumber(BigDecimal decimal) {
        return exactText(decimal) != null;
    }

    private static String exactText(BigDecimal decimal) {
        double number = decimal.doubleValue();
        String text = Double.isFinite(number) ? numberText(number) : null;
        return text == null || new BigDecimal(text).compareTo(decimal) != 0 ? null : text;
    }

    /** ECMAScript Number::toString, which RFC 8785 §3.2.2.3 prescribes: {@code number = 0.digits × 10^n}. */
    private static String numberText(double number) {
        if (number == 0) {
            return "0"; // -0 too
        }
        if (number < 0) {
            return "-" + numberText(-number);
        }
        BigDecimal shortest = shortest(number);
        String digits = shortest.unscaledValue().toString();
        int k = digits.length();
        int n = k - shortest.scale();
        if (k <= n && n <= 21) {
            return digits + "0".repeat(n - k);
        }
        if (0 < n && n <= 21) {
            return digits.substring(0, n) + "." + digits.substring(n);
        }
        if (-6 < n && n <= 0) {
            return "0." + "0".repeat(-n) + digits;
        }
        String exponent = (n - 1 < 0 ? "e-" : "e+") + Math.abs(n - 1);
        return k == 1 ? digits + exponent : digits.charAt(0) + "." + digits.substring(1) + exponent;
    }

    /**
     * The fewest significant digits that read back as the double, the nearest such decimal if two
     * do. Searched for rather than taken from Double.toString, which on Java 17 sometimes gives
     * more digits than needed (JDK-4511638, fixed only in Java 19).
     */
    private static BigDecimal shortest(double number) {
        BigDecimal exact = new BigDecimal(number);
        for (int precision = 1; precision <= 17; precision++) {
            BigDecimal nearest = exact.round(new MathContext(precision, RoundingMode.HALF_EVEN));
            if (Double.parseDouble(nearest.toString()) == number) {
                return nearest.stripTrailingZeros();
            }
            // at a power of two the interval that reads back is narrower below: the farther neighbour may still fit
            RoundingMode away = nearest.compareTo(exact) > 0 ? RoundingMode.FLOOR : RoundingMode.CEILING;
            BigDecimal other = exact.round(new MathContext(precision, away));
            if (Double.parseDouble(other.toString()) == number) {
                return other.stripTrailingZeros();
            }
        }
        throw new AssertionError("17 significant digits identify every double: " + number);
    }

    private static void checkDepth(int depth, String path) {
        if (depth > MAX_DEPTH) {
            throw refused(path, "nested deeper than " + MAX_DEPTH + " (a cyclic value?)");
        }
    }

    private static IllegalArgumentException refused(String path, String reason) {
        return new IllegalArgumentException(path + ": " + reason);
    }

    /** Recursive descent over RFC 8259's grammar; offsets in messages are UTF-16 indexes into the text. */
    private static final class Parser {

        private static final Pattern NUMBER = Pattern.compile("-?(?:0|[1-9][0-9]*)(?:\\.[0-9]+)?(?:[eE][+-]?[0-9]+)?");

        private final String text;
        private int pos;

        Parser(String text) {
            this.text = text;
        }

        Object value(int depth) {
            skipWhitespace();
            if (pos >= text.length()) {
                throw error("unexpected end of text");
            }
            return switch (text.charAt(pos)) {
                case '{' -> object(depth + 1);
                case '[' -> array(depth + 1);
                case '"' -> string();
                case 't' -> literal("true", Boolean.TRUE);
                case 'f' -> literal("false", Boolean.FALSE);
                case 'n' -> literal("null", null);
                default -> number();
            };
        }

        private Map<String, Object> object(int depth) {
            enter(depth);
            Map<String, Object> members = new LinkedHashMap<>();
            if (next('}')) {
                return members;
            }
            do {
                skipWhitespace();
                int start = pos;
                if (pos >= text.length() || text.charAt(pos) != '"') {
                    throw error("expected a member name");
                }
                String name = string();
                if (members.containsKey(name)) {
                    pos = start;
                    throw error("duplicate member name " + name);
                }
                expect(':');
                members.put(name, value(depth));
            } while (next(','));
            expect('}');
            return members;
        }

        private List<Object> array(int depth) {
            enter(depth);
            List<Object> elements = new ArrayList<>();
            if (next(']')) {
                return elements;
            }
            do {
                elements.add(value(depth));
            } while (next(','));
            expect(']');
            return elements;
        }

        private String string() {
            pos++; // the opening quote
            StringBuilder string = new StringBuilder();
            while (pos < text.length()) {
                char c = text.charAt(pos++);
                if (c == '"') {
                    return string.toString();
                } else if (c < 0x20) {
                    throw error("unescaped control character in a string");
                } else if (c != '\\') {
                    string.append(c);
                } else if (pos < text.length()) {
                    char escaped = text.charAt(pos++);
                    switch (escaped) {
                        case '"', '\\', '/' -> string.append(escaped);
                        case 'b' -> string.append('\b');
                        case 'f' -> string.append('\f');
                        case 'n' -> string.append('\n');
                        case 'r' -> string.append('\r');
                        case 't' -> string.append('\t');
                        case 'u' -> string.append(hex4());
                        default -> throw error("invalid escape \\" + escaped);
                    }
                }
            }
            throw error("unterminated string");
        }

        private char hex4() {
            int code = 0;
            for (int end = pos + 4; pos < end; pos++) {
                // Character.digit, not Integer.parseInt, which would also take a sign
                int digit = pos < text.length() ? Character.digit(text.charAt(pos), 16) : -1;
                if (digit < 0) {
                    throw error("\\u needs four hex digits");
                }
                code = code * 16 + digit;
            }
            return (char) code;
        }

        private BigDecimal number() {
            Matcher number = NUMBER.matcher(text).region(pos, text.length());
            if (!number.lookingAt()) {
                throw error("unexpected character '" + text.charAt(pos) + "'");
            }
            try {
                BigDecimal value = new BigDecimal(number.group());
                pos = number.end();
                return value;
            } catch (NumberFormatException e) { // an exponent beyond BigDecimal's int scale
                throw error("number out of range");
            }
        }

        private Object literal(String word, Object value) {
            if (!text.startsWith(word, pos)) {
                throw error("unexpected character '" + text.charAt(pos) + "'");
            }
            pos += word.length();
            return value;
        }

        private void enter(int depth) {
            if (depth > MAX_DEPTH) {
                throw error("nested deeper than " + MAX_DEPTH);
            }
            pos++; // the opening bracket
        }

        void skipWhitespace() {
            while (pos < text.length() && " \t\n\r".indexOf(text.charAt(pos)) >= 0) {
                pos++;
            }
        }

        /** Consumes the character if it comes next after whitespace. */
        private boolean next(char expected) {
            skipWhitespace();
            if (pos < text.length() && text.charAt(pos) == expected) {
                pos++;
                return true;
            }
            return false;
        }

        private void expect(char expected) {
            if (!next(expected)) {
                throw error("expected '" + expected + "'");
            }
        }

        private IllegalArgumentException error(String reason) {
            return new IllegalArgumentException("invalid JSON at offset " + pos + ": " + reason);
        }
    }
}
