package org.openebr.architecture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.Test;
import org.openebr.architecture.fixture.alpha.control.UsesBeta;
import org.openebr.architecture.fixture.badcomponent.boundary.BatchesImpl;
import org.openebr.architecture.fixture.badcomponent.control.StatusView;
import org.openebr.architecture.fixture.badcomponent.control.UsesBouncyCastle;
import org.openebr.architecture.fixture.badcomponent.control.UsesMilo;
import org.openebr.architecture.fixture.badcomponent.entity.EntityUsingCdi;
import org.openebr.architecture.fixture.batch.boundary.BatchRecord;
import org.openebr.architecture.fixture.batch.boundary.BatchRefused;
import org.openebr.architecture.fixture.batch.boundary.Batches;
import org.openebr.architecture.fixture.batch.control.BatchRules;
import org.openebr.architecture.fixture.batch.control.ControlCallingItsBoundary;
import org.openebr.architecture.fixture.batch.entity.Batch;
import org.openebr.architecture.fixture.batch.entity.EntityUsingControl;
import org.openebr.architecture.fixture.beta.control.UsesAlpha;
import org.openebr.architecture.fixture.material.boundary.Materials;
import org.openebr.architecture.fixture.material.boundary.MaterialsReadingBatchEntity;
import org.openebr.architecture.fixture.ui.BatchView;
import org.openebr.architecture.fixture.ui.ViewUsingControl;
import org.openebr.architecture.fixture.ui.ViewUsingEntityManager;

/**
 * Each package rule really catches the violation it is written for, naming the violating class,
 * and lets the allowed shapes through (fixtures under {@code org.openebr.architecture.fixture}).
 */
class ArchitectureRulesTest {

    private static final ArchitectureRules RULES = new ArchitectureRules("org.openebr.architecture.fixture");

    /** A small component world that follows every rule: the violators are added to it one at a time. */
    private static final Class<?>[] ALLOWED = {Batches.class, BatchRecord.class, BatchRefused.class, BatchRules.class,
            Batch.class, Materials.class, BatchView.class};

    @Test
    void the_allowed_shapes_pass_every_rule() {
        JavaClasses allowed = new ClassFileImporter().importClasses(ALLOWED);
        for (ArchRule rule : RULES.all()) {
            assertThat(rule.evaluate(allowed).getFailureReport().getDetails()).as(rule.getDescription()).isEmpty();
        }
    }

    @Test
    void an_entity_using_cdi_is_caught() {
        assertCaught(RULES.entitiesAreFreeOfFrameworks, EntityUsingCdi.class);
    }

    @Test
    void milo_outside_mde_is_caught() {
        assertCaught(RULES.onlyMdeUsesMilo, UsesMilo.class);
    }

    @Test
    void bouncy_castle_outside_trust_signature_and_audit_is_caught() {
        assertCaught(RULES.onlyTrustSignatureAndAuditUseBouncyCastle, UsesBouncyCastle.class);
    }

    @Test
    void a_cycle_between_components_is_caught() {
        assertCaught(RULES.noCyclesBetweenComponents, UsesBeta.class, UsesAlpha.class);
    }

    @Test
    void a_view_with_an_entity_manager_is_caught() {
        assertCaught(RULES.webTierHasNoPersistence, ViewUsingEntityManager.class);
    }

    @Test
    void an_impl_class_is_caught() {
        assertCaught(RULES.noImplClasses, BatchesImpl.class);
    }

    @Test
    void a_boundary_depending_on_jax_rs_is_caught() {
        assertCaught(RULES.domainDoesNotKnowTheWebTier, BatchesImpl.class);
    }

    @Test
    void a_view_outside_the_web_tier_is_caught() {
        assertCaught(RULES.webClassesLiveInUiOrApi, StatusView.class);
    }

    @Test
    void a_view_using_a_control_is_caught() {
        assertCaught(RULES.webTalksToBoundariesOnly, ViewUsingControl.class);
    }

    @Test
    void a_control_calling_its_boundary_is_caught() {
        assertCaught(RULES.controlsDoNotCallTheirBoundary, ControlCallingItsBoundary.class);
    }

    @Test
    void an_entity_using_a_control_is_caught() {
        assertCaught(RULES.entitiesDependOnNothingAbove, EntityUsingControl.class);
    }

    @Test
    void a_component_reading_another_components_entity_is_caught() {
        assertCaught(RULES.componentsMeetAtTheirBoundaries, MaterialsReadingBatchEntity.class);
    }

    @Test
    void every_rule_is_proven_by_a_fixture() {
        long proven = java.util.Arrays.stream(ArchitectureRulesTest.class.getDeclaredMethods())
                .filter(m -> m.getName().endsWith("_is_caught")).count();
        assertThat(proven).isEqualTo(RULES.all().size());
    }

    @Test
    void a_rule_that_matches_no_class_fails_instead_of_passing() {
        JavaClasses noView = new ClassFileImporter().importClasses(Batch.class);
        assertThatThrownBy(() -> RULES.webTalksToBoundariesOnly.evaluate(noView))
                .isInstanceOf(AssertionError.class).hasMessageContaining("failed to check any classes");
    }

    /** The rule passes on the allowed classes and fails once the fixture joins them, naming the fixture. */
    private static void assertCaught(ArchRule rule, Class<?>... violators) {
        Class<?>[] classes = java.util.stream.Stream.concat(java.util.Arrays.stream(ALLOWED), java.util.Arrays.stream(violators))
                .toArray(Class<?>[]::new);
        EvaluationResult result = rule.evaluate(new ClassFileImporter().importClasses(classes));
        assertThat(result.hasViolation()).as(rule.getDescription()).isTrue();
        assertThat(String.join("\n", result.getFailureReport().getDetails())).as(rule.getDescription())
                .contains(violators[0].getSimpleName());
    }
}
