package org.openebr.recipe.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openebr.platform.boundary.DomainException.Violation;
import org.openebr.recipe.boundary.FormulaItem;
import org.openebr.recipe.boundary.RecipeDocument;

class MasterDataCheckTest {

    private static final Set<String> MATERIALS = Set.of("demoprofen", "sodium chloride", "sodium phosphate dibasic",
            "water for injection", "sodium hydroxide 1 n");
    private static final Set<String> CLASSES = Set.of("compounding vessel", "balance", "ph meter");

    @Test
    void theReferenceRecipeNamesOnlyMasterData() {
        assertThat(MasterDataCheck.unknown(ReferenceRecipe.asepticFilling(), MasterDataCheckTest::material,
                MasterDataCheckTest::equipmentClass)).isEmpty();
    }

    @Test
    void eachUnknownNameIsAProblemAtItsJsonLocation() {
        RecipeDocument reference = ReferenceRecipe.asepticFilling();
        List<FormulaItem> formula = new java.util.ArrayList<>(reference.formula());
        formula.set(1, new FormulaItem("sodium chlorite", formula.get(1).quantity(), "g", formula.get(1).tolerancePercent(), null));
        RecipeDocument changed = new RecipeDocument(reference.recipeId(), reference.version(), reference.product(),
                reference.material(), reference.nominalBatchSize(), reference.batchSizeUnit(), reference.parameters(),
                formula, reference.unitProcedures());

        List<Violation> problems = MasterDataCheck.unknown(changed, MasterDataCheckTest::material,
                name -> !name.equals("pH meter") && equipmentClass(name));

        assertThat(problems).containsExactly(
                new Violation("$.formula[1].material",
                        "no material 'sodium chlorite' in the material master (by material number or name)"),
                new Violation("$.unitProcedures[0].operations[0].steps[3].equipmentClass",
                        "no equipment class 'pH meter' in the equipment classes"));
    }

    @Test
    void aChargeOfAnUnknownMaterialIsNamedAtTheCharge() {
        List<Violation> problems = MasterDataCheck.unknown(ReferenceRecipe.asepticFilling(),
                name -> !name.equals("Demoprofen") && material(name), MasterDataCheckTest::equipmentClass);

        assertThat(problems).extracting(Violation::field).containsExactly("$.formula[0].material",
                "$.unitProcedures[1].operations[0].steps[0].charge.material");
    }

    private static boolean material(String name) {
        return MATERIALS.contains(name.toLowerCase(Locale.ROOT));
    }

    private static boolean equipmentClass(String name) {
        return CLASSES.contains(name.toLowerCase(Locale.ROOT));
    }
}
