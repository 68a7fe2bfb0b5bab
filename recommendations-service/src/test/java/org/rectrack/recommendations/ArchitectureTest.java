package org.rectrack.recommendations;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import jakarta.persistence.Entity;
import jakarta.ws.rs.Path;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.rectrack.events.outbox.Outbox;

/**
 * The recommendations-service's structure, kept so (STYLE.md: package by feature then role, no package cycles): each package
 * is a slice, the root package ({@code org.rectrack.recommendations}: the report and recommendation entities) one of them.
 */
class ArchitectureTest {

    /** The module's own main classes (its tests left out). */
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.rectrack.recommendations");

    /** Classes a REST request reaches: annotated with {@code @Path}, unlike the REST clients' interfaces. */
    private static final DescribedPredicate<JavaClass> RESOURCES = DescribedPredicate.describe(
            "REST resources (classes annotated with @Path)",
            type -> !type.isInterface() && type.isAnnotatedWith(Path.class));

    @Test
    void noPackageUsesAPackageThatUsesItBack() {
        slices().matching("org.rectrack.(**)")
                .should().beFreeOfCycles()
                .check(CLASSES);
    }

    /** Resources are the thin REST edge: services and entities never call them. */
    @Test
    void onlyTheRestLayerUsesResources() {
        noClasses().that().areNotAnnotatedWith(Path.class)
                .should().dependOnClassesThat(RESOURCES)
                .check(CLASSES);
    }

    /** {@code api} holds the HTTP records and examples; the entities map themselves and never leave as JSON. */
    @Test
    void apiRecordsDoNotUseEntities() {
        noClasses().that().resideInAPackage("..api..")
                .should().dependOnClassesThat().areAnnotatedWith(Entity.class)
                .check(CLASSES);
    }

    /** Events leave only through publishing, in the caller's transaction (the transactional outbox). */
    @Test
    void onlyPublishingWritesTheOutbox() {
        noClasses().that().resideOutsideOfPackage("..publishing..")
                .should().dependOnClassesThat().areAssignableTo(Outbox.class)
                .check(CLASSES);
    }
}
