package org.openebr.ui;

import java.net.URI;
import java.util.Objects;

/**
 * One thing a person must do, as a worklist shows it: one link to the task.
 *
 * @param label       what the task is about, e.g. the recipe's name and version
 * @param detail      a short second line, e.g. who submitted it and when; may be empty
 * @param status      the state of the record as a code, e.g. {@code IN_REVIEW} (colours the badge); may be null for none
 * @param statusLabel the state in words, e.g. "In review"; shown with the colour, never colour alone
 * @param url         where the task is done, relative to the context root, e.g.
 *                    {@code app/recipe.xhtml?recipe=...}; never absolute, so a worklist cannot send anyone elsewhere
 */
public record WorkItem(String label, String detail, String status, String statusLabel, String url) {

    public WorkItem {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(url, "url");
        detail = detail == null ? "" : detail;
        if (url.startsWith("/") || URI.create(url).isAbsolute()) {
            throw new IllegalArgumentException("a work item's url is relative to the context root: " + url);
        }
    }
}
