package org.openebr.recipe.boundary;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.openebr.platform.boundary.DomainException;
import org.openebr.platform.control.ChangeContext;
import org.openebr.platform.control.Constraints;
import org.openebr.recipe.control.FormulaScaling;
import org.openebr.recipe.control.Problem;
import org.openebr.recipe.control.RecipeDiff;
import org.openebr.recipe.control.RecipeStore;
import org.openebr.recipe.control.RecipeValidator;
import org.openebr.recipe.control.VersionFacts;
import org.openebr.recipe.entity.RecipeStatus;
import org.openebr.recipe.entity.RecipeVersion;
import org.openebr.signature.boundary.Meaning;
import org.openebr.signature.boundary.Signatures;

/**
 * Master recipes (ISA-88; 21 CFR 211.186): import and author drafts, keep every version, compare
 * versions, and move a version through its lifecycle. Authors, approvers, QA and inspectors read
 * every version; operators and supervisors work from the effective version only (21 CFR
 * 211.100(a)), and any other version is refused to them ({@link RecipeRefused.Reason#EFFECTIVE_ONLY}). Submission for review and approval are
 * electronic signatures (record type {@code RECIPE_VERSION}, see {@link RecipeVersionRecordType}):
 * the author's (PERFORMED) and an independent approver's (APPROVED); then an approver sets the date
 * from which the version is effective. Only an effective version can be executed.
 */
@Stateless
@RolesAllowed({"RECIPE_AUTHOR", "RECIPE_APPROVER", "QA_REVIEWER", "QA_RELEASER", "INSPECTOR", "SUPERVISOR", "OPERATOR"})
public class Recipes {

    /** The record type under which recipe versions are signed. */
    public static final String RECORD_TYPE = "RECIPE_VERSION";

    /**
     * What is known about one version, without its document.
     *
     * @param id the version's record id in the audit trail (entity type RecipeVersion)
     */
    public record VersionSummary(String recipeId, int version, String recordId, String product, String status,
                                 String contentHash, int draftRevision, List<String> authors, Integer basedOn,
                                 String changeReason, Instant createdAt, String createdBy, String statusReason,
                                 Instant statusChangedAt, String statusChangedBy, Instant effectiveFrom,
                                 Instant effectiveUntil, String id) {
    }

    /** A recipe: the product of its newest version, which version is effective (if any), and every version. */
    public record RecipeSummary(String recipeId, String product, Integer effectiveVersion, List<VersionSummary> versions) {
    }

    /** The one version a batch may be made from, with the hash the batch keeps (21 CFR 211.188(a)). */
    public record ExecutableRecipe(String recipeId, int version, String contentHash, RecipeDocument document) {
    }

    static final String IMPORTED = "Imported from a JSON recipe document";

    /**
     * The roles that read every version: they write, approve, review or inspect versions. Everyone
     * else who reads recipes (operators, supervisors) follows the effective version only.
     */
    static final List<String> EVERY_VERSION_READERS = List.of("RECIPE_AUTHOR", "RECIPE_APPROVER", "QA_REVIEWER",
            "QA_RELEASER", "INSPECTOR");

    private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger(Recipes.class.getName());

    private static final Duration PAST_TOLERANCE = Duration.ofMinutes(1);

    @Inject
    RecipeStore store;

    @Inject
    Signatures signatures;

    @Inject
    ChangeContext change;

    @Inject
    Clock clock;

    @Resource
    SessionContext session;

    // --- reading -----------------------------------------------------------------------------------

    /**
     * Every recipe with the versions the caller reads: all of them, or for operators and supervisors
     * the effective one (recipes without one are left out).
     */
    public List<RecipeSummary> list() {
        boolean everyVersion = readsEveryVersion();
        return store.recipeIds().stream().map(id -> summary(id, everyVersion))
                .filter(recipe -> !recipe.versions().isEmpty()).toList();
    }

    /** A recipe with the versions the caller reads (see {@link #list()}), newest last. */
    public RecipeSummary recipe(String recipeId) {
        boolean everyVersion = readsEveryVersion();
        RecipeSummary summary = summary(recipeId, true);
        if (summary.versions().isEmpty()) {
            throw new RecipeRefused(RecipeRefused.Reason.NOT_FOUND, "There is no recipe " + recipeId + ".");
        }
        if (everyVersion) {
            return summary;
        }
        if (summary.effectiveVersion() == null) {
            throw new RecipeRefused(RecipeRefused.Reason.EFFECTIVE_ONLY, "Recipe " + recipeId + " has no effective"
                    + " version yet; operators and supervisors work from effective versions only.");
        }
        return effectiveOnly(summary);
    }

