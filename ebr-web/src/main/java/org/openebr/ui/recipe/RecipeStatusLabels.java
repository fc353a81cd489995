package org.openebr.ui.recipe;

import java.util.Map;

/** A recipe version's status in words for the badge ("In review"); the badge's colour keys on the status itself. */
final class RecipeStatusLabels {

    private static final Map<String, String> LABELS = Map.of(
            "DRAFT", "Draft",
            "IN_REVIEW", "In review",
            "APPROVED", "Approved",
            "EFFECTIVE", "Effective",
            "SUPERSEDED", "Superseded",
            "RETIRED", "Retired",
            "REJECTED", "Rejected");

    private RecipeStatusLabels() {
    }

    static String label(String status) {
        return status == null ? "" : LABELS.getOrDefault(status, status);
    }
}
