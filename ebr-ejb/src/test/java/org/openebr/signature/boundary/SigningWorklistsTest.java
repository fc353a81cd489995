package org.openebr.signature.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** Who must be ready to sign: everyone in a role that signs, not inspectors and technical accounts. */
class SigningWorklistsTest {

    @Test
    void every_gmp_role_and_the_administrator_sign_inspectors_and_the_erp_do_not() {
        for (String role : Set.of("OPERATOR", "SUPERVISOR", "RECIPE_AUTHOR", "RECIPE_APPROVER", "QA_REVIEWER",
                "QA_RELEASER", "ADMIN")) {
            assertThat(SigningWorklists.signs(Set.of(role))).as(role).isTrue();
        }
        assertThat(SigningWorklists.signs(Set.of("INSPECTOR"))).isFalse();
        assertThat(SigningWorklists.signs(Set.of("ERP_INTERFACE"))).isFalse();
        assertThat(SigningWorklists.signs(Set.of())).isFalse();
        assertThat(SigningWorklists.signs(Set.of("NO_SUCH_ROLE"))).isFalse();
    }
}
