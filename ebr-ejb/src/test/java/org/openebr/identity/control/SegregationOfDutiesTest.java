package org.openebr.identity.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openebr.identity.boundary.Role;

class SegregationOfDutiesTest {

    @Test
    @Tag("A11D-11-4")
    void an_administrator_holds_no_gmp_role_and_no_gmp_user_becomes_administrator() {
        assertThat(SegregationOfDuties.conflict(Set.of(Role.ADMIN), Role.OPERATOR, false)).isPresent();
        assertThat(SegregationOfDuties.conflict(Set.of(Role.QA_RELEASER), Role.ADMIN, false))
                .hasValueSatisfying(reason -> assertThat(reason).contains("ADMIN"));
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, names = {"OPERATOR", "SUPERVISOR", "RECIPE_AUTHOR", "RECIPE_APPROVER", "QA_REVIEWER", "QA_RELEASER", "ADMIN"})
    @Tag("A11D-11-4")
    void an_inspector_is_read_only_and_holds_nothing_else(Role other) {
        assertThat(SegregationOfDuties.conflict(Set.of(Role.INSPECTOR), other, false)).isPresent();
        assertThat(SegregationOfDuties.conflict(Set.of(other), Role.INSPECTOR, false)).isPresent();
    }

    @Test
    @Tag("A11D-11-1")
    void technical_roles_only_on_technical_accounts_and_nothing_else_there() {
        assertThat(SegregationOfDuties.conflict(Set.of(), Role.ERP_INTERFACE, false)).isPresent();
        assertThat(SegregationOfDuties.conflict(Set.of(), Role.OPERATOR, true)).isPresent();
        assertThat(SegregationOfDuties.conflict(Set.of(), Role.ERP_INTERFACE, true)).isEmpty();
    }

    @Test
    void gmp_roles_combine_freely() {
        assertThat(SegregationOfDuties.conflict(Set.of(Role.OPERATOR), Role.SUPERVISOR, false)).isEmpty();
        assertThat(SegregationOfDuties.conflict(Set.of(Role.QA_REVIEWER), Role.QA_RELEASER, false)).isEmpty();
    }

    @Test
    @Tag("P11-10g-2")
    void the_performer_never_verifies_their_own_action() {
        assertThat(SegregationOfDuties.mayVerify("operator1", "operator1")).isFalse();
        assertThat(SegregationOfDuties.mayVerify("operator1", "OPERATOR1")).isFalse();
        assertThat(SegregationOfDuties.mayVerify("operator1", "operator2")).isTrue();
        assertThat(SegregationOfDuties.mayVerify(null, "operator2")).isFalse();
    }
}
