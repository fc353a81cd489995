package org.openebr.api.json;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParsingException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Set;

/**
 * Reads a request body as exactly one JSON document (RFC 8259), refusing what JSON parsers usually
 * let through: bytes that are not UTF-8 (a lenient decoder stores other text than was sent), the
 * same key twice in one object (a parser silently keeps one of them, which one differs between
 * parsers), data after the document, text PostgreSQL cannot store (NUL) or that is no text at all
 * (an unpaired surrogate), and nesting deeper than any command needs.
 *
 * <p>A leading UTF-8 byte order mark is skipped: RFC 8259 section 8.1 lets a parser ignore it, it
 * carries no data, and editors on Windows write it into files that are then sent as they are.
 */
public final class StrictJson {

    /** The deepest nesting a body may have; a recipe document, the deepest command, needs 8. */
    public static final int MAX_DEPTH = 64;

    /** What a body is read to: the decoded text (for JSON-B) and its checked tree. */
    public record Document(String text, JsonValue value) {
    }

    private static final JsonProvider JSON = JsonProvider.provider();

    private StrictJson() {
    }

    /** {@link InvalidJson} when the body breaks any of the rules above, or is empty or {@code null}. */
    public static Document read(byte[] body) {
        String text = decode(body);
        if (whitespaceEnd(text, 0) == text.length()) {
            throw InvalidJson.body("The request body is empty; send a JSON object.");
        }
        JsonValue value = parse(text);
        if (value.getValueType() == JsonValue.ValueType.NULL) {
            // no command is null; JSON-B would hand the resource null and Bean Validation name the Java parameter
            throw InvalidJson.body("The request body is null; send a JSON object.");
        }
        return new Document(text, value);
    }