    /**
     * Whether the caller reads every version of a recipe; false for operators and supervisors, who
     * follow the effective version only.
     */
    public boolean readsEveryVersion() {
        return EVERY_VERSION_READERS.stream().anyMatch(session::isCallerInRole);
    }

    /** One version; operators, supervisors and the ERP interface (verifying its approval to plan it) the effective one only. */
    @RolesAllowed({"RECIPE_AUTHOR", "RECIPE_APPROVER", "QA_REVIEWER", "QA_RELEASER", "INSPECTOR", "SUPERVISOR", "OPERATOR",
            "ERP_INTERFACE"})
    public VersionSummary version(String recipeId, int version) {
        return summary(readable(store.existing(recipeId, version)));
    }

    /** The version's document exactly as stored: the export, in the import schema. */
    public RecipeDocument document(String recipeId, int version) {
        return RecipeJson.read(readable(store.existing(recipeId, version)).document());
    }

    /** The version's document as JSON text (the export file). */
    public String export(String recipeId, int version) {
        return readable(store.existing(recipeId, version)).document();
    }

    /** What changed from one version to another, element by element. */
    public RecipeComparison diff(String recipeId, int from, int to) {
        RecipeVersion a = readable(store.existing(recipeId, from));
        RecipeVersion b = readable(store.existing(recipeId, to));
        return RecipeDiff.compare(RecipeJson.read(a.document()), a.contentHash(), RecipeJson.read(b.document()),
                b.contentHash());
    }

    /** Every problem of a document, without saving anything (the designer's check). */
    public List<DomainException.Violation> check(RecipeDocument document) {
        return violations(new RecipeValidator().validate(document));
    }

    /**
     * The formula and material charges of a version scaled to an actual batch size (the control
     * recipe's bill of materials), with each quantity's tolerance band.
     */
    @RolesAllowed({"RECIPE_AUTHOR", "RECIPE_APPROVER", "QA_REVIEWER", "QA_RELEASER", "INSPECTOR", "SUPERVISOR", "OPERATOR",
            "ERP_INTERFACE"})
    public ScaledFormula scaled(String recipeId, int version, BigDecimal batchSize, String unit) {
        try {
            return FormulaScaling.scale(document(recipeId, version), batchSize, unit);
        } catch (IllegalArgumentException e) {
            throw new RecipeRefused(RecipeRefused.Reason.INCOMPLETE, e.getMessage());
        }
    }

    /**
     * The effective version of a recipe, the only one a batch may be made from (21 CFR 211.186,
     * 11.10(f)). Its stored content is checked against its hash before it is handed out.
     */
    @RolesAllowed({"RECIPE_AUTHOR", "RECIPE_APPROVER", "QA_REVIEWER", "QA_RELEASER", "INSPECTOR", "SUPERVISOR", "OPERATOR",
            "ERP_INTERFACE"})
    public ExecutableRecipe forExecution(String recipeId) {
        RecipeVersion effective = store.effective(recipeId).orElseThrow(() -> new RecipeRefused(
                RecipeRefused.Reason.NOT_EFFECTIVE, "Recipe " + recipeId + " has no effective version; a batch can only"
                        + " be made from an approved, effective master recipe."));
        return executable(effective);
    }

    /** As {@link #forExecution(String)}, for a named version: refused unless that version is the effective one. */
    @RolesAllowed({"RECIPE_AUTHOR", "RECIPE_APPROVER", "QA_REVIEWER", "QA_RELEASER", "INSPECTOR", "SUPERVISOR", "OPERATOR",
            "ERP_INTERFACE"})
    public ExecutableRecipe forExecution(String recipeId, int version) {
        RecipeVersion named = store.existing(recipeId, version);
        if (named.status() != RecipeStatus.EFFECTIVE) {
            throw new RecipeRefused(RecipeRefused.Reason.NOT_EFFECTIVE, "Version " + version + " of recipe " + recipeId
                    + " is " + named.status() + "; a batch can only be made from the effective version"
                    + store.effective(recipeId).map(v -> " (version " + v.number() + ").").orElse(", and there is none."));
        }
        return executable(named);
    }

