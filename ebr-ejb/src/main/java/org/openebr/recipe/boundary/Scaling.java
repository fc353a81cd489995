package org.openebr.recipe.boundary;

/** How a quantity of the formula follows the actual batch size of a control recipe. */
public enum Scaling {
    /** In proportion to the batch size: actual / nominal times the nominal quantity (the usual case). */
    LINEAR,
    /** The same whatever the batch size, e.g. one filter cartridge or a fixed rinse volume. */
    FIXED
}
