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
import org.openebr.recipe.boundary.UnitProcedure;

/**
 * Scales a recipe's quantities to an actual batch size. {@link Scaling#LINEAR} quantities follow the
 * batch size, {@link Scaling#FIXED} ones do not. A scaled quantity keeps the decimals the author gave
 * the nominal one (450.0 g stays to 0.1 g), half up; its tolerance limits are rounded towards the
 * quantity (lower up, upper down), so rounding never accepts what the tolerance refuses.
 */
public final class FormulaScaling {

    private FormulaScaling() {
    }

    /** @throws IllegalArgumentException for a batch size that is not positive or a unit that does not fit */
    public static ScaledFormula scale(RecipeDocument recipe, BigDecimal actualBatchSize, String unit) {
        if (actualBatchSize == null || actualBatchSize.signum() <= 0) {
            throw new IllegalArgumentException("the actual batch size must be more than 0");
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
            formula.add(quantity(null, item.material(), item.quantity(), item.unit(), item.tolerancePercent(), scaling, factor));
        }
        List<ScaledFormula.Quantity> charges = new ArrayList<>();
        for (UnitProcedure unitProcedure : orEmpty(recipe.unitProcedures())) {
            for (Operation operation : orEmpty(unitProcedure.operations())) {
                for (Step step : orEmpty(operation.steps())) {
                    if (step.type() == StepType.MATERIAL_CHARGE && step.charge() != null) {
                        MaterialCharge c = step.charge();
                        charges.add(quantity(step.id(), c.material(), c.quantityPerBatch(), c.unit(), c.tolerancePercent(),
                                rules.getOrDefault(c.material(), Scaling.LINEAR), factor));
                    }
                }
            }
        }
        return new ScaledFormula(recipe.recipeId(), recipe.version(), recipe.nominalBatchSize(), actual,
                recipe.batchSizeUnit(), factor, formula, charges);
    }

    private static ScaledFormula.Quantity quantity(String stepId, String material, BigDecimal nominal, String unit,
                                                   BigDecimal tolerance, Scaling scaling, BigDecimal factor) {
        if (nominal == null) { // as needed (q.s.): nothing to scale
            return new ScaledFormula.Quantity(stepId, material, null, null, unit, tolerance, null, null, scaling);
        }
        int scale = Math.max(nominal.scale(), 0);
        BigDecimal scaled = scaling == Scaling.FIXED ? nominal
                : nominal.multiply(factor).setScale(scale, RoundingMode.HALF_UP);
        BigDecimal lower = null;
        BigDecimal upper = null;
        if (tolerance != null) {
            BigDecimal band = scaled.multiply(tolerance).divide(BigDecimal.valueOf(100), MathContext.DECIMAL64);
            lower = scaled.subtract(band).setScale(scale, RoundingMode.CEILING);
            upper = scaled.add(band).setScale(scale, RoundingMode.FLOOR);
        }
        return new ScaledFormula.Quantity(stepId, material, nominal, scaled, unit, tolerance, lower, upper, scaling);
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}
