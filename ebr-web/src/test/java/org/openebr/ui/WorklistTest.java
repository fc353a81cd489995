package org.openebr.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class WorklistTest {

    @Test
    void a_task_link_stays_inside_the_application() {
        assertThat(new WorkItem("Granulate 2", null, "IN_REVIEW", "In review", "app/recipe.xhtml?id=G-2").url())
                .isEqualTo("app/recipe.xhtml?id=G-2");
        for (String elsewhere : List.of("https://evil.example/", "//evil.example/", "/app/home.xhtml", "javascript:alert(1)")) {
            assertThatThrownBy(() -> new WorkItem("x", null, null, null, elsewhere)).as(elsewhere)
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> new Worklist("k", "t", null, 0, List.of(), "all", elsewhere, "none")).as(elsewhere)
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void a_worklist_knows_when_it_shows_fewer_tasks_than_there_are() {
        WorkItem one = new WorkItem("Granulate 2", null, null, null, "app/recipe.xhtml?id=G-2");

        assertThat(new Worklist("k", "t", null, 3, List.of(one), "All", "app/recipes.xhtml", "none").hasMore()).isTrue();
        assertThat(new Worklist("k", "t", null, 1, List.of(one), null, null, "none").hasMore()).isFalse();
        assertThat(new Worklist("k", "t", null, 0, List.of(), null, null, null).emptyText()).isEmpty();
    }
}