    /**
     * The recipe whose effective version makes a material (the ERP's material number of the finished
     * product, the recipe's {@code material}); empty when no effective recipe makes it. Two effective
     * recipes for one material are refused: the ERP's order would be ambiguous.
     */
    @RolesAllowed({"RECIPE_AUTHOR", "RECIPE_APPROVER", "QA_REVIEWER", "QA_RELEASER", "INSPECTOR", "SUPERVISOR", "OPERATOR",
            "ERP_INTERFACE"})
    public java.util.Optional<String> recipeMaking(String material) {
        List<String> making = new java.util.ArrayList<>();
        for (String recipeId : store.recipeIds()) {
            store.effective(recipeId).ifPresent(v -> {
                if (material.equals(RecipeJson.read(v.document()).material())) {
                    making.add(recipeId);
                }
            });
        }
        if (making.size() > 1) {
            throw new RecipeRefused(RecipeRefused.Reason.NOT_EFFECTIVE, "Material " + material + " is made by more than"
                    + " one effective recipe (" + String.join(", ", making) + "); name the recipe version in the order.");
        }
        return making.stream().findFirst();
    }

    // --- authoring (RECIPE_AUTHOR) -----------------------------------------------------------------

    /**
     * A recipe version from a JSON document (a new recipe, or the next version of an existing one):
     * validated completely first; stored as a draft. The server assigns the version number.
     *
     * @param reason why this version exists (change control); when absent, "imported" is recorded
     */
    @RolesAllowed("RECIPE_AUTHOR")
    public VersionSummary importDraft(RecipeDocument document, String reason) {
        String why = requireReason(reason == null || reason.isBlank() ? IMPORTED : reason);
        if (document == null) {
            throw new RecipeRefused(RecipeRefused.Reason.INVALID, "The request carries no recipe document.");
        }
        int number = document.recipeId() == null ? 1 : store.nextNumber(document.recipeId());
        RecipeDocument numbered = numbered(document, number);
        List<Problem> clash = number > 1 ? List.of() : store.recipeIdDifferingInCase(document.recipeId()).stream()
                .map(existing -> new Problem("$.recipeId", "recipe id '" + document.recipeId() + "' differs only in"
                        + " case from the existing recipe '" + existing + "'; import it as '" + existing
                        + "' to make a new version of that recipe, or choose another id"))
                .toList();
        String hash = validated(numbered, clash);
        change.record("Import recipe " + numbered.recipeId() + " as version " + number, why).actingAs("RECIPE_AUTHOR");
        return create(numbered, hash, null, why);
    }

    /**
     * Version 1 of a new recipe, as {@link #importDraft} but refused when the id is taken: a new
     * recipe never becomes, unnoticed, the next version of an existing one.
     */
    @RolesAllowed("RECIPE_AUTHOR")
    public VersionSummary createRecipe(RecipeDocument document, String reason) {
        if (document != null && document.recipeId() != null && store.nextNumber(document.recipeId()) > 1) {
            throw invalid(List.of(new Problem("$.recipeId", "recipe '" + document.recipeId() + "' exists already;"
                    + " make a new version of it on its page, or choose another id for a new recipe")));
        }
        return importDraft(document, reason);
    }

    /** A new draft version with the content of an existing version, to be changed (change control). */
    @RolesAllowed("RECIPE_AUTHOR")
    public VersionSummary newVersion(String recipeId, int basedOn, String reason) {
        String why = requireReason(reason);
        RecipeVersion source = store.existing(recipeId, basedOn);
        int number = store.nextNumber(recipeId);
        RecipeDocument copy = numbered(RecipeJson.read(source.document()), number);
        change.record("New version " + number + " of recipe " + recipeId + " from version " + basedOn, why)
                .actingAs("RECIPE_AUTHOR");
        return create(copy, RecipeJson.contentHash(copy), basedOn, why);
    }

