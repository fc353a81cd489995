package org.openebr.recipe.boundary;

import java.util.List;

/**
 * What changed from one version of a master recipe to another. The content hashes name exactly
 * which two documents were compared, so an approval of this comparison cannot be carried over to
 * other content.
 *
 * @param added   the number of {@link ChangeKind#ADDED} entries in {@code changes} (an added
 *                operation and each of its steps count one each); likewise {@code removed},
 *                {@code changed} (one per field) and {@code moved}
 * @param changes empty when the two versions have the same content
 */
public record RecipeComparison(
        String recipeId,
        int fromVersion,
        int toVersion,
        String fromContentHash,
        String toContentHash,
        int added,
        int removed,
        int changed,
        int moved,
        List<RecipeChange> changes) {

    public RecipeComparison {
        changes = changes == null ? List.of() : List.copyOf(changes);
    }

    /** A comparison with the counts taken from the changes. */
    public static RecipeComparison of(String recipeId, int fromVersion, int toVersion, String fromContentHash,
            String toContentHash, List<RecipeChange> changes) {
        return new RecipeComparison(recipeId, fromVersion, toVersion, fromContentHash, toContentHash,
                count(changes, ChangeKind.ADDED), count(changes, ChangeKind.REMOVED),
                count(changes, ChangeKind.CHANGED), count(changes, ChangeKind.MOVED), changes);
    }

    private static int count(List<RecipeChange> changes, ChangeKind kind) {
        return (int) changes.stream().filter(c -> c.kind() == kind).count();
    }
}
