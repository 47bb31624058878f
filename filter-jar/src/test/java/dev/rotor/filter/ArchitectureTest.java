package dev.rotor.filter;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The verifier's components depend on each other one way only, with the wire protocol at the bottom. */
class ArchitectureTest {

    private static final JavaClasses FILTER = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.rotor.filter");

    @Test
    void theImportSeesTheVerifier() {
        assertTrue(FILTER.size() > 50, "classes imported: " + FILTER.size());
    }

    @Test
    void componentsHaveNoCycles() {
        slices().matching("dev.rotor.filter.(*)..").should().beFreeOfCycles().check(FILTER);
    }

    @Test
    void theProtocolDependsOnNoOtherComponent() {
        noClasses().that().resideInAPackage("dev.rotor.filter.protocol..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.rotor.filter.authentication..",
                        "dev.rotor.filter.verification..", "dev.rotor.filter.revocation..",
                        "dev.rotor.filter.configuration..")
                .check(FILTER);
    }

    @Test
    void onlyTheIntegrationsKnowTheServletAndSecurityApis() {
        noClasses().that().resideOutsideOfPackage("dev.rotor.filter.authentication..")
                .should().dependOnClassesThat().resideInAnyPackage("jakarta.servlet..", "jakarta.security..")
                .check(FILTER);
    }
}
