package org.openebr.ui;

import java.util.List;
import java.util.Objects;

/**
 * What one person must do now of one kind, with a count and one click to each task; shown by
 * {@code <ebr:worklist value="..."/>} as a card. A screen usually shows the first few items and links
 * to the full list.
 *
 * @param key       a short name for the list, e.g. {@code in-review}; part of the card's CSS class and test hooks
 * @param title     the card's heading, e.g. "Recipes to approve"
 * @param icon      PrimeIcons class for the heading, e.g. {@code pi pi-check-square}; may be empty
 * @param count     how many tasks there are in all (may be more than {@code items} holds)
 * @param items     the tasks shown, most urgent first
 * @param allLabel  the words of the link to the full list, e.g. "All recipes in review"; may be empty for none
 * @param allUrl    the full list, relative to the context root, e.g. {@code app/recipes.xhtml}; may be empty for none
 * @param emptyText what the card says when there is nothing to do, e.g. "No recipe waits for your approval."
 */
public record Worklist(String key, String title, String icon, long count, List<WorkItem> items,
                       String allLabel, String allUrl, String emptyText) {

    public Worklist {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(title, "title");
        icon = icon == null ? "" : icon;
        items = List.copyOf(items);
        allLabel = allLabel == null ? "" : allLabel;
        allUrl = allUrl == null ? "" : allUrl;
        emptyText = emptyText == null ? "" : emptyText;
        if (allUrl.startsWith("/") || java.net.URI.create(allUrl).isAbsolute()) {
            throw new IllegalArgumentException("a worklist's url is relative to the context root: " + allUrl);
        }
    }

    /** Whether there are more tasks than the card shows. */
    public boolean hasMore() {
        return count > items.size();
    }
}
