package org.openebr.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** OpenEBR's production code (ebr-ejb and ebr-web) follows the package rules of the style guide. */
class ArchitectureTest {

    private static JavaClasses production;

    @BeforeAll
    static void importProductionClasses() {
        production = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages("org.openebr");
    }

    @Test
    void both_modules_are_checked() {
        // ebr-ejb comes as a directory in the reactor and as a jar outside it; both count.
        JavaClasses all = new ClassFileImporter().importPackages("org.openebr");
        assertThat(all.contain("org.openebr.platform.boundary.SystemHealth")).isTrue();
        assertThat(all.contain("org.openebr.api.ApiApplication")).isTrue();
    }

    @Test
    void production_code_follows_every_package_rule() {
        JavaClasses all = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.openebr");
        for (ArchRule rule : ArchitectureRules.ALL) {
            rule.check(all);
        }
        assertThat(production).isNotNull();
    }
}
