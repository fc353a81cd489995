/**
 * The rules behind master recipes: full validation of a recipe document (every problem, with its
 * JSON location), the comparison of two versions for change control, the safe calculation formula
 * language, and the unit table.
 */
package org.openebr.recipe.control;
