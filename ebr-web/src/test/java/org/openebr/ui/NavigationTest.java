package org.openebr.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openebr.identity.boundary.Role;

class NavigationTest {

    @Test
    void every_signed_in_user_sees_home() {
        for (Role role : Role.values()) {
            if (role.technical()) {
                continue;
            }
            assertThat(labels(Set.of(role))).contains("Home");
        }
    }

    @Test
    void an_operator_does_not_see_the_system_status() {
        assertThat(labels(Set.of(Role.OPERATOR))).containsExactly("Home", "My signature", "Recipes", "Equipment", "Lots",
                "Materials", "Terminal", "Batches");
    }

    @Test
    void everyone_who_may_read_master_recipes_sees_them_and_administrators_do_not() {
        for (Role role : Set.of(Role.RECIPE_AUTHOR, Role.RECIPE_APPROVER, Role.QA_REVIEWER, Role.QA_RELEASER,
                Role.INSPECTOR, Role.SUPERVISOR, Role.OPERATOR)) {
            assertThat(labels(Set.of(role))).as(role.name()).contains("Recipes");
        }
        assertThat(labels(Set.of(Role.ADMIN))).doesNotContain("Recipes");
        assertThat(labels(Set.of(Role.RECIPE_AUTHOR))).containsExactly("Home", "My signature", "Recipes", "Equipment",
                "Materials");
    }

    @Test
    void the_warehouse_qa_and_operators_see_lots_and_materials_and_administrators_do_not() {
        for (Role role : Set.of(Role.WAREHOUSE, Role.QA_REVIEWER, Role.QA_RELEASER, Role.OPERATOR, Role.SUPERVISOR,
                Role.INSPECTOR)) {
            assertThat(labels(Set.of(role))).as(role.name()).contains("Lots", "Materials");
        }
        assertThat(labels(Set.of(Role.ADMIN))).doesNotContain("Lots", "Materials");
    }

    @Test
    void only_administrators_see_user_administration() {
        assertThat(labels(Set.of(Role.ADMIN))).contains("Users");
        assertThat(labels(Set.of(Role.QA_RELEASER))).doesNotContain("Users");
        assertThat(labels(Set.of(Role.INSPECTOR))).doesNotContain("Users");
    }

    @Test
    void qa_inspectors_and_administrators_see_the_system_status() {
        assertThat(labels(Set.of(Role.QA_REVIEWER))).contains("System status");
        assertThat(labels(Set.of(Role.INSPECTOR))).contains("System status");
        assertThat(labels(Set.of(Role.ADMIN))).contains("System status");
    }

    @Test
    void every_gmp_role_qa_and_inspectors_see_equipment_and_administrators_do_not() {
        for (Role role : Navigation.EQUIPMENT_READERS) {
            assertThat(labels(Set.of(role))).as(role.name()).contains("Equipment");
        }
        assertThat(labels(Set.of(Role.MAINTENANCE))).containsExactly("Home", "My signature", "Equipment");
        assertThat(labels(Set.of(Role.ADMIN))).doesNotContain("Equipment");
    }

    @Test
    void operators_and_supervisors_see_the_terminal_and_no_one_else() {
        assertThat(labels(Set.of(Role.SUPERVISOR))).contains("Terminal");
        for (Role role : Role.values()) {
            if (role != Role.OPERATOR && role != Role.SUPERVISOR) {
                assertThat(labels(Set.of(role))).as(role.name()).doesNotContain("Terminal");
            }
        }
    }

    @Test
    void every_entry_points_into_the_protected_area() {
        assertThat(Navigation.ENTRIES).allSatisfy(entry -> assertThat(entry.outcome()).startsWith("/app/"));
    }

    private static List<String> labels(Set<Role> roles) {
        return Navigation.entriesFor(roles::contains).stream().map(Navigation.Entry::label).toList();
    }

    @Test
    void the_roles_that_read_batches_see_them_and_administrators_recipe_authors_and_maintenance_do_not() {
        for (Role role : Set.of(Role.OPERATOR, Role.SUPERVISOR, Role.QA_REVIEWER, Role.QA_RELEASER, Role.INSPECTOR,
                Role.WAREHOUSE)) {
            assertThat(labels(Set.of(role))).as(role.name()).contains("Batches");
        }
        for (Role role : Set.of(Role.ADMIN, Role.RECIPE_AUTHOR, Role.RECIPE_APPROVER, Role.MAINTENANCE)) {
            assertThat(labels(Set.of(role))).as(role.name()).doesNotContain("Batches");
        }
    }

    @Test
    void qa_and_inspectors_see_the_batch_review_and_the_shop_floor_does_not() {
        for (Role role : Set.of(Role.QA_REVIEWER, Role.QA_RELEASER, Role.INSPECTOR)) {
            assertThat(labels(Set.of(role))).as(role.name()).contains("Batch review");
        }
        for (Role role : Set.of(Role.OPERATOR, Role.SUPERVISOR, Role.WAREHOUSE, Role.ADMIN)) {
            assertThat(labels(Set.of(role))).as(role.name()).doesNotContain("Batch review");
        }
    }

    @Test
    void administrators_and_supervisors_see_the_erp_interface_monitor_and_nobody_else() {
        for (Role role : Set.of(Role.ADMIN, Role.SUPERVISOR)) {
            assertThat(labels(Set.of(role))).as(role.name()).contains("ERP interface");
        }
        for (Role role : Set.of(Role.OPERATOR, Role.QA_REVIEWER, Role.QA_RELEASER, Role.INSPECTOR, Role.WAREHOUSE,
                Role.ERP_INTERFACE)) {
            assertThat(labels(Set.of(role))).as(role.name()).doesNotContain("ERP interface");
        }
    }

    @Test
    void administrators_and_supervisors_see_the_equipment_connections_and_nobody_else() {
        for (Role role : Set.of(Role.ADMIN, Role.SUPERVISOR)) {
            assertThat(labels(Set.of(role))).as(role.name()).contains("Equipment connections");
        }
        for (Role role : Set.of(Role.OPERATOR, Role.QA_REVIEWER, Role.QA_RELEASER, Role.INSPECTOR, Role.WAREHOUSE,
                Role.ERP_INTERFACE, Role.MAINTENANCE)) {
            assertThat(labels(Set.of(role))).as(role.name()).doesNotContain("Equipment connections");
        }
    }
}
