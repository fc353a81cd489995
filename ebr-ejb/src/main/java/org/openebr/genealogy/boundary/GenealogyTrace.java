package org.openebr.genealogy.boundary;

import java.util.List;
import java.util.Objects;

/**
 * A lot's trace in one direction: every link reached from the lot, each once, at the depth it is
 * first reached. The nodes are lots, containers and batches; links always point the way the material
 * went (from the input to what was made of it), whichever the direction of the trace.
 *
 * @param lotId      the lot traced from
 * @param direction  forward (where used) or backward (where from)
 * @param links      every link reached, nearest first
 * @param depthLimit the deepest level a trace follows
 * @param complete   true when nothing was cut off by the depth limit or the size limit: the trace is
 *                   all there is
 * @param cycles     links that lead back to a lot already on their path (data that says a lot was
 *                   made from itself); shown, never followed again
 */
public record GenealogyTrace(String lotId, TraceDirection direction, List<Link> links, int depthLimit,
                             boolean complete, List<Link> cycles) {

    public GenealogyTrace {
        Objects.requireNonNull(lotId, "lotId");
        Objects.requireNonNull(direction, "direction");
        links = List.copyOf(links);
        cycles = List.copyOf(cycles);
    }

    /**
     * One edge of the genealogy.
     *
     * @param from     the input: a lot or a container (received as, dispensed from, split, merged, consumed)
     * @param fromNode what {@code from} is: LOT or CONTAINER
     * @param to       what was made of it: a lot, a container or a batch
     * @param toNode   what {@code to} is: LOT, CONTAINER or BATCH
     * @param kind     what happened: RECEIVED_AS, DISPENSED_INTO, SPLIT, MERGED, CONSUMED_INTO
     * @param depth    how many links from the traced lot (1: directly)
     */
    public record Link(String from, String fromNode, String to, String toNode, String kind, int depth) {
    }

    /** The nodes reached (lots, containers, batches), without the traced lot, nearest first, each once. */
    public List<String> reached() {
        return links.stream().map(link -> direction == TraceDirection.FORWARD ? link.to() : link.from())
                .distinct().toList();
    }
}
