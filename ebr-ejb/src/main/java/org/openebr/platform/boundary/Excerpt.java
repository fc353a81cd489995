package org.openebr.platform.boundary;

import java.util.List;

/**
 * The first few entries of a longer list and how long the whole list is: what a worklist shows
 * ("3 of 12") without reading every entry into the page.
 *
 * @param items the first entries, in the list's order
 * @param total how many entries the whole list has (at least {@code items.size()})
 */
public record Excerpt<T>(List<T> items, long total) {

    /** The most entries a worklist query hands out at once. */
    public static final int MAX_ITEMS = 50;

    public Excerpt {
        items = List.copyOf(items);
        if (total < items.size()) {
            throw new IllegalArgumentException("total " + total + " is less than the " + items.size() + " items");
        }
    }

    /** The first {@code limit} entries of a list that is already complete. */
    public static <T> Excerpt<T> of(List<T> all, int limit) {
        return new Excerpt<>(all.subList(0, Math.min(all.size(), limit(limit))), all.size());
    }

    /** A requested number of entries, within 1 and {@link #MAX_ITEMS}. */
    public static int limit(int requested) {
        return Math.max(1, Math.min(requested, MAX_ITEMS));
    }

    public boolean isEmpty() {
        return total == 0;
    }
}
