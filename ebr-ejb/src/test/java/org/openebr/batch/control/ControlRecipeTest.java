package org.openebr.batch.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openebr.recipe.boundary.Parameter;
import org.openebr.recipe.boundary.RecipeDocument;
import org.openebr.recipe.boundary.RecipeJson;
import org.openebr.recipe.control.FormulaScaling;

/** The control recipe of a batch: the recipe's parameters as for the batch's size. */
class ControlRecipeTest {

    @Test
    void a_parameter_that_scales_with_the_batch_size_is_scaled_with_it_and_the_others_are_not() throws IOException {
        RecipeDocument reference = reference();
        ControlRecipe half = ControlRecipe.of(reference, FormulaScaling.scale(reference, new BigDecimal("22.5"), "L"));
        ControlRecipe nominal = ControlRecipe.of(reference, FormulaScaling.scale(reference, new BigDecimal("45"), "L"));

        // the theoretical number of vials of half a batch is half; the fill volume of a vial stays
        assertThat(half.parameters().get("theoretical_vials")).isEqualByComparingTo("10000");
        assertThat(half.parameters().get("fill_volume")).isEqualByComparingTo("2.0");
        assertThat(nominal.parameters().get("theoretical_vials")).isEqualByComparingTo("20000");
    }

    @Test
    void a_document_without_the_scaled_flag_reads_as_not_scaled_and_is_written_without_it() {
        Parameter old = RecipeJson.read("{\"recipeId\":\"R-1\",\"version\":1,\"product\":\"P\",\"nominalBatchSize\":10,"
                + "\"batchSizeUnit\":\"L\",\"parameters\":[{\"name\":\"fill_volume\",\"value\":2.0,\"unit\":\"mL\"}],"
                + "\"formula\":[],\"unitProcedures\":[]}").parameters().get(0);

        assertThat(old.scalesWithBatch()).isFalse();
        assertThat(RecipeJson.write(new RecipeDocument("R-1", 1, "P", null, new BigDecimal("10"), "L", List.of(old),
                List.of(), List.of()))).doesNotContain("scaled");
    }

    private static RecipeDocument reference() throws IOException {
        try (InputStream in = ControlRecipeTest.class.getResourceAsStream("/demo/recipe-DEMOPROFEN-10-2ML.json")) {
            return RecipeJson.read(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }
}
