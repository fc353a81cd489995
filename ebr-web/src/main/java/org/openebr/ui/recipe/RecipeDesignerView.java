package org.openebr.ui.recipe;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.ByteArrayInputStream;
import java.io.Serializable;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Supplier;
import org.openebr.platform.boundary.DomainException;
import org.openebr.platform.control.SiteSettings;
import org.openebr.recipe.boundary.EquipmentCheck;
import org.openebr.recipe.boundary.RecipeComparison;
import org.openebr.recipe.boundary.RecipeDocument;
import org.openebr.recipe.boundary.Recipes;
import org.openebr.recipe.boundary.Scaling;
import org.openebr.recipe.boundary.StepType;
import org.openebr.recipe.boundary.Unit;
import org.openebr.signature.boundary.Signatures;
import org.openebr.ui.Command;
import org.openebr.ui.Commands;
import org.openebr.ui.Messages;
import org.openebr.ui.SiteView;
import org.openebr.ui.recipe.RecipeDraft.FormulaItemForm;
import org.openebr.ui.recipe.RecipeDraft.OperationForm;
import org.openebr.ui.recipe.RecipeDraft.ParameterForm;
import org.openebr.ui.recipe.RecipeDraft.StepForm;
import org.openebr.ui.recipe.RecipeDraft.UnitProcedureForm;
import org.openebr.ui.signature.SignatureDialogView;
import org.primefaces.model.DefaultStreamedContent;
import org.primefaces.model.StreamedContent;

/**
 * One version of a master recipe: its header, procedure tree and signatures for everyone who may
 * read recipes; for its author while it is a draft, the designer (a working copy edited in this view,
 * checked and saved as a whole with a reason); and the lifecycle commands each role may give in its
 * state. Every command leaves the working copy alone when the server refuses it, so nothing typed is lost.
 * Without a version in the address it opens the effective version, except for an author, who lands on
 * the newest version (their work); operators and supervisors see nothing but the effective version.
 */
@Named("recipeDesigner")
@ViewScoped
public class RecipeDesignerView implements Serializable {

    private static final long serialVersionUID = 1L;

    private static final int VERSION_ROWS = 5;

    private static final String NOTICE = "org.openebr.ui.recipe.notice";

    @Inject
    Recipes recipes;

    @Inject
    Signatures signatures;

    @Inject
    SignatureDialogView signatureDialog;

    @Inject
    Commands commands;

    @Inject
    SiteSettings site;

    @Inject
    SiteView siteView;

    @Inject
    ExternalContext external;

    // the address (view parameters); set again on every postback, so only read by load()
    private String recipeId;
    private Integer versionParam;

    // as stored
    private Recipes.RecipeSummary recipe;
    /** Newest first, for the paged list of versions. */
    private List<Recipes.VersionSummary> versionsNewestFirst = List.of();
    private boolean everyVersion;
    private Recipes.VersionSummary version;
    private List<Signatures.Manifestation> signed = List.of();
    private UUID seenSignature;
    private RecipeComparison comparison;

    // the working copy, and the stored document converted the same way, to tell whether it was changed
    private RecipeDraft draft;
    private RecipeDocument pristine;
    private Serializable selected;
    private List<RecipeProblem> problems = List.of();
    private boolean checked;
    private String moveTarget;

    private String saveReason;
    private String newVersionReason;
    private String rejectReason;
    private String effectiveReason;
    private LocalDateTime effectiveFrom;
    private String retireReason;

    /** The view action: the version named in the address, else the one the caller works from (see the class). */
    public void load() {
        if (recipeId == null || recipeId.isBlank()) {
            Messages.error("Choose a recipe from the list of recipes.", null);
            return;
        }
        read(versionParam);
        Object notice = external.getFlash().get(NOTICE);
        if (notice != null) {
            Messages.info(notice.toString(), null);
        }
    }

    /**
     * What the page that sent the reader here says happened (e.g. "Imported recipe ... as version 1"),
     * through the flash: shown on this page, where the person now looks.
     */
    static void tell(ExternalContext external, String notice) {
        external.getFlash().put(NOTICE, notice);
    }

    /**
     * Before each rendering: when the signature dialog on this page has just signed this version, the
     * version has moved on (submitted, approved); show it as it is now.
     */
    public void catchUpWithSigning() {
        if (version == null || !signatureDialog.isSigned()) {
            return;
        }
        Signatures.Manifestation signature = signatureDialog.getSignature();
        if (version.recordId().equals(signature.recordId()) && !signature.id().equals(seenSignature)) {
            seenSignature = signature.id();
            read(version.version());
        }
    }

