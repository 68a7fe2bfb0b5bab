package org.rectrack.events;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The events module's structure, kept so: no package cycles; the event records (one package per producer) are
 * plain data that the plumbing (outbox, inbox, Kafka settings) sends and applies, never the reverse.
 */
class ArchitectureTest {

    /** The module's own main classes (its tests left out). */
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.rectrack.events");

    @Test
    void noPackageUsesAPackageThatUsesItBack() {
        slices().matching("org.rectrack.(**)")
                .should().beFreeOfCycles()
                .check(CLASSES);
    }

    @Test
    void eventRecordsUseNoPlumbing() {
        noClasses()
                .that().resideInAnyPackage("org.rectrack.events.evidence..", "org.rectrack.events.recommendations..")
                .should().dependOnClassesThat().resideInAnyPackage("org.rectrack.events.outbox..",
                    "org.rectrack.events.inbox..", "org.rectrack.events.kafka..", "jakarta.persistence..")
                .check(CLASSES);
    }
}
