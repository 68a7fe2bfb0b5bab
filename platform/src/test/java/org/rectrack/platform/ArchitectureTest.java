package org.rectrack.platform;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The platform library's structure, kept so: no package uses another that uses it back. */
class ArchitectureTest {

    /** The module's own main classes (its tests left out). */
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.rectrack.platform");

    @Test
    void noPackageUsesAPackageThatUsesItBack() {
        slices().matching("org.rectrack.(**)")
                .should().beFreeOfCycles()
                .check(CLASSES);
    }
}
