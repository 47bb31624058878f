package dev.rotor.issuer;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The architecture as rules: the issuer's components depend on each other one way only, the kernel packages know
 * no component, and filter-jar (which ships in every customer's WAR) holds nothing that only the issuer uses.
 */
class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(location -> !location.contains("/test-classes/") && !location.contains("-tests.jar"))
            .importPackages("dev.rotor.issuer", "dev.rotor.filter");

    /** What customers' code uses of filter-jar, beside what the verifier itself uses. */
    private static final Set<String> CUSTOMER_API = Set.of(
            "dev.rotor.filter.authentication.JwtPrincipal",
            "dev.rotor.filter.verification.VerifiedToken");

    @Test
    void theImportSeesBothModules() {
        assertTrue(issuerClasses().size() > 100 && filterClasses().size() > 50,
                "issuer " + issuerClasses().size() + ", filter " + filterClasses().size());
    }

    @Test
    void issuerComponentsHaveNoCycles() {
        slices().matching("dev.rotor.issuer.(*)..").should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void kernelPackagesKnowNoComponent() {
        noClasses().that().resideInAnyPackage("dev.rotor.issuer.availability..", "dev.rotor.issuer.secrets..",
                        "dev.rotor.issuer.configuration..", "dev.rotor.issuer.http..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.rotor.issuer.keys..",
                        "dev.rotor.issuer.users..", "dev.rotor.issuer.sessions..", "dev.rotor.issuer.tokens..",
                        "dev.rotor.issuer.revocation..", "dev.rotor.issuer.cookies..", "dev.rotor.issuer.browser..",
                        "dev.rotor.issuer.admin..", "dev.rotor.issuer.operations..",
                        "dev.rotor.issuer.authentication..", "dev.rotor.issuer.redis..")
                .check(CLASSES);
    }

    @Test
    void boundariesAreNotUsedByControlOrEntityCode() {
        noClasses().that().resideInAnyPackage("..control..", "..entity..")
                .should().dependOnClassesThat().resideInAPackage("..boundary..")
                .check(CLASSES);
    }

    /**
     * A filter-jar class that the issuer uses must also be used by the verifier itself (or be the API customers'
     * code calls); otherwise it is issuer code shipped in every customer's WAR, and belongs in issuer-war.
     */
    @Test
    void filterJarHoldsNoIssuerOnlyClass() {
        Set<String> issuerOnly = new TreeSet<>();
        for (JavaClass used : filterClasses()) {
            boolean usedByIssuer = used.getDirectDependenciesToSelf().stream().anyMatch(ArchitectureTest::fromIssuer);
            boolean usedByFilter = used.getDirectDependenciesToSelf().stream()
                    .anyMatch(dependency -> isFilter(dependency.getOriginClass().getPackageName())
                            && !dependency.getOriginClass().getName().startsWith(used.getName()));
            if (usedByIssuer && !usedByFilter && !CUSTOMER_API.contains(used.getName())) {
                issuerOnly.add(used.getName());
            }
        }
        assertEquals(Set.of(), issuerOnly, "issuer-only classes in filter-jar");
    }

    private static boolean fromIssuer(Dependency dependency) {
        return dependency.getOriginClass().getPackageName().startsWith("dev.rotor.issuer");
    }

    private static boolean isFilter(String packageName) {
        return packageName.startsWith("dev.rotor.filter");
    }

    private static List<JavaClass> issuerClasses() {
        return CLASSES.stream().filter(type -> type.getPackageName().startsWith("dev.rotor.issuer")).toList();
    }

    private static List<JavaClass> filterClasses() {
        return CLASSES.stream().filter(type -> isFilter(type.getPackageName())).toList();
    }
}
