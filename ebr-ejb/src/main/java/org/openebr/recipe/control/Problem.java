package org.openebr.recipe.control;

/**
 * One thing wrong with a recipe document.
 *
 * @param location where, as a JSON path into the document, e.g. {@code $.unitProcedures[1].operations[0].steps[3].numeric}
 * @param message what is wrong, specific enough to fix it without reading the code
 */
public record Problem(String location, String message) {
}
