package org.openebr.recipe.control;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.openebr.recipe.boundary.FormulaItem;
import org.openebr.recipe.boundary.MaterialCharge;
import org.openebr.recipe.boundary.Operation;
import org.openebr.recipe.boundary.RecipeDocument;
import org.openebr.recipe.boundary.ScaledFormula;
import org.openebr.recipe.boundary.Scaling;
import org.openebr.recipe.boundary.Step;
import org.openebr.recipe.boundary.StepType;
import org.openebr.recipe.boundary.Unit;
import org.openebr.recipe.boundary.UnitProcedure;

/**
 * Scales a recipe's quantities to an actual batch size. {@link Scaling#LINEAR} quantities follow the
 * batch size, {@link Scaling#FIXED} ones do not. A scaled quantity has six significant digits and at
 * least the decimals the author gave the nominal one, half up; its tolerance limits are computed from
 * the exact quantity and rounded towards it (lower up, upper down), so rounding never accepts what
 * the tolerance refuses.
 */
public final class FormulaScaling {

    /** Significant digits of a scaled quantity: finer than any balance, coarse enough to read. */
    static final int SIGNIFICANT = 6;

    /** Digits an actual batch size may have before and after the decimal point: a plant's scale, computed exactly. */
    static final int MAX_INTEGER_DIGITS = 9;
    static final int MAX_DECIMALS = 6;

    private FormulaScaling() {
    }

    /** @throws IllegalArgumentException for a batch size that is not positive or absurdly large or fine, or a unit that does not fit */
    public static ScaledFormula scale(RecipeDocument recipe, BigDecimal actualBatchSize, String unit) {
        if (actualBatchSize == null || actualBatchSize.signum() <= 0) {
            throw new IllegalArgumentException("the actual batch size must be more than 0");
        }
        BigDecimal stripped = actualBatchSize.stripTrailingZeros();
        if (stripped.precision() - stripped.scale() > MAX_INTEGER_DIGITS || stripped.scale() > MAX_DECIMALS) {
            throw new IllegalArgumentException("the actual batch size must have at most " + MAX_INTEGER_DIGITS
                    + " digits before and " + MAX_DECIMALS + " after the decimal point, not " + actualBatchSize);
        }
        Unit nominalUnit = Unit.of(recipe.batchSizeUnit())
                .orElseThrow(() -> new IllegalArgumentException("unknown batch size unit " + recipe.batchSizeUnit()));
        String givenUnit = unit == null || unit.isBlank() ? recipe.batchSizeUnit() : unit;
        Unit actualUnit = Unit.of(givenUnit)
                .orElseThrow(() -> new IllegalArgumentException(NumericSpecRules.unknownUnit(givenUnit)));
        if (!actualUnit.convertsTo(nominalUnit)) {
            throw new IllegalArgumentException("a batch size in " + givenUnit + " does not convert to the recipe's batch"
                    + " size unit " + recipe.batchSizeUnit());
        }
        BigDecimal actual = actualUnit.convert(actualBatchSize, nominalUnit);
        BigDecimal factor = actual.divide(recipe.nominalBatchSize(), MathContext.DECIMAL64);

        Map<String, Scaling> rules = new HashMap<>();
        List<ScaledFormula.Quantity> formula = new ArrayList<>();
        for (FormulaItem item : orEmpty(recipe.formula())) {
            Scaling scaling = item.scaling() == null ? Scaling.LINEAR : item.scaling();
            rules.put(item.material(), scaling);
            formula.add(quantity(null, item.material(), item.quantity(), item.unit(), item.tolerancePercent(), scaling,
                    actual, recipe.nominalBatchSize()));
        }
        List<ScaledFormula.Quantity> charges = new ArrayList<>();
        for (UnitProcedure unitProcedure : orEmpty(recipe.unitProcedures())) {
            for (Operation operation : orEmpty(unitProcedure.operations())) {
                for (Step step : orEmpty(operation.steps())) {
                    if (step.type() == StepType.MATERIAL_CHARGE && step.charge() != null) {
                        MaterialCharge c = step.charge();
                        charges.add(quantity(step.id(), c.material(), c.quantityPerBatch(), c.unit(), c.tolerancePercent(),
                                rules.getOrDefault(c.material(), Scaling.LINEAR), actual, recipe.nominalBatchSize()));
                    }
                }
            }
        }
        return new ScaledFormula(recipe.recipeId(), recipe.version(), recipe.nominalBatchSize(), actual,
                recipe.batchSizeUnit(), factor, formula, charges);
    }

    private static ScaledFormula.Quantity quantity(String stepId, String material, BigDecimal nominal, String unit,
                                                   BigDecimal tolerance, Scaling scaling, BigDecimal actual,
                                                   BigDecimal nominalBatchSize) {
        if (nominal == null) { // as needed (q.s.): nothing to scale
            return new ScaledFormula.Quantity(stepId, material, null, null, unit, tolerance, null, null, scaling);
        }
        // multiplied before divided: 450.0 g x 40 / 45 is exactly 400
        BigDecimal exact = scaling == Scaling.FIXED ? nominal
                : nominal.multiply(actual).divide(nominalBatchSize, MathContext.DECIMAL64);
        int scale = scale(exact, nominal);
        BigDecimal scaled = shown(exact.setScale(scale, RoundingMode.HALF_UP), nominal);
        BigDecimal lower = null;
        BigDecimal upper = null;
        if (tolerance != null) {
            BigDecimal band = exact.multiply(tolerance).divide(BigDecimal.valueOf(100), MathContext.DECIMAL64);
            lower = shown(exact.subtract(band).setScale(scale, RoundingMode.CEILING), nominal);
            upper = shown(exact.add(band).setScale(scale, RoundingMode.FLOOR), nominal);
        }
        return new ScaledFormula.Quantity(stepId, material, nominal, scaled, unit, tolerance, lower, upper, scaling);
    }

    /**
     * Decimals enough for {@value #SIGNIFICANT} significant digits, and never fewer than the author
     * gave: 2 kg at a fifth of the batch is 0.4 kg, not 0 kg.
     */
    private static int scale(BigDecimal exact, BigDecimal nominal) {
        int integerDigits = exact.precision() - exact.scale();
        return Math.max(nominal.scale(), SIGNIFICANT - integerDigits);
    }

    /** Without trailing zeros beyond the decimals the author gave (400.000 g of 450.0 g is shown 400.0). */
    private static BigDecimal shown(BigDecimal value, BigDecimal nominal) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < nominal.scale() ? stripped.setScale(nominal.scale()) : stripped;
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}
