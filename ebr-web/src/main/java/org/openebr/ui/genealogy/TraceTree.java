package org.openebr.ui.genealogy;

import java.io.Serializable;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.openebr.genealogy.boundary.GenealogyTrace;
import org.openebr.genealogy.boundary.GenealogyTrace.Link;
import org.openebr.genealogy.boundary.TraceDirection;
import org.primefaces.model.DefaultTreeNode;
import org.primefaces.model.TreeNode;

/**
 * A trace as a tree to read: the traced lot at the root, each lot under the lot it was first
 * reached from (breadth first, so at its least depth) and its own branch shown there once; where
 * it is reached again it appears as a leaf that says so, and a link that closes a cycle as a leaf
 * that says that. A genealogy is a graph; a tree that repeated every shared branch would grow with
 * the number of paths, not the number of lots.
 */
public final class TraceTree {

    /**
     * One line of the tree.
     *
     * @param id    the lot, container or batch
     * @param node   what it is: LOT, CONTAINER, BATCH (or {@code null} when the edges do not say)
     * @param facts  what a lot is, in words (material, status), or empty
     * @param link   how it is linked to the line above (RECEIVED_AS, DISPENSED_INTO, ...), or {@code null} at the root
     * @param note   where its branch is not shown here: reached again, or a cycle; else {@code null}
     */
    public record Line(String id, String node, String facts, String link, String note) implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    private TraceTree() {
    }

    /** @param facts what a lot is in words, asked for lots only */
    static TreeNode<Line> of(GenealogyTrace trace, Function<String, String> facts) {
        boolean forward = trace.direction() == TraceDirection.FORWARD;
        Map<String, List<Link>> next = new LinkedHashMap<>();
        for (Link link : trace.links()) {
            next.computeIfAbsent(forward ? link.from() : link.to(), lot -> new ArrayList<>()).add(link);
        }
        Set<Link> cycles = new HashSet<>(trace.cycles());
        TreeNode<Line> root = new DefaultTreeNode<>(new Line(null, null, "", null, null), null);
        TreeNode<Line> top = new DefaultTreeNode<>(new Line(trace.lotId(), "LOT", facts.apply(trace.lotId()), null, null),
                root);
        top.setExpanded(true);
        Set<String> shown = new HashSet<>(Set.of(trace.lotId()));
        Deque<TreeNode<Line>> queue = new ArrayDeque<>(List.of(top));
        while (!queue.isEmpty()) {
            TreeNode<Line> node = queue.removeFirst();
            for (Link link : next.getOrDefault(node.getData().id(), List.of())) {
                String id = forward ? link.to() : link.from();
                String kind = forward ? link.toNode() : link.fromNode();
                String note = cycles.contains(link) ? "cycle: already on this branch"
                        : shown.contains(id) ? "reached again: its branch is shown where it appears first" : null;
                String words = "LOT".equals(kind) ? facts.apply(id) : "";
                TreeNode<Line> child = new DefaultTreeNode<>(new Line(id, kind, words, link.kind(), note), node);
                if (note == null) {
                    shown.add(id);
                    child.setExpanded(link.depth() < 3); // the first levels open; deeper ones a click away
                    queue.addLast(child);
                }
            }
        }
        return root;
    }
}
