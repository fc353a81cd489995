package org.openebr.ui.recipe;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.openebr.recipe.boundary.RecipeComparison;
import org.openebr.recipe.boundary.Recipes;
import org.openebr.ui.Commands;
import org.openebr.ui.Messages;

/**
 * What changed between two versions of a recipe, element by element, as change control reviews it.
 * Without versions in the address it compares the newest version with the one it was made from.
 */
@Named("recipeDiff")
@ViewScoped
public class RecipeDiffView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    Recipes recipes;

    @Inject
    Commands commands;

    private String recipeId;
    private Integer from;
    private Integer to;
    private Recipes.RecipeSummary recipe;
    private RecipeComparison comparison;

    /** The view action, after the address is read. */
    public void load() {
        if (recipeId == null || recipeId.isBlank()) {
            Messages.error("Choose a recipe from the list of recipes.", null);
            return;
        }
        recipe = commands.attempt("compare versions of recipe " + recipeId + " (recipe screen)")
                .notAllowed("Your roles do not allow reading master recipes.")
                .call(() -> recipes.recipe(recipeId));
        if (recipe == null) {
            return;
        }
        List<Recipes.VersionSummary> versions = recipe.versions();
        if (to == null) {
            to = versions.get(versions.size() - 1).version();
        }
        if (from == null) { // the version it was made from, if the caller reads it (operators read the effective one only)
            from = versions.stream().filter(v -> v.version() == to).findFirst().map(Recipes.VersionSummary::basedOn)
                    .filter(basedOn -> versions.stream().anyMatch(v -> v.version() == basedOn)).orElse(null);
        }
        if (from == null) {
            from = versions.stream().map(Recipes.VersionSummary::version).filter(n -> n < to).reduce((a, b) -> b).orElse(to);
        }
        compare();
    }

    public void compare() {
        if (from == null || to == null) {
            Messages.error("Choose both versions.", null);
            return;
        }
        comparison = commands.attempt("compare versions of recipe " + recipeId + " (recipe screen)")
                .notAllowed("Your roles do not allow reading master recipes.")
                .call(() -> recipes.diff(recipeId, from, to));
    }

    public boolean isLoaded() {
        return recipe != null;
    }

    /** "version 2 (Draft)" for the selectors. */
    public String label(Recipes.VersionSummary version) {
        return "version " + version.version() + " (" + RecipeStatusLabels.label(version.status()) + ")";
    }

    /** Newest first, as the designer lists them. */
    public List<Recipes.VersionSummary> getVersions() {
        if (recipe == null) {
            return List.of();
        }
        List<Recipes.VersionSummary> newestFirst = new java.util.ArrayList<>(recipe.versions());
        java.util.Collections.reverse(newestFirst);
        return newestFirst;
    }

    public Recipes.RecipeSummary getRecipe() { return recipe; }
    public RecipeComparison getComparison() { return comparison; }
    public String getRecipeId() { return recipeId; }
    public void setRecipeId(String v) { recipeId = v; }
    public Integer getFrom() { return from; }
    public void setFrom(Integer v) { from = v; }
    public Integer getTo() { return to; }
    public void setTo(Integer v) { to = v; }
}
