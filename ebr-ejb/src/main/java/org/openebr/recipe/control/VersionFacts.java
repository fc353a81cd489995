package org.openebr.recipe.control;

import java.time.Instant;
import java.util.UUID;
import org.openebr.recipe.entity.RecipeStatus;
import org.openebr.recipe.entity.RecipeVersion;

/**
 * What is known about one recipe version without its document: a recipe with hundreds of versions
 * lists them without reading hundreds of documents (each some 20 kB).
 */
public record VersionFacts(UUID id, String recipeId, int number, String product, RecipeStatus status,
                           String contentHash, int draftRevision, String authors, Integer basedOn,
                           String changeReason, Instant createdAt, String createdBy, String statusReason,
                           Instant statusChangedAt, String statusChangedBy, Instant effectiveFrom,
                           Instant effectiveUntil) {

    /** The JPQL select list of the constructor above, in its order. */
    static final String SELECT = "select new org.openebr.recipe.control.VersionFacts(v.id, v.recipeId, v.number,"
            + " v.product, v.status, v.contentHash, v.draftRevision, v.authors, v.basedOn, v.changeReason,"
            + " v.createdAt, v.createdBy, v.statusReason, v.statusChangedAt, v.statusChangedBy, v.effectiveFrom,"
            + " v.effectiveUntil)";

    public static VersionFacts of(RecipeVersion v) {
        return new VersionFacts(v.id(), v.recipeId(), v.number(), v.product(), v.status(), v.contentHash(),
                v.draftRevision(), v.authors(), v.basedOn(), v.changeReason(), v.createdAt(), v.createdBy(),
                v.statusReason(), v.statusChangedAt(), v.statusChangedBy(), v.effectiveFrom(), v.effectiveUntil());
    }

    /** The id signatures use, {@code <recipe id>:<version>} (as {@link RecipeVersion#recordId()}). */
    public String recordId() {
        return recipeId + ":" + number;
    }
}
