package org.openebr.genealogy.control;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openebr.genealogy.boundary.GenealogyTrace;
import org.openebr.genealogy.boundary.GenealogyTrace.Link;
import org.openebr.genealogy.boundary.TraceDirection;

/**
 * A trace as ONE recursive SQL statement: each level is an index lookup of the previous level's
 * lots, done inside the database, so a trace of any depth costs one round trip.
 *
 * <p>Cycle protection without path arrays: the recursion is a {@code UNION}, which drops a row
 * already produced, and a row is (link, depth), so a link comes back only at a new depth and the
 * depth limit ends every recursion, cycles included: at most (depth limit + 1) x (links reached)
 * rows, never the number of paths (which grows exponentially where lots are split and merged
 * again). The statement runs one level past the limit, so a trace knows whether the limit cut
 * anything off, and stops at a size limit for the same reason. Here the rows become the trace:
 * each link once at the depth it is first reached, and the links that close a cycle named.
 */
public final class GenealogyQuery {

    /** Deeper than any real production chain (raw material, intermediate, bulk, filled, packed). */
    public static final int DEPTH_LIMIT = 50;
    /** More links than any one trace of a plant; more means the data is wrong, and the answer says it is cut. */
    public static final int ROW_LIMIT = 100_000;

    private final EdgeTable edges;
    private final TraceDirection direction;
    private final int depthLimit;
    private final int rowLimit;

    public GenealogyQuery(EdgeTable edges, TraceDirection direction) {
        this(edges, direction, DEPTH_LIMIT, ROW_LIMIT);
    }

    public GenealogyQuery(EdgeTable edges, TraceDirection direction, int depthLimit, int rowLimit) {
        this.edges = edges;
        this.direction = direction;
        this.depthLimit = depthLimit;
        this.rowLimit = rowLimit;
    }

    /**
     * The statement; parameters: the lot id, the depth limit, the row limit + 1. Forward follows
     * input -> output, backward output -> input.
     */
    public String sql() {
        String near = direction == TraceDirection.FORWARD ? edges.input() : edges.output();
        // The trace's own columns: a level's nodes are the outputs (forward) or inputs (backward) of the last.
        String reached = direction == TraceDirection.FORWARD ? "output" : "input";
        String columns = "e." + edges.input() + ", " + node(edges.inputNode()) + ", e." + edges.output() + ", "
                + node(edges.outputNode()) + ", e." + edges.kind();
        return "with recursive trace(input, input_node, output, output_node, kind, depth) as ("
                + " select " + columns + ", 1"
                + " from " + edges.table() + " e where e." + near + " = ?"
                + " union"
                + " select " + columns + ", t.depth + 1"
                + " from trace t join " + edges.table() + " e on e." + near + " = t." + reached
                + " where t.depth <= ?"
                + ") select input, input_node, output, output_node, kind, depth from trace limit ?";
    }

    private static String node(String column) {
        return column == null ? "null::text" : "e." + column;
    }

    /** Runs the statement and makes the trace of its rows. */
    public GenealogyTrace trace(Connection connection, String lotId) throws SQLException {
        return assemble(lotId, rows(connection, lotId));
    }

    /** The statement's rows as they come, nothing made of them (what the benchmark compares against). */
    public List<Link> rows(Connection connection, String lotId) throws SQLException {
        List<Link> rows = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(sql())) {
            statement.setString(1, lotId);
            statement.setInt(2, depthLimit);
            statement.setInt(3, rowLimit + 1);
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    rows.add(new Link(result.getString(1), result.getString(2), result.getString(3), result.getString(4),
                            result.getString(5), result.getInt(6)));
                }
            }
        }
        return rows;
    }

    /** The rows as a trace: each link once, at its least depth, nearest first; cut-offs and cycles said. */
    public GenealogyTrace assemble(String lotId, List<Link> rows) {
        boolean complete = rows.size() <= rowLimit;
        Map<List<String>, Link> shallowest = new LinkedHashMap<>();
        for (Link row : complete ? rows : rows.subList(0, rowLimit)) {
            if (row.depth() > depthLimit) {
                complete = false; // the statement went one level past the limit and found more
                continue;
            }
            shallowest.merge(Arrays.asList(row.from(), row.fromNode(), row.to(), row.toNode(), row.kind()), row,
                    (kept, other) -> other.depth() < kept.depth() ? other : kept);
        }
        List<Link> links = new ArrayList<>(shallowest.values());
        links.sort(Comparator.comparingInt(Link::depth).thenComparing(Link::from).thenComparing(Link::to)
                .thenComparing(Link::kind));
        return new GenealogyTrace(lotId, direction, links, depthLimit, complete, cycles(lotId, links));
    }

    /** The links that lead back to a lot on their own path from the traced lot (back edges of a depth-first walk). */
    private List<Link> cycles(String lotId, List<Link> links) {
        Map<String, List<Link>> next = new HashMap<>();
        for (Link link : links) {
            next.computeIfAbsent(near(link), key -> new ArrayList<>()).add(link);
        }
        List<Link> cycles = new ArrayList<>();
        Set<String> onPath = new HashSet<>();
        Set<String> done = new HashSet<>();
        // Iterative, so a deep chain cannot overflow the stack: a frame is a lot and its next link's index.
        Deque<Object[]> stack = new ArrayDeque<>();
        stack.push(new Object[] {lotId, 0});
        onPath.add(lotId);
        while (!stack.isEmpty()) {
            Object[] frame = stack.peek();
            String lot = (String) frame[0];
            int index = (Integer) frame[1];
            List<Link> out = next.getOrDefault(lot, List.of());
            if (index == out.size()) {
                stack.pop();
                onPath.remove(lot);
                done.add(lot);
                continue;
            }
            frame[1] = index + 1;
            Link link = out.get(index);
            String target = far(link);
            if (onPath.contains(target)) {
                cycles.add(link);
            } else if (!done.contains(target)) {
                onPath.add(target);
                stack.push(new Object[] {target, 0});
            }
        }
        return cycles;
    }

    private String near(Link link) {
        return direction == TraceDirection.FORWARD ? link.from() : link.to();
    }

    private String far(Link link) {
        return direction == TraceDirection.FORWARD ? link.to() : link.from();
    }
}