    /**
     * A new content of a draft. Refused for any version that is no longer a draft (its content is
     * frozen from submission on), and when someone else saved the draft since {@code draftRevision}.
     */
    @RolesAllowed("RECIPE_AUTHOR")
    public VersionSummary saveDraft(String recipeId, int version, int draftRevision, RecipeDocument document, String reason) {
        String why = requireReason(reason);
        RecipeVersion draft = store.existing(recipeId, version);
        if (!draft.status().editable()) {
            throw new RecipeRefused(RecipeRefused.Reason.STATE, "Version " + version + " of recipe " + recipeId + " is "
                    + draft.status() + ": its content can no longer be changed. Make a new version from it instead.");
        }
        if (draft.draftRevision() != draftRevision) {
            throw new RecipeRefused(RecipeRefused.Reason.CONFLICT, "Version " + version + " of recipe " + recipeId
                    + " was saved by someone else meanwhile (revision " + draft.draftRevision() + ", yours was "
                    + draftRevision + "). Reload it and make your change again.");
        }
        if (document == null) {
            throw new RecipeRefused(RecipeRefused.Reason.INVALID, "The request carries no recipe document.");
        }
        if (!recipeId.equals(document.recipeId())) {
            throw new RecipeRefused(RecipeRefused.Reason.INVALID, "The document is recipe '" + document.recipeId()
                    + "', not " + recipeId + "; a recipe id never changes.",
                    List.of(new DomainException.Violation("$.recipeId", "must be " + recipeId)));
        }
        RecipeDocument numbered = numbered(document, version);
        String hash = validated(numbered, List.of());
        change.record("Save draft of recipe " + recipeId + " version " + version, why).actingAs("RECIPE_AUTHOR");
        draft.revise(numbered.product(), RecipeJson.write(numbered), hash, caller(), now());
        return flushed(draft);
    }

    // --- lifecycle (RECIPE_APPROVER) ---------------------------------------------------------------

    /** A version in review is not approved: it stays as it is, for the record; the author makes a new version. */
    @RolesAllowed("RECIPE_APPROVER")
    public VersionSummary reject(String recipeId, int version, String reason) {
        String why = requireReason(reason);
        RecipeVersion v = inState(store.existing(recipeId, version), RecipeStatus.IN_REVIEW, "rejected");
        change.record("Reject recipe " + recipeId + " version " + version, why).actingAs("RECIPE_APPROVER");
        v.moveTo(RecipeStatus.REJECTED, why, caller(), now());
        return flushed(v);
    }

    /**
     * An approved version becomes effective from the given time (now when absent; never in the
     * past), superseding the version effective until then. A future date is kept, and the server
     * makes the version effective when the date comes.
     */
    @RolesAllowed("RECIPE_APPROVER")
    public VersionSummary makeEffective(String recipeId, int version, Instant from, String reason) {
        String why = requireReason(reason);
        RecipeVersion v = inState(store.existing(recipeId, version), RecipeStatus.APPROVED, "made effective");
        Instant now = now();
        Instant effectiveFrom = from == null ? now : from.truncatedTo(ChronoUnit.MICROS);
        if (effectiveFrom.isBefore(now.minus(PAST_TOLERANCE))) {
            throw new RecipeRefused(RecipeRefused.Reason.INCOMPLETE, "The effective date " + effectiveFrom
                    + " is in the past; a version becomes effective now or later.");
        }
        Optional<RecipeVersion> current = store.effective(recipeId);
        if (current.isPresent() && current.get().number() > version) {
            throw new RecipeRefused(RecipeRefused.Reason.STATE, "Version " + version + " is older than the effective"
                    + " version " + current.get().number() + "; an older version cannot supersede a newer one.");
        }
        change.record("Make recipe " + recipeId + " version " + version + " effective"
                + (effectiveFrom.isAfter(now) ? " from " + effectiveFrom : ""), why).actingAs("RECIPE_APPROVER");
        v.scheduleEffective(effectiveFrom.isBefore(now) ? now : effectiveFrom);
        if (!effectiveFrom.isAfter(now)) {
            try {
                store.activate(v, why, caller(), now);
            } catch (PersistenceException concurrent) {
                if (!(concurrent instanceof OptimisticLockException) && !Constraints.violated(concurrent, "recipe_version_one_effective")) {
                    throw concurrent;
                }
                throw new RecipeRefused(RecipeRefused.Reason.CONFLICT, "Another version of recipe " + recipeId
                        + " was made effective at the same moment; reload and check which one is effective.");
            }
        }
        return flushed(v);
    }

