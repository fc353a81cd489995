package org.openebr.recipe.boundary;

/** How an element of a master recipe differs between two versions, see {@link RecipeChange}. */
public enum ChangeKind {
    ADDED,
    REMOVED,
    /** One field of an element present in both versions; one change per field. */
    CHANGED,
    /** A step or operation present in both versions under a different parent. */
    MOVED
}
