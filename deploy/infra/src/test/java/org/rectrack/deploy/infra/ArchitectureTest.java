package org.rectrack.deploy.infra;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The infrastructure module's structure, kept so: no package cycles, and the starters that {@code deploy/local/run}
 * uses (PostgreSQL, Kafka) know nothing of the test support built on them.
 */
class ArchitectureTest {

    /** The module's own main classes (its tests left out). */
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.rectrack.deploy.infra");

    @Test
    void noPackageUsesAPackageThatUsesItBack() {
        slices().matching("org.rectrack.(**)")
                .should().beFreeOfCycles()
                .check(CLASSES);
    }

    @Test
    void startersDoNotUseTestSupport() {
        noClasses().that().resideInAPackage("org.rectrack.deploy.infra")
                .should().dependOnClassesThat().resideInAPackage("org.rectrack.deploy.infra.testing..")
                .check(CLASSES);
    }
}
