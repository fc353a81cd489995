package org.openebr.recipe.boundary;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.math.BigDecimal;
import java.util.List;

/**
 * One version of a master recipe as it is exported, imported and served by the API. The formula
 * and the material charges are given for the nominal batch size; a control recipe scales them to
 * the actual batch size.
 */
@JsonbPropertyOrder({"recipeId", "version", "product", "material", "nominalBatchSize", "batchSizeUnit", "parameters", "formula", "unitProcedures"})
public record RecipeDocument(
        String recipeId,
        int version,
        String product,
        String material,
        BigDecimal nominalBatchSize,
        String batchSizeUnit,
        List<Parameter> parameters,
        List<FormulaItem> formula,
        List<UnitProcedure> unitProcedures) {
}
