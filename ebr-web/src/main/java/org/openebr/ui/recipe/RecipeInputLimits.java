package org.openebr.ui.recipe;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import org.openebr.recipe.boundary.RecipeLimits;

/**
 * The server's text limits for the recipe screens' inputs ({@code maxlength} and the length check
 * that names the field), so that a screen never takes more than the server keeps.
 */
@Named("recipeLimits")
@ApplicationScoped
public class RecipeInputLimits {

    public int getId() { return RecipeLimits.ID; }
    public int getName() { return RecipeLimits.NAME; }
    public int getText() { return RecipeLimits.TEXT; }
    public int getReason() { return RecipeLimits.REASON; }
}
