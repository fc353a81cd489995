package org.openebr.recipe.entity;

import java.util.EnumSet;
import java.util.Set;

/**
 * The lifecycle of a master recipe version (21 CFR 211.186; EU GMP Annex 11 §10) and its transition
 * table; the database enforces the same table (trigger {@code recipe_version_content_is_frozen}).
 *
 * <pre>
 * DRAFT --author signs--> IN_REVIEW --approver signs--> APPROVED --effective date--> EFFECTIVE --> SUPERSEDED
 *                         IN_REVIEW --rejected--> REJECTED        APPROVED, EFFECTIVE --retired--> RETIRED
 * </pre>
 */
public enum RecipeStatus {
    DRAFT, IN_REVIEW, APPROVED, EFFECTIVE, SUPERSEDED, RETIRED, REJECTED;

    public Set<RecipeStatus> next() {
        return switch (this) {
            case DRAFT -> EnumSet.of(IN_REVIEW);
            case IN_REVIEW -> EnumSet.of(APPROVED, REJECTED);
            case APPROVED -> EnumSet.of(EFFECTIVE, RETIRED);
            case EFFECTIVE -> EnumSet.of(SUPERSEDED, RETIRED);
            case SUPERSEDED, RETIRED, REJECTED -> EnumSet.noneOf(RecipeStatus.class);
        };
    }

    public boolean canBecome(RecipeStatus target) {
        return next().contains(target);
    }

    /** Only a draft's content may change; from submission on, a change means a new version. */
    public boolean editable() {
        return this == DRAFT;
    }
}
