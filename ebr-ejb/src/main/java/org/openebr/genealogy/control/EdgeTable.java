package org.openebr.genealogy.control;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Where the genealogy's edges are: a table (or view) with the input node, the node made from it and
 * the kind of link, each node by its business id as text (lot id, container id, batch), and where the
 * table has them, the kinds of the two nodes (LOT, CONTAINER, BATCH). Indexes on both id columns
 * make a trace a series of index lookups, one per level.
 *
 * @param inputNode  the column of the input node's kind, or {@code null} when the table has none
 * @param outputNode the column of the output node's kind, or {@code null}
 */
public record EdgeTable(String table, String input, String inputNode, String output, String outputNode, String kind) {

    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]*(\\.[a-z_][a-z0-9_]*)?");

    public EdgeTable {
        // Names go into the SQL text: only plain identifiers, never user input.
        for (String name : new String[] {table, input, output, kind}) {
            identifier(Objects.requireNonNull(name));
        }
        for (String name : new String[] {inputNode, outputNode}) {
            if (name != null) {
                identifier(name);
            }
        }
    }

    private static void identifier(String name) {
        if (!IDENTIFIER.matcher(name).matches()) {
            throw new IllegalArgumentException("not a plain SQL identifier: " + name);
        }
    }
}
