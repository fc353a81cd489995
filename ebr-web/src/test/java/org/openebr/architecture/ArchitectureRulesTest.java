package org.openebr.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;
import org.openebr.architecture.fixture.badcomponent.entity.EntityUsingCdi;
import org.openebr.architecture.fixture.badcomponent.boundary.BatchesImpl;
import org.openebr.architecture.fixture.cycle.a.UsesB;
import org.openebr.architecture.fixture.cycle.b.UsesA;

/** Each package rule really catches the violation it is written for (fixtures in src/test). */
class ArchitectureRulesTest {

    @Test
    void an_entity_using_cdi_is_caught() {
        assertViolated(ArchitectureRules.ENTITIES_ARE_FREE_OF_FRAMEWORKS, EntityUsingCdi.class);
    }

    @Test
    void an_impl_class_is_caught() {
        assertViolated(ArchitectureRules.NO_IMPL_CLASSES, BatchesImpl.class);
    }

    @Test
    void a_cycle_between_packages_is_caught() {
        ArchRule cycles = com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices()
                .matching("org.openebr.architecture.fixture.cycle.(*)..").should().beFreeOfCycles();
        assertViolated(cycles, UsesA.class, UsesB.class);
    }

    @Test
    void a_boundary_depending_on_jax_rs_is_caught() {
        assertViolated(ArchitectureRules.DOMAIN_DOES_NOT_KNOW_THE_WEB_TIER, BatchesImpl.class);
    }

    private static void assertViolated(ArchRule rule, Class<?>... fixtures) {
        JavaClasses classes = new ClassFileImporter().importClasses(fixtures);
        assertThat(rule.evaluate(classes).hasViolation()).as(rule.getDescription()).isTrue();
    }
}
