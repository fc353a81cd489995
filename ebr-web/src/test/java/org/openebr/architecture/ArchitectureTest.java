package org.openebr.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** OpenEBR's production code (ebr-ejb and ebr-web) follows every package rule of the style guide. */
class ArchitectureTest {

    private static JavaClasses production;

    /**
     * The production classes of both modules: ebr-web's from its output directory, ebr-ejb's from
     * its output directory in the reactor or its jar outside it (the one jar read: the others hold
     * no OpenEBR class, and scanning them is slow); tests, and with them the rules' fixtures, are not.
     */
    @BeforeAll
    static void importProductionClasses() {
        production = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(location -> !location.isJar() || location.contains("ebr-ejb"))
                .importPackages("org.openebr");
    }

    @Test
    void both_modules_and_no_tests_are_checked() {
        assertThat(production.contain("org.openebr.platform.boundary.SystemHealth")).as("ebr-ejb").isTrue();
        assertThat(production.contain("org.openebr.api.ApiApplication")).as("ebr-web").isTrue();
        assertThat(production.contain(ArchitectureTest.class)).as("tests").isFalse();
        assertThat(production.stream().anyMatch(c -> c.getPackageName().startsWith("org.openebr.architecture")))
                .as("fixtures").isFalse();
    }

    /** One test per rule; each rule fails if it matches no class at all (failOnEmptyShould). */
    @TestFactory
    Stream<DynamicTest> production_code_follows_every_package_rule() {
        return ArchitectureRules.OPENEBR.all().stream()
                .map(rule -> DynamicTest.dynamicTest(rule.getDescription(), () -> rule.check(production)));
    }
}
