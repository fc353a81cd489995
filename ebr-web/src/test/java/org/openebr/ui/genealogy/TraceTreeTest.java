package org.openebr.ui.genealogy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openebr.genealogy.boundary.GenealogyTrace;
import org.openebr.genealogy.boundary.GenealogyTrace.Link;
import org.openebr.genealogy.boundary.TraceDirection;
import org.primefaces.model.TreeNode;

class TraceTreeTest {

    @Test
    void eachLotsBranchOnceUnderWhereItIsFirstReached() {
        // A split into B and C, both into D, D into E.
        GenealogyTrace trace = new GenealogyTrace("A", TraceDirection.FORWARD, List.of(link("A", "B", 1), link("A", "C", 1),
                link("B", "D", 2), link("C", "D", 2), link("D", "E", 3)), 50, true, List.of());

        TreeNode<TraceTree.Line> root = TraceTree.of(trace, lot -> "lot " + lot);

        TreeNode<TraceTree.Line> a = root.getChildren().get(0);
        assertThat(a.getData().id()).isEqualTo("A");
        assertThat(a.getData().facts()).isEqualTo("lot A");
        assertThat(a.getChildren()).extracting(n -> n.getData().id()).containsExactly("B", "C");
        TreeNode<TraceTree.Line> underB = a.getChildren().get(0).getChildren().get(0);
        TreeNode<TraceTree.Line> underC = a.getChildren().get(1).getChildren().get(0);
        assertThat(underB.getData().id()).isEqualTo("D");
        assertThat(underB.getData().note()).isNull();
        assertThat(underB.getChildren()).extracting(n -> n.getData().id()).containsExactly("E");
        assertThat(underC.getData().id()).isEqualTo("D");
        assertThat(underC.getData().note()).contains("reached again");
        assertThat(underC.getChildren()).isEmpty();
    }

    @Test
    void backwardHangsTheInputsUnderTheLotMadeFromThem() {
        GenealogyTrace trace = new GenealogyTrace("E", TraceDirection.BACKWARD, List.of(link("D", "E", 1), link("B", "D", 2)),
                50, true, List.of());

        TreeNode<TraceTree.Line> e = TraceTree.of(trace, lot -> "").getChildren().get(0);

        assertThat(e.getChildren().get(0).getData().id()).isEqualTo("D");
        assertThat(e.getChildren().get(0).getChildren().get(0).getData().id()).isEqualTo("B");
    }

    @Test
    void aCycleEndsInALeafThatSaysSo() {
        Link back = link("B", "A", 2);
        GenealogyTrace trace = new GenealogyTrace("A", TraceDirection.FORWARD, List.of(link("A", "B", 1), back), 50, true,
                List.of(back));

        TreeNode<TraceTree.Line> b = TraceTree.of(trace, lot -> "").getChildren().get(0).getChildren().get(0);

        assertThat(b.getChildren().get(0).getData().id()).isEqualTo("A");
        assertThat(b.getChildren().get(0).getData().note()).startsWith("cycle");
        assertThat(b.getChildren().get(0).getChildren()).isEmpty();
    }

    private static Link link(String from, String to, int depth) {
        return new Link(from, "LOT", to, "LOT", "CONSUMED_INTO", depth);
    }
}
