package org.openebr.recipe.boundary;

/** Which kind of element of a master recipe a {@link RecipeChange} is about, and what identifies it. */
public enum RecipeElement {
    /** A header field: product, material, nominal batch size or its unit (id: the recipe id). */
    RECIPE,
    /** Identified by its name. */
    PARAMETER,
    /** Identified by its material. */
    FORMULA_ITEM,
    /** Identified by its id. */
    UNIT_PROCEDURE,
    /** Identified by its id. */
    OPERATION,
    /** Identified by its id, never by its position. */
    STEP
}
