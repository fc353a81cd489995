package org.openebr.recipe.control;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The syntax tree of a {@link Formula}. A closed set of node kinds: whatever is not one of these
 * cannot be written, which is what makes formulas safe to store in a recipe and run on the shop
 * floor.
 */
sealed interface Expression {

    MathContext MATH = MathContext.DECIMAL64;

    BigDecimal evaluate(Map<String, BigDecimal> values);

    void collectReferences(Set<String> into);

    /**
     * The unit of the result, or null when it has none or cannot be told (a literal, a product or
     * a quotient). Adding, subtracting or comparing values in different units would silently mix
     * them (kg + g): each such place is added to {@code mismatches}.
     *
     * @param units the unit symbol of each name that has one
     */
    String unit(Map<String, String> units, List<String> mismatches);

    /** The common unit of operands that are added, subtracted or compared; a mismatch when they differ. */
    static String common(String what, List<Expression> operands, Map<String, String> units, List<String> mismatches) {
        String common = null;
        Expression first = null;
        for (Expression operand : operands) {
            String unit = operand.unit(units, mismatches);
            if (unit == null) {
                continue;
            }
            if (common == null) {
                common = unit;
                first = operand;
            } else if (!common.equals(unit)) {
                mismatches.add(what + " " + first + " (" + common + ") and " + operand + " (" + unit
                        + "): the units differ; convert one of them first");
            }
        }
        return common;
    }

    record Number(BigDecimal value) implements Expression {
        @Override
        public BigDecimal evaluate(Map<String, BigDecimal> values) {
            return value;
        }

        @Override
        public void collectReferences(Set<String> into) {
            // a literal refers to nothing
        }

        @Override
        public String unit(Map<String, String> units, List<String> mismatches) {
            return null;
        }

        @Override
        public String toString() {
            return value.toPlainString();
        }
    }

    record Reference(String name) implements Expression {
        @Override
        public BigDecimal evaluate(Map<String, BigDecimal> values) {
            BigDecimal value = values.get(name);
            if (value == null) {
                throw new EvaluationError("no value for '" + name + "'");
            }
            return value;
        }

        @Override
        public void collectReferences(Set<String> into) {
            into.add(name);
        }

        @Override
        public String unit(Map<String, String> units, List<String> mismatches) {
            return units.get(name);
        }

        @Override
        public String toString() {
            return "'" + name + "'";
        }
    }

    record Negation(Expression operand) implements Expression {
        @Override
        public BigDecimal evaluate(Map<String, BigDecimal> values) {
            return operand.evaluate(values).negate();
        }

        @Override
        public void collectReferences(Set<String> into) {
            operand.collectReferences(into);
        }

        @Override
        public String unit(Map<String, String> units, List<String> mismatches) {
            return operand.unit(units, mismatches);
        }

        @Override
        public String toString() {
            return "-" + operand;
        }
    }

    record Binary(char operator, Expression left, Expression right, int position) implements Expression {
        @Override
        public BigDecimal evaluate(Map<String, BigDecimal> values) {
            BigDecimal a = left.evaluate(values);
            BigDecimal b = right.evaluate(values);
            return switch (operator) {
                case '+' -> a.add(b, MATH);
                case '-' -> a.subtract(b, MATH);
                case '*' -> a.multiply(b, MATH);
                case '/' -> {
                    if (b.signum() == 0) {
                        throw new EvaluationError("division by zero at position " + position);
                    }
                    yield a.divide(b, MATH);
                }
                default -> throw new IllegalStateException("operator " + operator);
            };
        }

        @Override
        public void collectReferences(Set<String> into) {
            left.collectReferences(into);
            right.collectReferences(into);
        }

        @Override
        public String unit(Map<String, String> units, List<String> mismatches) {
            if (operator == '+' || operator == '-') {
                return common(operator == '+' ? "adds" : "subtracts", List.of(left, right), units, mismatches);
            }
            left.unit(units, mismatches);
            right.unit(units, mismatches);
            return null; // a product or quotient has a derived unit the table does not name
        }

        @Override
        public String toString() {
            return "(" + left + " " + operator + " " + right + ")";
        }
    }

    /** One of the built-in functions; arity is checked by the parser. */
    record Call(String function, List<Expression> arguments) implements Expression {
        @Override
        public BigDecimal evaluate(Map<String, BigDecimal> values) {
            List<BigDecimal> args = arguments.stream().map(a -> a.evaluate(values)).toList();
            return switch (function) {
                case "min" -> args.stream().reduce(BigDecimal::min).orElseThrow();
                case "max" -> args.stream().reduce(BigDecimal::max).orElseThrow();
                case "abs" -> args.get(0).abs();
                case "round" -> round(args.get(0), args.get(1));
                default -> throw new IllegalStateException("function " + function);
            };
        }

        // HALF_UP, the same rule as NumericSpec.round, so a calculation and its recorded value agree.
        private static BigDecimal round(BigDecimal value, BigDecimal decimals) {
            int scale;
            try {
                scale = decimals.intValueExact();
            } catch (ArithmeticException notAnInt) {
                throw new EvaluationError("round needs a whole number of decimals, not " + decimals.toPlainString());
            }
            if (scale < 0 || scale > 16) {
                throw new EvaluationError("round needs 0 to 16 decimals, not " + scale);
            }
            return value.setScale(scale, RoundingMode.HALF_UP);
        }

        @Override
        public void collectReferences(Set<String> into) {
            arguments.forEach(a -> a.collectReferences(into));
        }

        @Override
        public String unit(Map<String, String> units, List<String> mismatches) {
            return switch (function) {
                case "min", "max" -> common(function + " compares", arguments, units, mismatches);
                default -> { // abs(x), round(x, n): the unit of x
                    arguments.subList(1, arguments.size()).forEach(a -> a.unit(units, mismatches));
                    yield arguments.get(0).unit(units, mismatches);
                }
            };
        }

        @Override
        public String toString() {
            return function + "(" + String.join(", ", arguments.stream().map(Object::toString).toList()) + ")";
        }
    }
}