    /** An approved or effective version is withdrawn from use; no batch can be made from it any more. */
    @RolesAllowed("RECIPE_APPROVER")
    public VersionSummary retire(String recipeId, int version, String reason) {
        String why = requireReason(reason);
        RecipeVersion v = store.existing(recipeId, version);
        if (!v.status().canBecome(RecipeStatus.RETIRED)) {
            throw new RecipeRefused(RecipeRefused.Reason.STATE, "Version " + version + " of recipe " + recipeId + " is "
                    + v.status() + "; only an approved or effective version is retired.");
        }
        change.record("Retire recipe " + recipeId + " version " + version, why).actingAs("RECIPE_APPROVER");
        v.moveTo(RecipeStatus.RETIRED, why, caller(), now());
        return flushed(v);
    }

    // --- inside ------------------------------------------------------------------------------------

    private VersionSummary create(RecipeDocument document, String hash, Integer basedOn, String why) {
        RecipeVersion version = new RecipeVersion(document.recipeId(), document.version(), document.product(),
                RecipeJson.write(document), hash, basedOn, why, caller(), now());
        try {
            store.persist(version);
        } catch (PersistenceException failed) {
            if (Constraints.violated(failed, "recipe_version_number_any_case")) { // the same id in another case, at the same moment
                throw invalid(List.of(new Problem("$.recipeId", "recipe id '" + document.recipeId() + "' differs only"
                        + " in case from a recipe created at the same moment; choose another id")));
            }
            if (!Constraints.violated(failed, "recipe_version_number")) {
                throw failed;
            }
            throw new RecipeRefused(RecipeRefused.Reason.CONFLICT, "Version " + document.version() + " of recipe "
                    + document.recipeId() + " was created by someone else at the same moment; try again.");
        }
        return summary(version);
    }

    private VersionSummary flushed(RecipeVersion version) {
        try {
            store.flush();
        } catch (OptimisticLockException concurrent) {
            throw new RecipeRefused(RecipeRefused.Reason.CONFLICT, "Version " + version.number() + " of recipe "
                    + version.recipeId() + " was changed by someone else at the same moment; reload and try again.");
        }
        return summary(version);
    }

    /** The content hash of a valid document; every problem at once otherwise. */
    private static String validated(RecipeDocument document, List<Problem> found) {
        List<Problem> problems = new ArrayList<>(found);
        problems.addAll(new RecipeValidator().validate(document));
        if (!problems.isEmpty()) {
            throw invalid(problems);
        }
        try {
            return RecipeJson.contentHash(document);
        } catch (IllegalArgumentException e) {
            throw invalid(List.of(new Problem("$", e.getMessage())));
        }
    }

    private static RecipeRefused invalid(List<Problem> problems) {
        return new RecipeRefused(RecipeRefused.Reason.INVALID, "The recipe has " + problems.size() + " problem"
                + (problems.size() == 1 ? "" : "s") + "; nothing was saved.", violations(problems));
    }

    private static List<DomainException.Violation> violations(List<Problem> problems) {
        return problems.stream().map(p -> new DomainException.Violation(p.location(), p.message())).toList();
    }

    private static RecipeVersion inState(RecipeVersion v, RecipeStatus required, String what) {
        if (v.status() != required) {
            throw new RecipeRefused(RecipeRefused.Reason.STATE, "Version " + v.number() + " of recipe " + v.recipeId()
                    + " is " + v.status() + "; only a version " + required + " can be " + what + ".");
        }
        return v;
    }

