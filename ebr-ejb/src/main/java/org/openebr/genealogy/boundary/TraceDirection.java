package org.openebr.genealogy.boundary;

import java.util.Locale;
import java.util.Optional;

/** Which way a trace follows the material. */
public enum TraceDirection {
    /** Where used: from a lot to every lot made from it, and on. */
    FORWARD,
    /** Where from: from a lot to every lot it was made from, and on. */
    BACKWARD;

    /** The direction as the API names it ({@code forward}, {@code backward}), any case. */
    public static Optional<TraceDirection> named(String name) {
        if (name == null) {
            return Optional.empty();
        }
        for (TraceDirection direction : values()) {
            if (direction.name().equals(name.strip().toUpperCase(Locale.ROOT))) {
                return Optional.of(direction);
            }
        }
        return Optional.empty();
    }

    /** The direction as the API names it. */
    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
