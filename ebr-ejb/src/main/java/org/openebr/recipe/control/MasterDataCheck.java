package org.openebr.recipe.control;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.openebr.platform.boundary.DomainException.Violation;
import org.openebr.recipe.boundary.FormulaItem;
import org.openebr.recipe.boundary.Operation;
import org.openebr.recipe.boundary.RecipeDocument;
import org.openebr.recipe.boundary.RecipeMasterData.Kind;
import org.openebr.recipe.boundary.Step;
import org.openebr.recipe.boundary.UnitProcedure;

/**
 * Every material (formula items and material charges) and every equipment class a recipe names
 * must be master data before the version is submitted: a batch made from it will be checked against
 * them (the material and equipment gates), and a name no master data holds would stop it there.
 * One problem per name and place, with its JSON location, like the document's own validation.
 */
public final class MasterDataCheck {

    private MasterDataCheck() {
    }

    public static List<Violation> unknown(RecipeDocument document, Predicate<String> material,
                                          Predicate<String> equipmentClass) {
        List<Violation> problems = new ArrayList<>();
        List<FormulaItem> formula = document.formula() == null ? List.of() : document.formula();
        for (int i = 0; i < formula.size(); i++) {
            check(formula.get(i).material(), Kind.MATERIAL, material, "$.formula[" + i + "].material", problems);
        }
        List<UnitProcedure> procedures = document.unitProcedures() == null ? List.of() : document.unitProcedures();
        for (int u = 0; u < procedures.size(); u++) {
            List<Operation> operations = orEmpty(procedures.get(u).operations());
            for (int o = 0; o < operations.size(); o++) {
                List<Step> steps = orEmpty(operations.get(o).steps());
                for (int s = 0; s < steps.size(); s++) {
                    Step step = steps.get(s);
                    String at = "$.unitProcedures[" + u + "].operations[" + o + "].steps[" + s + "]";
                    if (step.charge() != null) {
                        check(step.charge().material(), Kind.MATERIAL, material, at + ".charge.material", problems);
                    }
                    check(step.equipmentClass(), Kind.EQUIPMENT_CLASS, equipmentClass, at + ".equipmentClass", problems);
                }
            }
        }
        return problems;
    }

    private static void check(String name, Kind kind, Predicate<String> known, String at, List<Violation> problems) {
        if (name != null && !name.isBlank() && !known.test(name)) {
            problems.add(new Violation(at, "no " + kind.words() + " '" + name + "' in " + kind.source()));
        }
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}