    static String decode(byte[] body) {
        int start = hasByteOrderMark(body) ? 3 : 0;
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(body, start, body.length - start);
        // UTF-8 never decodes to more UTF-16 chars than it has bytes
        CharBuffer out = CharBuffer.allocate(body.length);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            int at = in.position();
            String bytes = HexFormat.ofDelimiter(" ").withUpperCase().formatHex(body, at, at + result.length());
            String what = result.length() == 1 ? "the byte " + bytes + " at byte offset " + at + " is"
                    : "the bytes " + bytes + " at byte offset " + at + " are";
            throw InvalidJson.body("The request body is not valid UTF-8: " + what + " no UTF-8 character; send JSON"
                    + " encoded as UTF-8.");
        }
        return out.flip().toString();
    }

    private static boolean hasByteOrderMark(byte[] body) {
        return body.length >= 3 && body[0] == (byte) 0xEF && body[1] == (byte) 0xBB && body[2] == (byte) 0xBF;
    }

    static JsonValue parse(String text) {
        try (JsonParser parser = JSON.createParser(new StringReader(text))) {
            Tree tree = new Tree(text);
            while (tree.root == null) {
                tree.accept(parser.next(), parser);
            }
            int end = (int) Math.min(Math.max(parser.getLocation().getStreamOffset(), 0), text.length());
            int next = whitespaceEnd(text, end);
            if (next < text.length()) {
                throw InvalidJson.body("The request body continues after the end of the JSON document, at "
                        + position(text, next) + "; send exactly one JSON document.");
            }
            return tree.root;
        } catch (JsonParsingException syntax) {
            throw syntaxError(text, syntax);
        }
    }

    /**
     * The parser's own words name its tokens ("Invalid token=EOF ... Expected tokens are: [CURLYOPEN,
     * ...]"); the caller gets the place and the character in plain words instead. At the end of the
     * text the parser reports a position past it, or the character -1.
     */
    private static InvalidJson syntaxError(String text, JsonParsingException syntax) {
        long offset = syntax.getLocation() == null ? -1 : syntax.getLocation().getStreamOffset();
        String said = String.valueOf(syntax.getMessage());
        if (offset < 0 || offset >= text.length() || said.contains("token=EOF") || said.contains("char -1 ")) {
            return InvalidJson.body("The request body is not valid JSON: the document ends unexpectedly at "
                    + position(text, text.length()) + "; is it complete?");
        }
        return InvalidJson.body("The request body is not valid JSON: unexpected " + describe(text, (int) offset)
                + " at " + position(text, (int) offset) + ".");
    }

    static String describe(String text, int offset) {
        int c = text.codePointAt(offset);
        if (c == '\n' || c == '\r') {
            return "line break (inside a string write it as \\n)";
        }
        if (c == 0xFEFF) {
            return "byte order mark (U+FEFF)";
        }
        if (Character.isISOControl(c) || Character.isWhitespace(c) || Character.isSpaceChar(c)
                || Character.getType(c) == Character.FORMAT || Character.getType(c) == Character.SURROGATE) {
            return String.format("character U+%04X", c);
        }
        return "character '" + Character.toString(c) + "'";
    }

    /** "line 3, column 7" of a character offset, both counted from 1. */
    static String position(String text, int offset) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return "line " + line + ", column " + (offset - lineStart + 1);
    }

    /** The first offset from {@code from} that is not JSON whitespace (space, tab, line feed, carriage return). */
    private static int whitespaceEnd(String text, int from) {
        int i = from;
        while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t' || text.charAt(i) == '\n'
                || text.charAt(i) == '\r')) {
            i++;
        }
        return i;
    }

    /**
     * Builds the tree from the parser's events, so that every key is seen (a parser's own object
     * builder keeps the last of two equal keys) and every value is known by its path.
     */
    private static final class Tree {
        private final String text;
        private final Deque<Container> open = new ArrayDeque<>();
        private JsonValue root;

        Tree(String text) {
            this.text = text;
        }

        void accept(JsonParser.Event event, JsonParser parser) {
            switch (event) {
                case START_OBJECT, START_ARRAY -> {
                    if (open.size() == MAX_DEPTH) {
                        throw InvalidJson.body("The request body is nested more than " + MAX_DEPTH + " levels deep, at "
                                + where(parser) + "; no request needs that.");
                    }
                    open.push(new Container(childPath(), event == JsonParser.Event.START_OBJECT));
                }
                case KEY_NAME -> key(parser.getString(), parser);
                case VALUE_STRING -> {
                    String value = parser.getString();
                    text(value, childPath());
                    add(JSON.createValue(value));
                }
                case VALUE_NUMBER -> add(JSON.createValue(number(parser)));
                case VALUE_TRUE -> add(JsonValue.TRUE);
                case VALUE_FALSE -> add(JsonValue.FALSE);
                case VALUE_NULL -> add(JsonValue.NULL);
                case END_OBJECT, END_ARRAY -> add(open.pop().build());
            }
        }

        private void key(String key, JsonParser parser) {
            Container object = open.element();
            if (key.indexOf('\0') >= 0 || unpairedSurrogate(key) >= 0) {
                String in = object.path.isEmpty() ? "the body" : "'" + object.path + "'";
                throw InvalidJson.of("The request body has a property name in " + in + " that is not storable text"
                        + " (a NUL character or an unpaired surrogate).", object.path.isEmpty() ? "body" : object.path,
                        "a property name is not storable text");
            }
            if (!object.keys.add(key)) {
                String path = join(object.path, key);
                throw InvalidJson.of("The request body is ambiguous: property '" + path + "' appears twice in the same"
                        + " object (the second at " + position(text, keyStart(parser)) + "); send each property once.", path,
                        "appears twice in the same object");
            }
            object.key = key;
        }

        private BigDecimal number(JsonParser parser) {
            try {
                return parser.getBigDecimal();
            } catch (NumberFormatException | ArithmeticException | UnsupportedOperationException tooBig) {
                // the parser refuses numbers of more than 1,100 characters, Java those with an exponent beyond int
                throw InvalidJson.at(childPath(), "the number has more digits or a larger exponent than any value"
                        + " the API takes");
            }
        }

        private void add(JsonValue value) {
            if (open.isEmpty()) {
                root = value;
            } else {
                open.element().add(value);
            }
        }

        private String childPath() {
            return open.isEmpty() ? "" : open.element().childPath();
        }

        /** Where the key just read starts: its opening quote, the first one before its closing quote not escaped. */
        private int keyStart(JsonParser parser) {
            int i = (int) Math.min(parser.getLocation().getStreamOffset(), text.length()) - 2;
            while (i > 0 && !(text.charAt(i) == '"' && !escaped(i))) {
                i--;
            }
            return Math.max(i, 0);
        }

        private boolean escaped(int quote) {
            int backslashes = 0;
            for (int i = quote - 1; i >= 0 && text.charAt(i) == '\\'; i--) {
                backslashes++;
            }
            return backslashes % 2 == 1;
        }

        private static String where(JsonParser parser) {
            return "line " + parser.getLocation().getLineNumber() + ", column " + parser.getLocation().getColumnNumber();
        }
    }

    /** PostgreSQL cannot store NUL in text; an unpaired surrogate (from a \\uD800 escape) is no character at all. */
    private static void text(String value, String path) {
        if (value.indexOf('\0') >= 0) {
            throw InvalidJson.at(path, "contains a NUL character (\\u0000), which cannot be stored; remove it");
        }
        int surrogate = unpairedSurrogate(value);
        if (surrogate >= 0) {
            throw InvalidJson.at(path, String.format("contains an unpaired surrogate (\\u%04x), which is no character;"
                    + " send the complete pair or the character itself", (int) value.charAt(surrogate)));
        }
    }

    private static int unpairedSurrogate(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return i;
            }
        }
        return -1;
    }

    static String join(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    /** An object or array being read, with what its next child is called. */
    private static final class Container {
        private final String path;
        private final boolean object;
        private final Set<String> keys = new HashSet<>();
        private final JsonObjectBuilder members;
        private final JsonArrayBuilder elements;
        private String key;
        private int index;

        Container(String path, boolean object) {
            this.path = path;
            this.object = object;
            this.members = object ? JSON.createObjectBuilder() : null;
            this.elements = object ? null : JSON.createArrayBuilder();
        }

        String childPath() {
            return object ? join(path, key) : path + "[" + index + "]";
        }

        void add(JsonValue value) {
            if (object) {
                members.add(key, value);
            } else {
                elements.add(value);
                index++;
            }
        }

        JsonValue build() {
            return object ? members.build() : elements.build();
        }
    }
}