    private static String requireReason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw new RecipeRefused(RecipeRefused.Reason.INCOMPLETE, "Say why (reason for the change): it is part of"
                    + " the audit trail.", List.of(new DomainException.Violation("reason", "is required")));
        }
        if (reason.length() > RecipeLimits.REASON) {
            throw new RecipeRefused(RecipeRefused.Reason.INCOMPLETE, "The reason is longer than 1000 characters.",
                    List.of(new DomainException.Violation("reason", "at most 1000 characters")));
        }
        return reason.strip();
    }

    static RecipeDocument numbered(RecipeDocument d, int version) {
        return new RecipeDocument(d.recipeId(), version, d.product(), d.material(), d.nominalBatchSize(),
                d.batchSizeUnit(), d.parameters(), d.formula(), d.unitProcedures());
    }

    private ExecutableRecipe executable(RecipeVersion v) {
        if (!RecipeJson.contentHash(v.document()).equals(v.contentHash())) {
            LOG.severe(() -> "Recipe " + v.recipeId() + " version " + v.number() + ": the stored document does not"
                    + " match its content hash " + v.contentHash() + " (changed behind the application?)");
            throw new RecipeRefused(RecipeRefused.Reason.NOT_EFFECTIVE, "Version " + v.number() + " of recipe "
                    + v.recipeId() + " does not match its content hash: it must not be executed. QA must investigate"
                    + " (the audit trail verification shows what changed).");
        }
        approvalSignatures(v);
        return new ExecutableRecipe(v.recipeId(), v.number(), v.contentHash(), RecipeJson.read(v.document()));
    }

    /**
     * The status alone is a column: before a batch follows the version, its two signatures must
     * still be there and verify (the author's PERFORMED, the independent approver's APPROVED), so
     * that a status set behind the application, or a signature that no longer matches the record,
     * stops execution instead of being trusted.
     */
    private void approvalSignatures(RecipeVersion v) {
        List<Signatures.Manifestation> signed = signatures.ofRecord(RECORD_TYPE, v.recordId());
        List<String> missing = new ArrayList<>();
        for (Meaning meaning : List.of(Meaning.PERFORMED, Meaning.APPROVED)) {
            if (signed.stream().noneMatch(s -> s.valid() && meaning.name().equals(s.meaning()))) {
                missing.add(meaning == Meaning.PERFORMED ? "its author (PERFORMED)" : "its approver (APPROVED)");
            }
        }
        if (!missing.isEmpty()) {
            LOG.severe(() -> "Recipe " + v.recordId() + " is " + v.status() + " without a valid signature of " + missing);
            throw new RecipeRefused(RecipeRefused.Reason.NOT_EFFECTIVE, "Version " + v.number() + " of recipe "
                    + v.recipeId() + " lacks a valid signature of " + String.join(" and of ", missing)
                    + ": it must not be executed."
                    + " QA must investigate (the signatures and the audit trail of the version show why).");
        }
    }

    /** The version, if the caller may read it: operators and supervisors read the effective one only. */
    private RecipeVersion readable(RecipeVersion v) {
        if (v.status() != RecipeStatus.EFFECTIVE && !readsEveryVersion()) {
            throw new RecipeRefused(RecipeRefused.Reason.EFFECTIVE_ONLY, "Version " + v.number() + " of recipe "
                    + v.recipeId() + " is not the effective version; operators and supervisors work from the effective"
                    + " version only" + store.effective(v.recipeId()).map(e -> " (version " + e.number() + ").")
                    .orElse(", and there is none yet."));
        }
        return v;
    }

    private static RecipeSummary effectiveOnly(RecipeSummary all) {
        List<VersionSummary> effective = all.versions().stream().filter(v -> "EFFECTIVE".equals(v.status())).toList();
        return new RecipeSummary(all.recipeId(), effective.isEmpty() ? all.product() : effective.get(0).product(),
                all.effectiveVersion(), effective);
    }

    private RecipeSummary summary(String recipeId, boolean everyVersion) {
        RecipeSummary all = summary(recipeId);
        return everyVersion ? all : effectiveOnly(all);
    }

    /** Read without the documents: a recipe may have hundreds of versions. */
    private RecipeSummary summary(String recipeId) {
        List<VersionSummary> versions = store.facts(recipeId).stream().map(Recipes::summary).toList();
        Integer effective = versions.stream().filter(v -> "EFFECTIVE".equals(v.status())).map(VersionSummary::version)
                .findFirst().orElse(null);
        String product = versions.isEmpty() ? null : versions.get(versions.size() - 1).product();
        return new RecipeSummary(recipeId, product, effective, versions);
    }

    static VersionSummary summary(RecipeVersion v) {
        return summary(VersionFacts.of(v));
    }

    static VersionSummary summary(VersionFacts v) {
        return new VersionSummary(v.recipeId(), v.number(), v.recordId(), v.product(), v.status().name(),
                v.contentHash(), v.draftRevision(), Arrays.asList(v.authors().split(",")), v.basedOn(),
                v.changeReason(), v.createdAt(), v.createdBy(), v.statusReason(), v.statusChangedAt(),
                v.statusChangedBy(), v.effectiveFrom(), v.effectiveUntil(), v.id().toString());
    }

    /** Microseconds: what PostgreSQL stores, so that what the API answers is what is recorded. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private String caller() {
        return session.getCallerPrincipal().getName();
    }
}
