package org.openebr.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.openebr.validation.EngineReports.EngineTest;
import org.openebr.validation.EngineReports.Reports;
import org.openebr.validation.EngineReports.Tier;
import org.openebr.validation.fixture.FailingClassFixture;
import org.openebr.validation.fixture.TaggedFixture;

/**
 * The requirement ids of the matrix come from the JUnit Platform itself: the fixture classes are run by a real
 * launcher with the Open Test Reporting listener, exactly as Surefire and Failsafe run the project's tests, and the
 * report it writes is read.
 */
@Tag("P11-10a-2")
class EngineReportsTest {

    @TempDir
    static Path reactor;

    private static Reports reports;

    @BeforeAll
    static void run_the_fixtures_on_the_junit_platform() {
        Path out = reactor.resolve("ebr-ejb").resolve(EngineReports.DIR).resolve("failsafe");
        LauncherFactory.create().execute(LauncherDiscoveryRequestBuilder.request()
                .selectors(selectClass(TaggedFixture.class), selectClass(FailingClassFixture.class))
                .configurationParameter("junit.platform.reporting.open.xml.enabled", "true")
                .configurationParameter("junit.platform.reporting.output.dir", out.toString())
                .build());
        reports = EngineReports.read(reactor);
    }

    private static Map<String, EngineTest> byMethod() {
        return reports.tests().stream().collect(Collectors.toMap(EngineTest::method, Function.identity()));
    }

    @Test
    void a_test_carries_its_own_its_class_s_and_its_superclass_s_tags() {
        assertThat(byMethod().get("own_tag").tags()).containsExactlyInAnyOrder("FIX-METHOD-1", "FIX-CLASS-1",
                "FIX-BASE-1");
        assertThat(byMethod().get("own_tag").className()).isEqualTo(TaggedFixture.class.getName());
        assertThat(byMethod().get("own_tag").tier()).isEqualTo(Tier.INTEGRATION);
        assertThat(byMethod().get("own_tag").module()).isEqualTo("ebr-ejb");
        assertThat(byMethod().get("own_tag").result()).isEqualTo(TestResult.PASSED);
    }

    @Test
    void inherited_nested_and_composed_tests_carry_the_tags_jUnit_gives_them() {
        assertThat(byMethod().get("inherited_test").tags()).containsExactlyInAnyOrder("FIX-CLASS-1", "FIX-BASE-1");
        assertThat(byMethod().get("inherited_test").className()).isEqualTo(TaggedFixture.class.getName());
        assertThat(byMethod().get("composed_tag").tags()).contains("FIX-COMPOSED-1", "FIX-CLASS-1");
        assertThat(byMethod().get("nested_tag").tags()).containsExactlyInAnyOrder("FIX-NESTED-1", "FIX-CLASS-1",
                "FIX-BASE-1");
        assertThat(byMethod().get("nested_tag").className()).isEqualTo(TaggedFixture.class.getName() + "$Inner");
    }

    @Test
    void a_parameterised_test_is_one_test_that_fails_when_one_invocation_failed() {
        assertThat(reports.tests().stream().filter(t -> t.method().equals("one_invocation_fails"))).hasSize(1);
        assertThat(byMethod().get("one_invocation_fails").result()).isEqualTo(TestResult.FAILED);
        assertThat(byMethod().get("one_invocation_fails").tags()).contains("FIX-PARAM-1");
    }

    @Test
    void an_aborted_test_counts_as_skipped() {
        assertThat(byMethod().get("aborted").result()).isEqualTo(TestResult.SKIPPED);
    }

    @Test
    void a_class_that_fails_before_its_tests_is_reported_with_its_tags_and_its_tests_never_appear() {
        assertThat(reports.failedContainers()).singleElement().satisfies(c -> {
            assertThat(c.name()).isEqualTo(FailingClassFixture.class.getName());
            assertThat(c.tags()).isEqualTo(Set.of("FIX-DEPLOY-1"));
        });
        assertThat(byMethod()).doesNotContainKey("never_runs");
        assertThat(reports.files()).containsExactly(Path.of("ebr-ejb/target/junit-platform/failsafe/"
                + EngineReports.FILE));
    }
}
