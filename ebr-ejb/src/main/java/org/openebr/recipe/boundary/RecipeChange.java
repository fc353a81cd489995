package org.openebr.recipe.boundary;

/**
 * One difference between two versions of a master recipe, as a change-control reviewer reads it.
 *
 * @param id      what identifies the element (step id, parameter name, material, recipe id for the header)
 * @param path    where it is, readable: {@code compounding / ph_control / ph} (unit procedure / operation /
 *                step), {@code parameters / fill_volume}, {@code formula / Demoprofen}, {@code header}; in
 *                the new version, in the old one for a removed element
 * @param field   for {@link ChangeKind#CHANGED} the field, nested ones dotted ({@code numeric.upper}); else null
 * @param before  the old value as text (null: none); for a removed element a short description of it, for a
 *                moved one its old parent
 * @param after   the new value as text, likewise; for an added element its description, for a moved one its
 *                new parent
 * @param summary one sentence for the reviewer, e.g. {@code Step 'ph' (pH of the bulk solution): upper
 *                action limit changed from 7.2 to 7.3}
 */
public record RecipeChange(
        ChangeKind kind,
        RecipeElement element,
        String id,
        String path,
        String field,
        String before,
        String after,
        String summary) {
}
