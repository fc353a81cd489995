package org.openebr.ui.recipe;

import jakarta.annotation.PostConstruct;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.openebr.api.json.InvalidJson;
import org.openebr.api.json.JsonShape;
import org.openebr.api.json.StrictJson;
import org.openebr.recipe.boundary.Operation;
import org.openebr.recipe.boundary.RecipeDocument;
import org.openebr.recipe.boundary.RecipeJson;
import org.openebr.recipe.boundary.Recipes;
import org.openebr.recipe.boundary.SignatureRequirement;
import org.openebr.recipe.boundary.Step;
import org.openebr.recipe.boundary.StepType;
import org.openebr.recipe.boundary.Unit;
import org.openebr.recipe.boundary.UnitProcedure;
import org.openebr.ui.Commands;
import org.openebr.ui.Messages;
import org.primefaces.model.file.UploadedFile;

/**
 * Every master recipe with its effective version (what a recipe opens on for readers) and, for those
 * who read every version, its newest; for authors, a new recipe from its
 * header, and the import of a recipe document (pasted or uploaded) as a new draft version. An import with problems lists every one of
 * them and keeps the pasted text, so that the author can fix it in place.
 */
@Named("recipeList")
@ViewScoped
public class RecipesView implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The same limit as the API's request bodies: the largest master recipe fits with room to spare. */
    static final long MAX_DOCUMENT_BYTES = 1024 * 1024;

    @Inject
    Recipes recipes;

    @Inject
    Commands commands;

    @Inject
    ExternalContext external;

    private List<Recipes.RecipeSummary> all = List.of();
    private boolean everyVersion;
    private String json;
    private String reason;
    private String uploadReason;
    private transient UploadedFile file;
    private List<RecipeProblem> problems = List.of();
    private String newId;
    private String newProduct;
    private String newMaterial;
    private BigDecimal newBatchSize;
    private String newBatchSizeUnit = "L";
    private String newReason;
    private List<RecipeProblem> newProblems = List.of();

    @PostConstruct
    void load() {
        commands.attempt("list recipes (recipes screen)")
                .notAllowed("Your roles do not allow reading master recipes.")
                .run(() -> {
                    all = recipes.list();
                    everyVersion = recipes.readsEveryVersion();
                });
    }

    /** Imports the pasted document; on success the page of the new draft opens. */
    public String importPasted() {
        if (json == null || json.isBlank()) {
            Messages.error("Paste a recipe document (JSON) first.", null);
            return null;
        }
        return importDocument(json.getBytes(StandardCharsets.UTF_8), reason);
    }

    /** Imports the uploaded file, read as UTF-8 JSON. */
    public String importUploaded() {
        if (file == null || file.getSize() == 0) {
            Messages.error("Choose a recipe file (JSON) first.", null);
            return null;
        }
        if (file.getSize() > MAX_DOCUMENT_BYTES) {
            Messages.error("The file is larger than 1 MiB; a recipe document is far smaller.", null);
            return null;
        }
        byte[] content = file.getContent();
        file = null;
        // keep the text where the author can see and fix it if the server finds problems
        json = new String(content, StandardCharsets.UTF_8);
        return importDocument(content, uploadReason);
    }

    /**
     * A new recipe from its header: version 1 as a draft with one unit procedure, operation and
     * instruction step to start from (a stored draft is always a valid document); the designer
     * opens on it. Refused with every problem of the header, named by its field, and nothing stored.
     */
    public String createNew() {
        newProblems = List.of();
        Step first = new Step("step_1", "First step", StepType.INSTRUCTION, List.of(), "Describe the first step", null,
                null, null, null, null, null, new SignatureRequirement(false), List.of(), null);
        RecipeDocument skeleton = new RecipeDocument(blankToNull(newId), 1, blankToNull(newProduct),
                blankToNull(newMaterial), newBatchSize, blankToNull(newBatchSizeUnit), List.of(), List.of(),
                List.of(new UnitProcedure("unit_procedure_1", "First unit procedure", List.of(
                        new Operation("operation_1", "First operation", List.of(first), null)))));
        String why = newReason == null || newReason.isBlank() ? "New master recipe" : newReason;
        Recipes.VersionSummary created = commands.attempt("create a recipe (recipes screen)")
                .notAllowed("Your roles do not allow creating recipes; a recipe author creates them.")
                .failed("The recipe could not be created; nothing was saved. The server log has the details.")
                .refused(refused -> {
                    newProblems = RecipeProblem.of(refused.violations(), skeleton, null);
                    Messages.error(refused.getMessage(), null);
                })
                .call(() -> recipes.createRecipe(skeleton, why));
        if (created == null) {
            return null;
        }
        RecipeDesignerView.tell(external, "Created recipe " + created.recipeId() + " as version " + created.version()
                + " (draft); build its procedure in the designer.");
        return designerOf(created);
    }

    /** Units a batch size is given in: mass, volume or a count. */
    public List<String> getBatchSizeUnits() {
        return Arrays.stream(Unit.values())
                .filter(u -> u.dimension() == Unit.Dimension.MASS || u.dimension() == Unit.Dimension.VOLUME
                        || u.dimension() == Unit.Dimension.COUNT)
                .map(Unit::symbol).toList();
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }

    private String importDocument(byte[] bytes, String why) {
        problems = List.of();
        RecipeDocument document;
        try {
            // the API's rules for a document: strict UTF-8, no duplicate keys, no converted types
            JsonShape.check(StrictJson.read(bytes).value(), RecipeDocument.class);
        } catch (InvalidJson refused) {
            String where = refused.property() == null || refused.property().equals("body") ? "$" : "$." + refused.property();
            String what = refused.problem() == null ? refused.getMessage().replace("The request body", "The document")
                    : refused.problem();
            problems = List.of(new RecipeProblem("Recipe document", where, what, null));
            Messages.error("This is not a recipe document; nothing was imported.", null);
            return null;
        }
        try {
            document = RecipeJson.read(new String(bytes, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException unreadable) {
            problems = List.of(new RecipeProblem("Recipe document", "$", readable(unreadable), null));
            Messages.error("This is not a recipe document; nothing was imported.", null);
            return null;
        }
        Recipes.VersionSummary created = commands.attempt("import a recipe (recipes screen)")
                .notAllowed("Your roles do not allow importing recipes; a recipe author imports them.")
                .failed("The recipe could not be imported; nothing was saved. The server log has the details.")
                .refused(refused -> {
                    problems = RecipeProblem.of(refused.violations(), document, null);
                    Messages.error(refused.getMessage(), problems.isEmpty() ? null : "Every problem is listed below the import.");
                })
                .call(() -> recipes.importDraft(document, why));
        if (created == null) {
            return null;
        }
        RecipeDesignerView.tell(external, "Imported recipe " + created.recipeId() + " as version " + created.version()
                + " (draft).");
        json = null;
        reason = null;
        uploadReason = null;
        return designerOf(created);
    }

    /** The designer page of a version just stored (a redirect, so that a reload does not store it again). */
    private static String designerOf(Recipes.VersionSummary version) {
        return "/app/recipe.xhtml?faces-redirect=true&id=" + URLEncoder.encode(version.recipeId(), StandardCharsets.UTF_8)
                + "&version=" + version.version();
    }

    /** JSON-B's message names the Java type; the author needs the JSON part of it. */
    private static String readable(IllegalArgumentException e) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        return message.replace("not a recipe document: ", "")
                .replace("org.openebr.recipe.boundary.", "");
    }

    /** The newest version of a recipe (versions come oldest first). */
    public Recipes.VersionSummary newest(Recipes.RecipeSummary recipe) {
        List<Recipes.VersionSummary> versions = recipe.versions();
        return versions.isEmpty() ? null : versions.get(versions.size() - 1);
    }

    /** How a status reads on screen: "IN_REVIEW" is "In review". */
    public String statusLabel(String status) {
        return RecipeStatusLabels.label(status);
    }

    /** Whether the caller reads every version; operators and supervisors see effective versions only. */
    public boolean isEveryVersion() { return everyVersion; }
    public List<Recipes.RecipeSummary> getAll() { return all; }
    public List<RecipeProblem> getNewProblems() { return newProblems; }
    public String getNewId() { return newId; }
    public void setNewId(String v) { newId = v; }
    public String getNewProduct() { return newProduct; }
    public void setNewProduct(String v) { newProduct = v; }
    public String getNewMaterial() { return newMaterial; }
    public void setNewMaterial(String v) { newMaterial = v; }
    public BigDecimal getNewBatchSize() { return newBatchSize; }
    public void setNewBatchSize(BigDecimal v) { newBatchSize = v; }
    public String getNewBatchSizeUnit() { return newBatchSizeUnit; }
    public void setNewBatchSizeUnit(String v) { newBatchSizeUnit = v; }
    public String getNewReason() { return newReason; }
    public void setNewReason(String v) { newReason = v; }
    public List<RecipeProblem> getProblems() { return problems; }
    public String getJson() { return json; }
    public void setJson(String v) { json = v; }
    public String getReason() { return reason; }
    public void setReason(String v) { reason = v; }
    public String getUploadReason() { return uploadReason; }
    public void setUploadReason(String v) { uploadReason = v; }
    public UploadedFile getFile() { return file; }
    public void setFile(UploadedFile v) { file = v; }
}
