package org.rectrack.api;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The HTTP contract's structure, kept so: no package cycles, and records that hold data and no behaviour of a
 * service, so that the services and the gateway can all depend on them.
 */
class ArchitectureTest {

    /** The module's own main classes (its tests left out). */
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.rectrack.api");

    @Test
    void noPackageUsesAPackageThatUsesItBack() {
        slices().matching("org.rectrack.(**)")
                .should().beFreeOfCycles()
                .check(CLASSES);
    }

    /** The contract's records know no persistence, REST resources or messaging: entities map themselves to them. */
    @Test
    void contractUsesNoPersistenceRestOrMessaging() {
        noClasses()
                .should().dependOnClassesThat().resideInAnyPackage("jakarta.persistence..", "org.hibernate..",
                    "io.quarkus.hibernate..", "jakarta.ws.rs..", "org.rectrack.events.outbox..",
                    "org.rectrack.events.inbox..", "org.rectrack.events.kafka..")
                .check(CLASSES);
    }
}
