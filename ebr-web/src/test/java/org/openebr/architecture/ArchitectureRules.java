package org.openebr.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.lang.ArchRule;

/**
 * The package rules of OpenEBR's style guide, as executable rules. {@link ArchitectureTest} applies
 * them to the real code; {@code ArchitectureRulesTest} proves each one catches a violation.
 */
final class ArchitectureRules {

    private ArchitectureRules() {
    }

    /** Entities are plain domain objects: no container, REST or UI types in them. */
    static final ArchRule ENTITIES_ARE_FREE_OF_FRAMEWORKS = noClasses()
            .that().resideInAPackage("org.openebr..entity..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "jakarta.enterprise..", "jakarta.ejb..", "jakarta.ws.rs..", "jakarta.faces..",
                    "jakarta.inject..", "org.primefaces..")
            .as("entities do not use CDI, EJB, JAX-RS or Faces")
            .allowEmptyShould(true);

    /** Machine data is the only place that talks OPC UA. */
    static final ArchRule ONLY_MDE_USES_MILO = noClasses()
            .that().resideOutsideOfPackage("org.openebr.mde..")
            .should().dependOnClassesThat().resideInAPackage("org.eclipse.milo..")
            .as("only the mde component imports Eclipse Milo");

    /**
     * Cryptography lives in three places only: trust (the system's keys and internal PKI, shared by
     * audit checkpoints and electronic signatures), the signature component and the audit checkpoint
     * signer.
     */
    static final ArchRule ONLY_SIGNATURE_AND_AUDIT_USE_BOUNCY_CASTLE = noClasses()
            .that().resideOutsideOfPackages("org.openebr.trust..", "org.openebr.signature..", "org.openebr.audit..")
            .should().dependOnClassesThat().resideInAPackage("org.bouncycastle..")
            .as("only trust, signature (and the audit checkpoint signer) import BouncyCastle");

    /** Components may use each other, but never in a circle. */
    static final ArchRule NO_CYCLES_BETWEEN_COMPONENTS = slices()
            .matching("org.openebr.(*)..")
            .should().beFreeOfCycles()
            .as("no cycles between components")
            .allowEmptyShould(true);

    /** The web tier never touches persistence and never sees an entity. */
    static final ArchRule WEB_TIER_HAS_NO_PERSISTENCE = noClasses()
            .that().resideInAnyPackage("org.openebr.ui..", "org.openebr.api..")
            .should().dependOnClassesThat().resideInAnyPackage("jakarta.persistence..", "org.openebr..entity..")
            .as("views and resources use neither the EntityManager nor entities");

    /** Boundaries, controls and views are named for what they do: no *Impl. */
    static final ArchRule NO_IMPL_CLASSES = noClasses()
            .should().haveSimpleNameEndingWith("Impl")
            .as("no *Impl classes");

    /** Only the web tier may depend on JAX-RS or Faces; the domain never knows how it is shown. */
    static final ArchRule DOMAIN_DOES_NOT_KNOW_THE_WEB_TIER = noClasses()
            .that().resideInAnyPackage("org.openebr..boundary..", "org.openebr..control..", "org.openebr..entity..")
            .should().dependOnClassesThat().resideInAnyPackage("jakarta.ws.rs..", "jakarta.faces..",
                    "org.primefaces..", "org.openebr.ui..", "org.openebr.api..")
            .as("the domain does not depend on JAX-RS, Faces or the web packages");

    /** Views and resources live where the style guide puts them. */
    static final ArchRule WEB_CLASSES_LIVE_IN_UI_OR_API = classes()
            .that().haveSimpleNameEndingWith("View").or().haveSimpleNameEndingWith("Resource")
            .should().resideInAnyPackage("org.openebr.ui..", "org.openebr.api..")
            .as("*View and *Resource classes live in org.openebr.ui / org.openebr.api")
            .allowEmptyShould(true);

    static final ArchRule[] ALL = {
            ENTITIES_ARE_FREE_OF_FRAMEWORKS, ONLY_MDE_USES_MILO, ONLY_SIGNATURE_AND_AUDIT_USE_BOUNCY_CASTLE,
            NO_CYCLES_BETWEEN_COMPONENTS, WEB_TIER_HAS_NO_PERSISTENCE, NO_IMPL_CLASSES,
            DOMAIN_DOES_NOT_KNOW_THE_WEB_TIER, WEB_CLASSES_LIVE_IN_UI_OR_API};
}
