package org.rectrack.gateway;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import jakarta.ws.rs.Path;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The gateway's structure, kept so (STYLE.md: package by feature then role, no package cycles): each package is a
 * slice. Unlike the services, its {@code api} packages still map read-model entities
 * ({@code evidence.api.EvidenceResponses}, {@code reports.api.ReportResponse.of}), so the rule that api records use
 * no entity is the services' only.
 */
class ArchitectureTest {

    /** The module's own main classes (its tests left out). */
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.rectrack.gateway");

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

    /** The gateway consumes events; it writes none (the services own their aggregates and their outboxes). */
    @Test
    void gatewayWritesNoOutbox() {
        noClasses()
                .should().dependOnClassesThat().resideInAPackage("org.rectrack.events.outbox..")
                .check(CLASSES);
    }
}
