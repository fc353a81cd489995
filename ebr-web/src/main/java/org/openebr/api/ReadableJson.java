package org.openebr.api;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The JSON reader's messages in words a client's author understands: positions as line and column,
 * an unknown field by its name, no class names of the server's types and no parser token names.
 */
final class ReadableJson {

    private static final Pattern UNKNOWN_FIELD = Pattern.compile("Json property (\\S+) can not be mapped to a class class [\\w.$]+\\.?");
    private static final Pattern BAD_TOKEN = Pattern.compile(
            "Invalid token=(\\w+) at \\(line no=(\\d+), column no=(\\d+), offset=\\d+\\)\\. Expected tokens are: \\[[^\\]]*\\]\\.?");
    private static final Pattern WRONG_SHAPE = Pattern.compile(
            "Incorrect position for processing type: class [\\w.$]+\\. Received event: (\\w+)\\.?");
    private static final Pattern CLASS_NAME = Pattern.compile("(?:class )?\\b(?:[a-z]\\w*\\.){2,}[A-Z][\\w$]*");
    private static final Pattern NESTED_CLASS = Pattern.compile("\\b[A-Z]\\w*\\$[\\w$]+");

    private ReadableJson() {
    }

    static String plain(String message) {
        String plain = message.replace("Internal error: ", "");
        plain = replaceAll(UNKNOWN_FIELD, plain, m -> "unknown field '" + m.group(1) + "' (misspelt, or not part of this request)");
        plain = replaceAll(BAD_TOKEN, plain, m -> ("EOF".equals(m.group(1)) ? "the document ends too early"
                : "unexpected " + token(m.group(1))) + " at line " + m.group(2) + ", column " + m.group(3));
        plain = replaceAll(WRONG_SHAPE, plain, m -> "a JSON object was expected here, not " + event(m.group(1)));
        plain = NESTED_CLASS.matcher(plain).replaceAll("the expected type");
        return CLASS_NAME.matcher(plain).replaceAll("the expected type");
    }

    private static String token(String token) {
        return switch (token) {
            case "CURLYOPEN" -> "'{'";
            case "CURLYCLOSE" -> "'}'";
            case "SQUAREOPEN" -> "'['";
            case "SQUARECLOSE" -> "']'";
            case "COLON" -> "':'";
            case "COMMA" -> "','";
            case "STRING" -> "a string";
            case "NUMBER" -> "a number";
            case "TRUE", "FALSE" -> "a boolean";
            case "NULL" -> "null";
            default -> "text";
        };
    }

    private static String event(String event) {
        return switch (event) {
            case "START_ARRAY" -> "an array";
            case "VALUE_STRING" -> "a string";
            case "VALUE_NUMBER" -> "a number";
            case "VALUE_TRUE", "VALUE_FALSE" -> "a boolean";
            case "VALUE_NULL" -> "null";
            default -> "something else";
        };
    }

    private static String replaceAll(Pattern pattern, String text, java.util.function.Function<Matcher, String> replacement) {
        Matcher matcher = pattern.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(out, Matcher.quoteReplacement(replacement.apply(matcher)));
        }
        matcher.appendTail(out);
        return out.toString();
    }
}
