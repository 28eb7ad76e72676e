package io.github.kcpat.personaltokens;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The package order of the README's code map, enforced. Dependencies point one way, downwards:
 * <pre>
 *   account  admin  grant      entry points: nothing imports them
 *        \     |     /
 *           web     lifecycle
 *             \    /
 *              core            config, use cases, liveness, the exchange, events
 *         /    |     \
 *   policy  keycloak  storage
 *     |
 *   secret
 * </pre>
 */
@AnalyzeClasses(packages = "io.github.kcpat.personaltokens", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String ROOT = "io.github.kcpat.personaltokens";
    private static final String[] ENTRY_POINTS = {"account", "admin", "grant"};

    @ArchTest
    static final ArchRule packagesFollowTheLayerOrder = layeredArchitecture()
            .consideringOnlyDependenciesInLayers()
            .layer("secret").definedBy(ROOT + ".secret..")
            .layer("storage").definedBy(ROOT + ".storage..")
            .layer("keycloak").definedBy(ROOT + ".keycloak..")
            .layer("policy").definedBy(ROOT + ".policy..")
            .layer("core").definedBy(ROOT + ".core..")
            .layer("lifecycle").definedBy(ROOT + ".lifecycle..")
            .layer("web").definedBy(ROOT + ".web..")
            .layer("account").definedBy(ROOT + ".account..")
            .layer("admin").definedBy(ROOT + ".admin..")
            .layer("grant").definedBy(ROOT + ".grant..")
            .whereLayer("account").mayNotBeAccessedByAnyLayer()
            .whereLayer("admin").mayNotBeAccessedByAnyLayer()
            .whereLayer("grant").mayNotBeAccessedByAnyLayer()
            .whereLayer("lifecycle").mayNotBeAccessedByAnyLayer()
            .whereLayer("web").mayOnlyBeAccessedByLayers(ENTRY_POINTS)
            .whereLayer("core").mayOnlyBeAccessedByLayers("lifecycle", "web", "account", "admin", "grant")
            .whereLayer("policy").mayOnlyBeAccessedByLayers("core", "lifecycle", "web", "account", "admin", "grant")
            .whereLayer("keycloak").mayOnlyBeAccessedByLayers("core", "lifecycle", "web", "account", "admin", "grant")
            .whereLayer("storage").mayOnlyBeAccessedByLayers("core", "lifecycle", "web", "account", "admin", "grant")
            .whereLayer("secret").mayOnlyBeAccessedByLayers("policy", "core", "lifecycle", "web", "account", "admin", "grant");

    @ArchTest
    static final ArchRule noPackageCycles = slices().matching(ROOT + ".(*)..").should().beFreeOfCycles();

    /** A class outside the named packages would escape the layer rule, so there are none. */
    @ArchTest
    static final ArchRule everyClassIsInALayer = classes().should().resideInAnyPackage(
            ROOT + ".secret..", ROOT + ".storage..", ROOT + ".keycloak..", ROOT + ".policy..", ROOT + ".core..",
            ROOT + ".lifecycle..", ROOT + ".web..", ROOT + ".account..", ROOT + ".admin..", ROOT + ".grant..");

    /** Keycloak's session and token machinery moves between releases; one package holds every use. */
    @ArchTest
    static final ArchRule onlyTheKeycloakPackageDrivesSessionsAndTokens = noClasses()
            .that().resideOutsideOfPackage(ROOT + ".keycloak..")
            .should().dependOnClassesThat().haveFullyQualifiedName("org.keycloak.protocol.oidc.TokenManager")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("org.keycloak.services.managers.UserSessionManager")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("org.keycloak.services.managers.AuthenticationSessionManager")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("org.keycloak.services.util.UserSessionUtil")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("org.keycloak.services.managers.ClientManager");
}