    private void read(Integer number) {
        attempt("read recipe " + recipeId).notAllowed("Your roles do not allow reading master recipes.").run(() -> {
            recipe = recipes.recipe(recipeId);
            everyVersion = recipes.readsEveryVersion();
            List<Recipes.VersionSummary> newestFirst = new ArrayList<>(recipe.versions());
            Collections.reverse(newestFirst);
            versionsNewestFirst = List.copyOf(newestFirst);
            int n = number != null ? number : opening();
            version = recipes.version(recipeId, n);
            workOn(recipes.document(recipeId, n));
            signed = signatures.ofRecord(Recipes.RECORD_TYPE, version.recordId());
            comparison = null;
        });
    }

    /**
     * The version a page without a version number opens: an author's newest (their draft or latest
     * work); for everyone else the effective one, readers' default (the newest if there is none yet).
     */
    private int opening() {
        Recipes.VersionSummary newest = versionsNewestFirst.get(0);
        if (external.isUserInRole("RECIPE_AUTHOR") || recipe.effectiveVersion() == null) {
            return newest.version();
        }
        return recipe.effectiveVersion();
    }

    /** A fresh working copy of the stored document, with the same element selected as before if it is still there. */
    private void workOn(RecipeDocument document) {
        String selectedStep = selected instanceof StepForm step ? step.getId() : null;
        draft = RecipeDraft.of(document);
        pristine = draft.toDocument();
        selected = draft.step(selectedStep).map(Serializable.class::cast)
                .orElse(draft.steps().findFirst().orElse(null));
        problems = List.of();
        checked = false;
    }

    // --- designing (the author, on a draft) --------------------------------------------------------

    public void select(Serializable element) {
        draft.followRenames();
        selected = element;
    }

    /** A problem's place: its step, operation or unit procedure. */
    public void show(RecipeProblem problem) {
        if (draft.contains(problem.element())) {
            select(problem.element());
        }
    }

    public void addUnitProcedure() {
        edit(() -> selected = draft.addUnitProcedure());
    }

    public void addOperation() {
        edit(() -> {
            UnitProcedureForm unit = selectedUnit();
            if (unit != null) {
                selected = draft.addOperation(unit);
            }
        });
    }

    public void addStep() {
        edit(() -> {
            OperationForm operation = selectedOperation();
            if (operation != null) {
                selected = draft.addStep(operation);
            }
        });
    }

    public void removeSelected() {
        edit(() -> {
            Serializable parent = selected instanceof StepForm step ? draft.operationOf(step).orElse(null)
                    : selected instanceof OperationForm operation ? draft.unitOf(operation).orElse(null) : null;
            draft.remove(selected);
            selected = parent;
        });
    }

    /** The selected step, operation or unit procedure one place earlier among its siblings. */
    public void moveUp() {
        edit(() -> draft.move(selected, -1));
    }

    public void moveDown() {
        edit(() -> draft.move(selected, 1));
    }

    public void moveToOperation() {
        edit(() -> {
            if (moveTarget == null) {
                Messages.error("Choose the operation to move the step to.", null);
                return;
            }
            draft.moveTo(getSelectedStep(), moveTarget);
            moveTarget = null;
        });
    }

    public void addParameter() {
        edit(() -> draft.addParameter());
    }

    public void removeParameter(ParameterForm parameter) {
        edit(() -> draft.remove(parameter));
    }

    public void addFormulaItem() {
        edit(() -> draft.addFormulaItem());
    }

    public void removeFormulaItem(FormulaItemForm item) {
        edit(() -> draft.remove(item));
    }

    /** Every problem of the working copy as it is now, without saving it. */
    public void check() {
        draft.followRenames();
        RecipeDocument document = draft.toDocument();
        List<DomainException.Violation> found = attempt("check recipe " + recipeId).call(() -> recipes.check(document));
        if (found == null) {
            return;
        }
        problems = RecipeProblem.of(found, document, draft);
        checked = true;
        if (problems.isEmpty()) {
            Messages.info("No problems found. The draft can be saved.", null);
        } else {
            Messages.error("The recipe has " + problems.size() + " problem" + (problems.size() == 1 ? "" : "s")
                    + "; each is listed below.", null);
        }
    }

