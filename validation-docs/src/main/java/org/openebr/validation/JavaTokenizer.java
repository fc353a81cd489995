package org.openebr.validation;

import java.util.ArrayList;
import java.util.List;

/**
 * Just enough of a Java lexer to find annotations and declarations: comments are dropped, and string, text block
 * and char literals become single tokens, so that code quoted inside them is never mistaken for declarations.
 */
final class JavaTokenizer {

    enum Kind { IDENT, STRING, CHAR, NUMBER, PUNCT }

    record Token(Kind kind, String text, int line) {

        boolean is(String punctOrWord) {
            return (kind == Kind.PUNCT || kind == Kind.IDENT) && text.equals(punctOrWord);
        }
    }

    private final String src;
    private int pos;
    private int line = 1;

    private JavaTokenizer(String src) {
        this.src = src;
    }

    static List<Token> tokenize(String source) {
        return new JavaTokenizer(source).run();
    }

    private List<Token> run() {
        List<Token> tokens = new ArrayList<>();
        while (pos < src.length()) {
            char c = src.charAt(pos);
            if (c == '\n') {
                line++;
                pos++;
            } else if (Character.isWhitespace(c)) {
                pos++;
            } else if (src.startsWith("//", pos)) {
                while (pos < src.length() && src.charAt(pos) != '\n') {
                    pos++;
                }
            } else if (src.startsWith("/*", pos)) {
                int end = src.indexOf("*/", pos + 2);
                end = end < 0 ? src.length() : end + 2;
                countLines(pos, end);
                pos = end;
            } else if (src.startsWith("\"\"\"", pos)) {
                tokens.add(textBlock());
            } else if (c == '"') {
                tokens.add(quoted('"', Kind.STRING));
            } else if (c == '\'') {
                tokens.add(quoted('\'', Kind.CHAR));
            } else if (Character.isJavaIdentifierStart(c)) {
                int start = pos;
                while (pos < src.length() && Character.isJavaIdentifierPart(src.charAt(pos))) {
                    pos++;
                }
                tokens.add(new Token(Kind.IDENT, src.substring(start, pos), line));
            } else if (Character.isDigit(c)) {
                int start = pos;
                while (pos < src.length()
                        && (Character.isJavaIdentifierPart(src.charAt(pos)) || src.charAt(pos) == '.')) {
                    pos++;
                }
                tokens.add(new Token(Kind.NUMBER, src.substring(start, pos), line));
            } else {
                tokens.add(new Token(Kind.PUNCT, String.valueOf(c), line));
                pos++;
            }
        }
        return tokens;
    }

    private Token quoted(char quote, Kind kind) {
        int startLine = line;
        StringBuilder value = new StringBuilder();
        pos++;
        while (pos < src.length()) {
            char c = src.charAt(pos);
            if (c == quote) {
                pos++;
                break;
            }
            if (c == '\n') {
                // unterminated literal: stop at the line end rather than swallow the file
                break;
            }
            if (c == '\\' && pos + 1 < src.length()) {
                value.append(unescape(src.charAt(pos + 1)));
                pos += 2;
            } else {
                value.append(c);
                pos++;
            }
        }
        return new Token(kind, value.toString(), startLine);
    }

    private Token textBlock() {
        int startLine = line;
        int start = pos + 3;
        int i = start;
        while (i < src.length() && !src.startsWith("\"\"\"", i)) {
            i += src.charAt(i) == '\\' ? 2 : 1;
        }
        int end = Math.min(i, src.length());
        countLines(pos, end);
        pos = Math.min(end + 3, src.length());
        return new Token(Kind.STRING, src.substring(Math.min(start, end), end), startLine);
    }

    private static char unescape(char c) {
        return switch (c) {
            case 'n' -> '\n';
            case 't' -> '\t';
            case 'r' -> '\r';
            case 'b' -> '\b';
            case 'f' -> '\f';
            case 's' -> ' ';
            default -> c;
        };
    }

    private void countLines(int from, int to) {
        for (int i = from; i < to && i < src.length(); i++) {
            if (src.charAt(i) == '\n') {
                line++;
            }
        }
    }
}
