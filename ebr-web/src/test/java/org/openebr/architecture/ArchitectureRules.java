package org.openebr.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.List;
import java.util.Set;

/**
 * The package rules of OpenEBR's style guide, as executable rules, for the code under a root
 * package: {@link #OPENEBR} for the real code ({@link ArchitectureTest}), and the fixtures'
 * root in {@code ArchitectureRulesTest}, which proves that each rule catches its violation.
 *
 * <p>The layers: the web tier ({@code ui}, {@code api}) calls boundaries; a component's boundary
 * calls its controls, controls use entities, entities use nothing above them. A boundary package
 * holds two kinds of class: its services (EJBs and CDI beans: what the web tier and other
 * components call) and the vocabulary of their API (the records, enums, interfaces and exceptions
 * they take and return). Every layer of the component may use that vocabulary (a control
 * validates a {@code RecipeDocument} and throws a {@code RecipeRefused}); only a boundary service
 * is off limits below the boundary. Components meet at their boundaries, except in the shared
 * kernel ({@link #KERNEL}) and the crossings named in {@link #CROSSINGS}.
 *
 * <p>No rule allows an empty match ({@code failOnEmptyShould}, ArchUnit's default): a rule whose
 * classes disappear fails instead of passing silently.
 */
final class ArchitectureRules {

    static final ArchitectureRules OPENEBR = new ArchitectureRules("org.openebr");

    /**
     * Components every other component may use below the boundary. {@code platform}: the server
     * clock, the change context of the audit trail, site settings, constraint names and the root of
     * the refusals. {@code trust}: the installation's keys and internal PKI, a library without
     * users, roles or transactions of its own (so without a boundary), used in process by the audit
     * checkpoints and the signatures.
     */
    static final Set<String> KERNEL = Set.of("platform", "trust");

    /**
     * The one place the layers are crossed by design: Envers names the revision listener on the
     * revision entity, and the listener (audit) reads who acts in which role (identity, platform).
     */
    static final String ENVERS_REVISION_ENTITY = "org.openebr.audit.entity.AuditRevision";
    static final String ENVERS_REVISION_LISTENER = "org.openebr.audit.control.AuditRevisionListener";

    /**
     * Existing uses of another component's controls or entities, each named: the rules catch every
     * new one. Each belongs behind its component's boundary (identity's settings and the signer's
     * account read through an identity boundary service); they are moved when no parallel branch is
     * editing them (see README, "Modules").
     */
    static final List<Crossing> CROSSINGS = List.of(
            new Crossing("org.openebr.audit.control.AuditSelfCheck", "org.openebr.identity.control.IdentitySettings",
                    "the self check reports whether demo accounts are allowed"),
            new Crossing("org.openebr.signature.boundary.", "org.openebr.identity.control.IdentitySettings",
                    "signing credentials follow identity's settings"),
            new Crossing("org.openebr.signature.", "org.openebr.identity.entity.UserAccount",
                    "the signer's account, read as an entity instead of through identity's boundary"),
            new Crossing("org.openebr.signature.", "org.openebr.identity.entity.AccountStatus",
                    "the signer's account state, read as an entity instead of through identity's boundary"));

    /**
     * Existing uses of controls by the web tier (besides the kernel's), each named, for the same
     * reason as {@link #CROSSINGS}.
     */
    static final List<Crossing> WEB_CROSSINGS = List.of(
            new Crossing("org.openebr.ui.security.", "org.openebr.identity.control.IdentitySettings",
                    "the sign-in and password screens show identity's settings (demo mode, password length)"));

    /** A named use of another component's control or entity: from a class or package prefix, to a class. */
    record Crossing(String from, String to, String why) {
        boolean allows(Dependency dependency) {
            String origin = dependency.getOriginClass().getName();
            String target = dependency.getTargetClass().getBaseComponentType().getName();
            return origin.startsWith(from) && (target.equals(to) || target.startsWith(to + "$"));
        }
    }

    private final String root;