    /** Saves the working copy as the draft's new content, against the revision this page loaded. */
    public void save() {
        draft.followRenames();
        RecipeDocument document = draft.toDocument();
        if (document.equals(pristine)) {
            Messages.info("Nothing to save: the working copy is the stored draft.", null);
            return;
        }
        Recipes.VersionSummary saved = attempt("save recipe " + recipeId + " version " + version.version())
                .notAllowed("Only a recipe author saves drafts.")
                .failed("The draft could not be saved; your changes are still here. The server log has the details.")
                .refused(refused -> {
                    problems = RecipeProblem.of(refused.violations(), document, draft);
                    checked = false;
                    Messages.error(refused.getMessage(), problems.isEmpty() ? null
                            : "Your changes are still here; each problem is listed below.");
                })
                .call(() -> recipes.saveDraft(recipeId, version.version(), version.draftRevision(), document, saveReason));
        if (saved == null) {
            return;
        }
        saveReason = null;
        read(saved.version());
        Messages.info("Saved", "Draft revision " + saved.draftRevision() + ", content hash " + saved.contentHash() + ".");
    }

    /** Back to the stored draft: the working copy's changes are dropped. */
    public void discard() {
        read(version.version());
        Messages.info("Your changes were discarded; this is the stored draft (revision " + version.draftRevision() + ").", null);
    }

    private void edit(Runnable change) {
        draft.followRenames();
        change.run();
    }

    // --- lifecycle ---------------------------------------------------------------------------------

    /** A new draft with this version's content; its page opens. */
    public String newVersion() {
        Recipes.VersionSummary created = command("make a new version of recipe " + recipeId,
                "Only a recipe author makes new versions.",
                () -> recipes.newVersion(recipeId, version.version(), newVersionReason));
        if (created == null) {
            return null;
        }
        tell(external, "Version " + created.version() + " is a new draft made from version " + version.version() + ".");
        return "/app/recipe.xhtml?faces-redirect=true&id=" + URLEncoder.encode(recipeId, StandardCharsets.UTF_8)
                + "&version=" + created.version();
    }

    public void reject() {
        Recipes.VersionSummary rejected = command("reject recipe " + recipeId + " version " + version.version(),
                "Only a recipe approver rejects a version.",
                () -> recipes.reject(recipeId, version.version(), rejectReason));
        if (rejected != null) {
            rejectReason = null;
            read(rejected.version());
            toPage("Version " + rejected.version() + " is rejected.");
        }
    }

    public void makeEffective() {
        Instant from = effectiveFrom == null ? null : effectiveFrom.atZone(site.zone()).toInstant();
        Recipes.VersionSummary done = command("make recipe " + recipeId + " version " + version.version() + " effective",
                "Only a recipe approver makes a version effective.",
                () -> recipes.makeEffective(recipeId, version.version(), from, effectiveReason));
        if (done != null) {
            effectiveReason = null;
            effectiveFrom = null;
            read(done.version());
            toPage("EFFECTIVE".equals(done.status()) ? "Version " + done.version() + " is effective."
                    : "Version " + done.version() + " becomes effective " + siteView.display(done.effectiveFrom()) + ".");
        }
    }

    public void retire() {
        Recipes.VersionSummary retired = command("retire recipe " + recipeId + " version " + version.version(),
                "Only a recipe approver retires a version.",
                () -> recipes.retire(recipeId, version.version(), retireReason));
        if (retired != null) {
            retireReason = null;
            read(retired.version());
            toPage("Version " + retired.version() + " is retired; no batch can be made from it.");
        }
    }

