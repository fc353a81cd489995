package org.openebr.recipe.control;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A calculation formula of a recipe step, e.g. {@code good_vials / theoretical_vials * 100}.
 *
 * <p>The language is deliberately tiny: decimal numbers, identifiers (step ids and parameter
 * names), {@code + - * /}, parentheses, unary minus and the functions {@code min}, {@code max},
 * {@code abs} and {@code round(x, n)}. It is parsed here by hand into a closed syntax tree — no
 * scripting engine, no reflection — so a recipe can never carry code; anything else ({@code a.b},
 * {@code x = 1}, {@code System.exit(1)}) is a {@link ParseError}. Arithmetic is {@link BigDecimal}
 * with {@code DECIMAL64}, as floating point would change the last digit of a yield.
 */
public final class Formula {

    private static final Map<String, Integer> ARITY = Map.of("min", -2, "max", -2, "abs", 1, "round", 2);

    private final String text;
    private final Expression root;

    private Formula(String text, Expression root) {
        this.text = text;
        this.root = root;
    }

    /** Parses a formula or throws a {@link ParseError} naming the position of the problem. */
    public static Formula parse(String text) {
        if (text == null || text.isBlank()) {
            throw new ParseError("empty formula", 1);
        }
        Parser parser = new Parser(text);
        Expression root = parser.expression();
        parser.expectEnd();
        return new Formula(text, root);
    }

    /** The identifiers the formula reads, in order of first use. */
    public Set<String> references() {
        Set<String> names = new LinkedHashSet<>();
        root.collectReferences(names);
        return Collections.unmodifiableSet(names);
    }

    /**
     * The unit of the result (null when it cannot be told), adding to {@code mismatches} each place
     * where values in different units are added, subtracted or compared.
     */
    public String unit(Map<String, String> units, List<String> mismatches) {
        return root.unit(units, mismatches);
    }

    /** Evaluates with the given values of the referenced identifiers. */
    public BigDecimal evaluate(Map<String, BigDecimal> values) {
        return root.evaluate(values);
    }

    public String text() {
        return text;
    }

    @Override
    public String toString() {
        return text;
    }

    /** Recursive descent; one method per precedence level, lowest first. */
    private static final class Parser {

        // A bound on nesting, so a hostile formula ends in a ParseError, not a stack overflow.
        private static final int MAX_DEPTH = 64;

        private final String text;
        private int at;
        private int depth;

        Parser(String text) {
            this.text = text;
        }

        Expression expression() {
            Expression left = term();
            while (peek() == '+' || peek() == '-') {
                int position = at + 1;
                char operator = text.charAt(at++);
                left = new Expression.Binary(operator, left, term(), position);
            }
            return left;
        }

        private Expression term() {
            Expression left = unary();
            while (peek() == '*' || peek() == '/') {
                int position = at + 1;
                char operator = text.charAt(at++);
                left = new Expression.Binary(operator, left, unary(), position);
            }
            return left;
        }

        private Expression unary() {
            if (peek() == '-') {
                at++;
                enter();
                Expression negation = new Expression.Negation(unary());
                depth--;
                return negation;
            }
            return primary();
        }

        private Expression primary() {
            char c = peek();
            if (c == '(') {
                at++;
                enter();
                Expression inner = expression();
                expect(')');
                depth--;
                return inner;
            }
            if (isDigit(c)) {
                return number();
            }
            if (isIdentifierStart(c)) {
                int start = at;
                String name = identifier();
                return peek() == '(' ? call(name, start) : new Expression.Reference(name);
            }
            throw unexpected(c == 0 ? "end of formula" : "'" + c + "'");
        }

        private Expression number() {
            int start = at;
            while (at < text.length() && isDigit(text.charAt(at))) {
                at++;
            }
            if (at < text.length() && text.charAt(at) == '.') {
                at++;
                int decimals = at;
                while (at < text.length() && isDigit(text.charAt(at))) {
                    at++;
                }
                if (at == decimals) {
                    throw new ParseError("digit expected after '.'", at + 1);
                }
            }
            return new Expression.Number(new BigDecimal(text.substring(start, at)));
        }

        private Expression call(String name, int start) {
            Integer arity = ARITY.get(name);
            if (arity == null) {
                throw new ParseError("unknown function '" + name + "'", start + 1);
            }
            expect('(');
            enter();
            List<Expression> arguments = new ArrayList<>();
            arguments.add(expression());
            while (peek() == ',') {
                at++;
                arguments.add(expression());
            }
            expect(')');
            depth--;
            // negative arity: at least that many arguments
            boolean fits = arity < 0 ? arguments.size() >= -arity : arguments.size() == arity;
            if (!fits) {
                String wanted = arity < 0 ? "at least " + -arity : String.valueOf(arity);
                throw new ParseError(name + " takes " + wanted + " arguments, not " + arguments.size(), start + 1);
            }
            return new Expression.Call(name, List.copyOf(arguments));
        }

        private String identifier() {
            int start = at;
            while (at < text.length() && isIdentifierPart(text.charAt(at))) {
                at++;
            }
            return text.substring(start, at);
        }

        private void enter() {
            if (++depth > MAX_DEPTH) {
                throw new ParseError("nested more than " + MAX_DEPTH + " levels deep", at);
            }
        }

        void expectEnd() {
            if (peek() != 0) {
                throw unexpected("'" + peek() + "'");
            }
        }

        private void expect(char wanted) {
            if (peek() != wanted) {
                throw new ParseError("'" + wanted + "' expected", at + 1);
            }
            at++;
        }

        /** The next non-blank character without consuming it, 0 at the end. */
        private char peek() {
            while (at < text.length() && text.charAt(at) == ' ') {
                at++;
            }
            return at < text.length() ? text.charAt(at) : 0;
        }

        private ParseError unexpected(String what) {
            return new ParseError("unexpected " + what, at + 1);
        }
    }

    // ASCII only: Character.isDigit would also accept other scripts' digits.
    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    static boolean isIdentifierStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
    }

    static boolean isIdentifierPart(char c) {
        return isIdentifierStart(c) || isDigit(c);
    }

    /** True if {@code name} can be written in a formula, so a step id or parameter can be referenced. */
    public static boolean isIdentifier(String name) {
        if (name == null || name.isEmpty() || !isIdentifierStart(name.charAt(0))) {
            return false;
        }
        return name.chars().allMatch(c -> isIdentifierPart((char) c));
    }
}
