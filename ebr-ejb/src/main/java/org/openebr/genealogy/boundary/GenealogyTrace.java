package org.openebr.genealogy.boundary;

import java.util.List;
import java.util.Objects;

/**
 * A lot's trace in one direction: every link reached from the lot, each once, at the depth it is
 * first reached. Links always point the way the material went (from the input lot to the lot made
 * from it), whichever the direction of the trace.
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
     * @param from  the input lot (consumed, split or merged)
     * @param to    the lot made from it
     * @param kind  what happened (e.g. CONSUMED_INTO, SPLIT, MERGED)
     * @param depth how many links from the traced lot (1: directly)
     */
    public record Link(String from, String to, String kind, int depth) {
    }

    /** The lots reached, without the traced one, nearest first, each once. */
    public List<String> lots() {
        return links.stream().map(link -> direction == TraceDirection.FORWARD ? link.to() : link.from())
                .distinct().toList();
    }
}
