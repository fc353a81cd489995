package org.openebr.recipe.boundary;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Set;
import org.openebr.recipe.control.Formula;

/**
 * The calculations of a recipe as batch execution computes them: the same parser and arithmetic
 * that validated the formula when the recipe was written (exact decimal arithmetic, {@code round},
 * {@code min}, {@code max}, {@code abs}), so a batch computes what its approved recipe says.
 */
public final class Calculations {

    private Calculations() {
    }

    /** The step ids and parameter names a (valid) formula reads. */
    public static Set<String> inputs(String formula) {
        return Formula.parse(formula).references();
    }

    /**
     * The value of a formula for the given inputs; a refusal (kind {@code formula-not-evaluable}) when
     * it has none for them, e.g. a division by zero.
     */
    public static BigDecimal evaluate(String formula, Map<String, BigDecimal> values) {
        return Formula.parse(formula).evaluate(values);
    }
}