    /**
     * A lifecycle command that went through takes its own card away (a rejected version has no
     * "Reject" any more): its message goes to the page's message area, next to the new status.
     */
    private static void toPage(String summary) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, summary, ""));
    }

    /** Runs a lifecycle command; its refusal becomes messages (each violation with its place), and null. */
    private Recipes.VersionSummary command(String what, String notAllowed, Supplier<Recipes.VersionSummary> command) {
        return attempt(what).notAllowed(notAllowed)
                .failed("That could not be done; nothing was changed. The server log has the details.")
                .refused(refused -> {
                    Messages.error(refused.getMessage(), null);
                    refused.violations().forEach(v -> Messages.error(RecipeProblem.place(v.field(), pristine) + ": " + v.message(), null));
                })
                .call(command);
    }

    /** The stored document, exactly as the API exports it. */
    public StreamedContent export() {
        String exported = attempt("export recipe " + recipeId + " version " + version.version())
                .notAllowed("Your roles do not allow reading master recipes.")
                .call(() -> recipes.export(recipeId, version.version()));
        if (exported == null) {
            return null;
        }
        byte[] json = exported.getBytes(StandardCharsets.UTF_8);
        return DefaultStreamedContent.builder().name("recipe-" + recipeId + "-v" + version.version() + ".json")
                .contentType("application/json").contentLength((long) json.length)
                .stream(() -> new ByteArrayInputStream(json)).build();
    }

    private Command attempt(String what) {
        return commands.attempt(what + " (recipe screen)");
    }

    // --- what the page shows -----------------------------------------------------------------------

    public boolean isLoaded() {
        return version != null && draft != null;
    }

    public boolean isDraftVersion() {
        return inState("DRAFT");
    }

    public boolean inState(String status) {
        return version != null && status.equals(version.status());
    }

    /** The designer's inputs: only for a draft and only for an author (the server checks again on save). */
    public boolean isEditable() {
        return isDraftVersion() && external.isUserInRole("RECIPE_AUTHOR");
    }

    /** Whether the working copy differs from the stored draft: then it must be saved before it is signed. */
    public boolean isDirty() {
        return draft != null && !draft.toDocument().equals(pristine);
    }

    /** The caller wrote this version: they may not approve it (the server refuses it too). */
    public boolean isAuthoredByCaller() {
        String caller = external.getRemoteUser();
        return version != null && caller != null && version.authors().stream().anyMatch(caller::equalsIgnoreCase);
    }

    /**
     * What an approver compares this version with: the version it was made from, else the effective
     * one, else the one before it; null for the first version of a recipe.
     */
    public Integer getComparisonBase() {
        if (version == null || !everyVersion) {
            return null;
        }
        if (version.basedOn() != null) {
            return version.basedOn();
        }
        Integer effective = recipe.effectiveVersion();
        if (effective != null && effective != version.version()) {
            return effective;
        }
        return recipe.versions().stream().map(Recipes.VersionSummary::version).filter(n -> n < version.version())
                .reduce((a, b) -> b).orElse(null);
    }

    public RecipeComparison getComparison() {
        Integer base = getComparisonBase();
        if (comparison == null && base != null) {
            comparison = attempt("compare recipe " + recipeId + " version " + version.version() + " with " + base)
                    .notAllowed("Your roles do not allow reading master recipes.")
                    .call(() -> recipes.diff(recipeId, base, version.version()));
        }
        return comparison;
    }

    public String getAuthors() {
        return version == null ? "" : String.join(", ", version.authors());
    }

    /** The step ids "runs after" may name. */
    public String getStepIdList() {
        return draft == null ? "" : String.join(", ", draft.getStepIds());
    }

    public String summaryForSigning() {
        return "recipe " + recipeId + " version " + version.version() + " (content hash " + version.contentHash() + ")";
    }

    public StepForm getSelectedStep() {
        return selected instanceof StepForm step ? step : null;
    }

    public OperationForm getSelectedOperation() {
        return selected instanceof OperationForm operation ? operation : null;
    }

    public UnitProcedureForm getSelectedUnit() {
        return selected instanceof UnitProcedureForm unit ? unit : null;
    }

    /** The operation a new step goes into: the selected one, or the one of the selected step. */
    private OperationForm selectedOperation() {
        StepForm step = getSelectedStep();
        return step != null ? draft.operationOf(step).orElse(null) : getSelectedOperation();
    }

    /** The unit procedure a new operation goes into: the selected one, or the one of the selected operation or step. */
    private UnitProcedureForm selectedUnit() {
        OperationForm operation = selectedOperation();
        return operation != null ? draft.unitOf(operation).orElse(null) : getSelectedUnit();
    }

    public boolean isSelected(Object element) {
        return element != null && element == selected;
    }

    public boolean hasProblem(Object element) {
        return problems.stream().anyMatch(p -> p.element() == element);
    }

    /** Where the selected step is: "unit procedure / operation". */
    public String getSelectedStepPlace() {
        StepForm step = getSelectedStep();
        return step == null ? "" : draft.operationOf(step).map(draft::label).orElse("");
    }

    /** The qualifications of the selected step's operation, which the step requires too; empty when none. */
    public String getSelectedStepOperationQualifications() {
        StepForm step = getSelectedStep();
        String codes = step == null ? null : draft.operationOf(step).map(OperationForm::getQualifications).orElse(null);
        return codes == null ? "" : codes.strip();
    }

    /** All the selected step requires (its operation's and its own), for reading; "none" when nothing. */
    public String getSelectedStepRequirement() {
        StepForm step = getSelectedStep();
        List<String> codes = step == null ? List.of() : draft.requiredQualifications(step);
        return codes.isEmpty() ? "none" : String.join(", ", codes);
    }

    /** Every operation the selected step could move to. */
    public List<OperationForm> getMoveTargets() {
        StepForm step = getSelectedStep();
        OperationForm current = step == null ? null : draft.operationOf(step).orElse(null);
        return draft.operations().filter(o -> o != current).toList();
    }

    public String operationLabel(OperationForm operation) {
        return draft.label(operation);
    }

    /** Newest first, for the paged list of versions. */
    public List<Recipes.VersionSummary> getVersions() {
        return versionsNewestFirst;
    }

    /** Versions per page of the list. */
    public int getVersionRows() {
        return VERSION_ROWS;
    }

    /** The first row of the page that holds the version shown, so the list opens where the reader is. */
    public int getVersionsFirst() {
        for (int i = 0; i < versionsNewestFirst.size(); i++) {
            if (version != null && versionsNewestFirst.get(i).version() == version.version()) {
                return i / VERSION_ROWS * VERSION_ROWS;
            }
        }
        return 0;
    }

    /**
     * Whether the caller reads every version (authors, approvers, QA, inspectors) and so gets the list
     * of versions; operators and supervisors work from the effective version alone.
     */
    public boolean isEveryVersion() {
        return everyVersion;
    }

    /**
     * A version newer than the one shown, for a reader who opened the effective version: the one in
     * review for an approver, else the newest. Null when the newest is shown.
     */
    public Recipes.VersionSummary getNewer() {
        if (!everyVersion || version == null || versionsNewestFirst.isEmpty()
                || versionsNewestFirst.get(0).version() == version.version()) {
            return null;
        }
        if (external.isUserInRole("RECIPE_APPROVER")) {
            Recipes.VersionSummary inReview = versionsNewestFirst.stream().filter(v -> "IN_REVIEW".equals(v.status()))
                    .findFirst().orElse(null);
            if (inReview != null && inReview.version() != version.version()) {
                return inReview;
            }
        }
        return versionsNewestFirst.get(0);
    }

    /** How a status reads on screen: "IN_REVIEW" is "In review". */
    public String statusLabel(String status) {
        return RecipeStatusLabels.label(status);
    }

    /** The first 12 hex digits, enough to tell versions apart on screen; the full hash is the tooltip. */
    public String shortHash(String hash) {
        return hash == null || hash.length() <= 12 ? Objects.toString(hash, "") : hash.substring(0, 12) + "\u2026";
    }

    public List<StepType> getStepTypes() { return Arrays.asList(StepType.values()); }
    public List<EquipmentCheck> getEquipmentCheckValues() { return Arrays.asList(EquipmentCheck.values()); }
    public List<Scaling> getScalings() { return Arrays.asList(Scaling.values()); }
    public List<String> getUnits() { return Arrays.stream(Unit.values()).map(Unit::symbol).toList(); }

    public Recipes.RecipeSummary getRecipe() { return recipe; }
    public Recipes.VersionSummary getVersion() { return version; }
    public List<Signatures.Manifestation> getSignatures() { return signed; }
    public RecipeDraft getDraft() { return draft; }
    /** The stored document (as the working copy converts it), for the header. */
    public RecipeDocument getStored() { return pristine; }
    public Serializable getSelected() { return selected; }
    public List<RecipeProblem> getProblems() { return problems; }
    public boolean isChecked() { return checked; }
    public String getRecipeId() { return recipeId; }
    public void setRecipeId(String v) { recipeId = v; }
    public Integer getVersionParam() { return versionParam; }
    public void setVersionParam(Integer v) { versionParam = v; }
    public String getMoveTarget() { return moveTarget; }
    public void setMoveTarget(String v) { moveTarget = v; }
    public String getSaveReason() { return saveReason; }
    public void setSaveReason(String v) { saveReason = v; }
    public String getNewVersionReason() { return newVersionReason; }
    public void setNewVersionReason(String v) { newVersionReason = v; }
    public String getRejectReason() { return rejectReason; }
    public void setRejectReason(String v) { rejectReason = v; }
    public String getEffectiveReason() { return effectiveReason; }
    public void setEffectiveReason(String v) { effectiveReason = v; }
    public LocalDateTime getEffectiveFrom() { return effectiveFrom; }
    public void setEffectiveFrom(LocalDateTime v) { effectiveFrom = v; }
    public String getRetireReason() { return retireReason; }
    public void setRetireReason(String v) { retireReason = v; }
}