    /** Entities are plain domain objects: no container, REST or UI types in them. */
    final ArchRule entitiesAreFreeOfFrameworks;
    /** Machine data is the only place that talks OPC UA. */
    final ArchRule onlyMdeUsesMilo;
    /** Cryptography lives in trust (keys, PKI), signature and the audit checkpoint signer only. */
    final ArchRule onlyTrustSignatureAndAuditUseBouncyCastle;
    /** Components may use each other, but never in a circle. */
    final ArchRule noCyclesBetweenComponents;
    /** The web tier never touches persistence and never sees an entity. */
    final ArchRule webTierHasNoPersistence;
    /** Boundaries, controls and views are named for what they do: no *Impl. */
    final ArchRule noImplClasses;
    /** Only the web tier may depend on JAX-RS or Faces; the domain never knows how it is shown. */
    final ArchRule domainDoesNotKnowTheWebTier;
    /** Views and resources live where the style guide puts them. */
    final ArchRule webClassesLiveInUiOrApi;
    /** The web tier calls boundaries: no control (except the kernel's) and no entity. */
    final ArchRule webTalksToBoundariesOnly;
    /** Boundary -> control: a control never calls a service of its own component's boundary. */
    final ArchRule controlsDoNotCallTheirBoundary;
    /** Control -> entity: an entity depends on no control, no boundary service and no web class. */
    final ArchRule entitiesDependOnNothingAbove;
    /** Components meet at their boundaries: none uses another's controls or entities. */
    final ArchRule componentsMeetAtTheirBoundaries;

    ArchitectureRules(String root) {
        this.root = root;
        String ui = root + ".ui..";
        String api = root + ".api..";
        entitiesAreFreeOfFrameworks = noClasses()
                .that().resideInAPackage(root + "..entity..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "jakarta.enterprise..", "jakarta.ejb..", "jakarta.ws.rs..", "jakarta.faces..",
                        "jakarta.inject..", "org.primefaces..")
                .as("entities do not use CDI, EJB, JAX-RS or Faces");
        onlyMdeUsesMilo = noClasses()
                .that().resideInAPackage(root + "..").and().resideOutsideOfPackage(root + ".mde..")
                .should().dependOnClassesThat().resideInAPackage("org.eclipse.milo..")
                .as("only the mde component imports Eclipse Milo");
        onlyTrustSignatureAndAuditUseBouncyCastle = noClasses()
                .that().resideInAPackage(root + "..")
                .and().resideOutsideOfPackages(root + ".trust..", root + ".signature..", root + ".audit..")
                .should().dependOnClassesThat().resideInAPackage("org.bouncycastle..")
                .as("only trust, signature (and the audit checkpoint signer) import BouncyCastle");
        noCyclesBetweenComponents = slices()
                .matching(root + ".(*)..")
                .should().beFreeOfCycles()
                .as("no cycles between components");
        webTierHasNoPersistence = noClasses()
                .that().resideInAnyPackage(ui, api)
                .should().dependOnClassesThat().resideInAnyPackage("jakarta.persistence..", root + "..entity..")
                .as("views and resources use neither the EntityManager nor entities");
        noImplClasses = noClasses()
                .that().resideInAPackage(root + "..")
                .should().haveSimpleNameEndingWith("Impl")
                .as("no *Impl classes");
        domainDoesNotKnowTheWebTier = noClasses()
                .that().resideInAnyPackage(root + "..boundary..", root + "..control..", root + "..entity..")
                .should().dependOnClassesThat().resideInAnyPackage("jakarta.ws.rs..", "jakarta.faces..",
                        "org.primefaces..", ui, api)
                .as("the domain does not depend on JAX-RS, Faces or the web packages");
        webClassesLiveInUiOrApi = classes()
                .that().resideInAPackage(root + "..")
                .and().haveSimpleNameEndingWith("View").or().haveSimpleNameEndingWith("Resource")
                .should().resideInAnyPackage(ui, api)
                .as("*View and *Resource classes live in ui / api");
        webTalksToBoundariesOnly = classes()
                .that().resideInAnyPackage(ui, api)
                .should(dependOnlyAllowed("use a control (other than the kernel's) or an entity", dependency -> {
                    Place target = place(dependency.getTargetClass());
                    boolean below = target != null && (target.layer.equals("entity")
                            || target.layer.equals("control") && !target.component.equals("platform"));
                    return !below || WEB_CROSSINGS.stream().anyMatch(c -> c.allows(dependency));
                }))
                .as("the web tier talks to boundaries only (and the platform kernel's controls)");
        controlsDoNotCallTheirBoundary = classes()
                .that().resideInAPackage(root + "..control..")
                .should(dependOnlyAllowed("call a service of its own boundary", dependency -> {
                    Place origin = place(dependency.getOriginClass());
                    Place target = place(dependency.getTargetClass());
                    return target == null || !target.component.equals(origin.component)
                            || !isBoundaryService(dependency.getTargetClass());
                }))
                .as("controls use their boundary's vocabulary (records, enums, exceptions), never its services");
        entitiesDependOnNothingAbove = classes()
                .that().resideInAPackage(root + "..entity..")
                .should(dependOnlyAllowed("depend on a control, a boundary service or the web tier", dependency -> {
                    Place target = place(dependency.getTargetClass());
                    boolean above = target != null && (target.layer.equals("control") || target.layer.equals("web")
                            || isBoundaryService(dependency.getTargetClass()));
                    return !above || dependency.getOriginClass().getName().equals(ENVERS_REVISION_ENTITY)
                            && dependency.getTargetClass().getName().equals(ENVERS_REVISION_LISTENER);
                }))
                .as("entities depend on nothing above them (Envers' revision entity names its listener)");
        componentsMeetAtTheirBoundaries = classes()
                .that().resideInAnyPackage(root + "..boundary..", root + "..control..", root + "..entity..")
                .should(dependOnlyAllowed("use another component's control or entity", dependency -> {
                    Place origin = place(dependency.getOriginClass());
                    Place target = place(dependency.getTargetClass());
                    boolean crossing = target != null && !target.component.equals(origin.component)
                            && !KERNEL.contains(target.component)
                            && (target.layer.equals("control") || target.layer.equals("entity"));
                    return !crossing || dependency.getOriginClass().getName().startsWith(ENVERS_REVISION_LISTENER)
                            || CROSSINGS.stream().anyMatch(c -> c.allows(dependency));
                }))
                .as("components meet at their boundaries: no component uses another's controls or entities"
                        + " (except the kernel, the Envers revision listener and the named crossings)");
    }

