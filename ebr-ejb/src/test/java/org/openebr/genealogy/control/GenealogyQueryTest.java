package org.openebr.genealogy.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openebr.genealogy.boundary.GenealogyTrace;
import org.openebr.genealogy.boundary.GenealogyTrace.Link;
import org.openebr.genealogy.boundary.TraceDirection;

/** The assembly of the recursive statement's rows; the statement itself runs in LabelsIT and the benchmark. */
class GenealogyQueryTest {

    private static final EdgeTable EDGES = new EdgeTable("genealogy_edge", "from_id", "from_kind", "to_id", "to_kind", "kind");

    @Test
    void eachLinkOnceAtTheDepthItIsFirstReached() {
        // API lot A into bulk B and C (split), both into filled lot D: D is reached twice at depth 2, its link to E
        // at depth 3 (twice, through B and through C).
        List<Link> rows = List.of(link("A", "B", 1), link("A", "C", 1), link("B", "D", 2), link("C", "D", 2),
                link("D", "E", 3), link("D", "E", 3));

        GenealogyTrace trace = new GenealogyQuery(EDGES, TraceDirection.FORWARD).assemble("A", rows);

        assertThat(trace.links()).containsExactly(link("A", "B", 1), link("A", "C", 1), link("B", "D", 2),
                link("C", "D", 2), link("D", "E", 3));
        assertThat(trace.reached()).containsExactly("B", "C", "D", "E");
        assertThat(trace.complete()).isTrue();
        assertThat(trace.cycles()).isEmpty();
    }

    @Test
    void aLinkReachedAgainDeeperKeepsItsLeastDepth() {
        List<Link> rows = List.of(link("A", "B", 1), link("B", "C", 2), link("A", "C", 1), link("C", "D", 3),
                link("C", "D", 2));

        GenealogyTrace trace = new GenealogyQuery(EDGES, TraceDirection.FORWARD).assemble("A", rows);

        assertThat(trace.links()).containsExactly(link("A", "B", 1), link("A", "C", 1), link("B", "C", 2),
                link("C", "D", 2));
    }

    @Test
    void backwardNamesTheLotsItCameFrom() {
        List<Link> rows = List.of(link("B", "E", 1), link("C", "E", 1), link("A", "B", 2));

        GenealogyTrace trace = new GenealogyQuery(EDGES, TraceDirection.BACKWARD).assemble("E", rows);

        assertThat(trace.reached()).containsExactly("B", "C", "A");
        assertThat(trace.cycles()).isEmpty();
    }

    @Test
    void aCycleIsNamedAndNotFollowed() {
        // A -> B -> C -> A: the recursion brings the cycle back at every depth up to the limit + 1.
        GenealogyQuery query = new GenealogyQuery(EDGES, TraceDirection.FORWARD, 5, 1000);
        List<Link> rows = List.of(link("A", "B", 1), link("B", "C", 2), link("C", "A", 3), link("A", "B", 4),
                link("B", "C", 5), link("C", "A", 6));

        GenealogyTrace trace = query.assemble("A", rows);

        assertThat(trace.links()).containsExactly(link("A", "B", 1), link("B", "C", 2), link("C", "A", 3));
        assertThat(trace.cycles()).containsExactly(link("C", "A", 3));
        // depth 6 is past the limit of 5: the statement found more than the trace shows
        assertThat(trace.complete()).isFalse();
    }

    @Test
    void aCycleBackwardIsNamedToo() {
        GenealogyTrace trace = new GenealogyQuery(EDGES, TraceDirection.BACKWARD)
                .assemble("A", List.of(link("B", "A", 1), link("A", "B", 2)));

        assertThat(trace.cycles()).containsExactly(link("A", "B", 2));
    }

    @Test
    void aTraceCutBySizeSaysSo() {
        GenealogyQuery query = new GenealogyQuery(EDGES, TraceDirection.FORWARD, 50, 2);

        GenealogyTrace trace = query.assemble("A", List.of(link("A", "B", 1), link("A", "C", 1), link("A", "D", 1)));

        assertThat(trace.links()).hasSize(2);
        assertThat(trace.complete()).isFalse();
    }

    @Test
    void aTraceToTheLimitAndNoFurtherIsComplete() {
        GenealogyQuery query = new GenealogyQuery(EDGES, TraceDirection.FORWARD, 2, 10);

        assertThat(query.assemble("A", List.of(link("A", "B", 1), link("B", "C", 2))).complete()).isTrue();
    }

    @Test
    void theStatementFollowsTheDirection() {
        assertThat(new GenealogyQuery(EDGES, TraceDirection.FORWARD).sql())
                .contains("where e.from_id = ?", "on e.from_id = t.output where", "e.from_kind", " union ", "t.depth <= ?")
                .doesNotContain("union all");
        assertThat(new GenealogyQuery(EDGES, TraceDirection.BACKWARD).sql())
                .contains("where e.to_id = ?", "on e.to_id = t.input where");
    }

    @Test
    void aTableWithoutNodeKindsGivesNone() {
        assertThat(new GenealogyQuery(new EdgeTable("edge", "a", null, "b", null, "k"), TraceDirection.FORWARD).sql())
                .contains("select e.a, null::text, e.b, null::text, e.k, 1");
    }

    @Test
    void onlyPlainIdentifiersBecomeSql() {
        assertThatThrownBy(() -> new EdgeTable("edge; drop table x", "a", null, "b", null, "c"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static Link link(String from, String to, int depth) {
        return new Link(from, "LOT", to, "LOT", "CONSUMED_INTO", depth);
    }
}
