package org.openebr.genealogy.control;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Where the genealogy's edges are: a table (or view) with the input lot, the lot made from it and
 * the kind of link, each lot by its id as text. Indexes on both lot columns make a trace a series
 * of index lookups, one per level.
 */
public record EdgeTable(String table, String input, String output, String kind) {

    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]*(\\.[a-z_][a-z0-9_]*)?");

    public EdgeTable {
        // Names go into the SQL text: only plain identifiers, never user input.
        for (String name : new String[] {table, input, output, kind}) {
            if (!IDENTIFIER.matcher(Objects.requireNonNull(name)).matches()) {
                throw new IllegalArgumentException("not a plain SQL identifier: " + name);
            }
        }
    }
}