    List<ArchRule> all() {
        return List.of(entitiesAreFreeOfFrameworks, onlyMdeUsesMilo, onlyTrustSignatureAndAuditUseBouncyCastle,
                noCyclesBetweenComponents, webTierHasNoPersistence, noImplClasses, domainDoesNotKnowTheWebTier,
                webClassesLiveInUiOrApi, webTalksToBoundariesOnly, controlsDoNotCallTheirBoundary,
                entitiesDependOnNothingAbove, componentsMeetAtTheirBoundaries);
    }

    /** Where a class sits: its component and layer (boundary, control, entity; "web" for ui and api). */
    private record Place(String component, String layer) {
    }

    private Place place(JavaClass type) {
        String name = type.getBaseComponentType().getPackageName();
        if (!name.startsWith(root + ".")) {
            return null;
        }
        String[] parts = name.substring(root.length() + 1).split("\\.");
        if (parts[0].equals("ui") || parts[0].equals("api")) {
            return new Place(parts[0], "web");
        }
        return new Place(parts[0], parts.length > 1 ? parts[1] : "");
    }

    /** A service of a boundary: an EJB or CDI bean there, as opposed to the records and exceptions of its API. */
    private boolean isBoundaryService(JavaClass type) {
        Place place = place(type);
        return place != null && place.layer.equals("boundary")
                && (type.isAnnotatedWith("jakarta.ejb.Stateless") || type.isAnnotatedWith("jakarta.ejb.Stateful")
                || type.isAnnotatedWith("jakarta.ejb.Singleton") || type.isAnnotatedWith("jakarta.ejb.MessageDriven")
                || type.isAnnotatedWith("jakarta.enterprise.context.ApplicationScoped")
                || type.isAnnotatedWith("jakarta.enterprise.context.RequestScoped")
                || type.isAnnotatedWith("jakarta.enterprise.context.Dependent"));
    }

    private interface Allowed {
        boolean test(Dependency dependency);
    }

    private static ArchCondition<JavaClass> dependOnlyAllowed(String forbidden, Allowed allowed) {
        return new ArchCondition<>("not " + forbidden) {
            @Override
            public void check(JavaClass type, ConditionEvents events) {
                for (Dependency dependency : type.getDirectDependenciesFromSelf()) {
                    if (!allowed.test(dependency)) {
                        events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                    }
                }
            }
        };
    }
}
