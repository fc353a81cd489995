package org.openebr.ui.recipe;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJBAccessException;
import jakarta.ejb.EJBException;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.openebr.identity.boundary.SecurityLog;
import org.openebr.platform.boundary.DomainException;
import org.openebr.recipe.boundary.RecipeDocument;
import org.openebr.recipe.boundary.Recipes;
import org.openebr.recipe.control.RecipeJson;
import org.openebr.ui.Messages;
import org.primefaces.model.file.UploadedFile;

/**
 * Every master recipe with its effective and newest version; for authors, the import of a recipe
 * document (pasted or uploaded) as a new draft version. An import with problems lists every one of
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
    SecurityLog securityLog;

    @Inject
    ExternalContext external;

    private List<Recipes.RecipeSummary> all = List.of();
    private String json;
    private String reason;
    private String uploadReason;
    private transient UploadedFile file;
    private List<RecipeProblem> problems = List.of();

    @PostConstruct
    void load() {
        try {
            all = recipes.list();
        } catch (EJBAccessException denied) {
            securityLog.accessDenied(external.getRemoteUser(), "list recipes (recipes screen)");
            Messages.error("Your roles do not allow reading master recipes.", null);
        }
    }

    /** Imports the pasted document; on success the page of the new draft opens. */
    public String importPasted() {
        if (json == null || json.isBlank()) {
            Messages.error("Paste a recipe document (JSON) first.", null);
            return null;
        }
        return importDocument(json, reason);
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
        String content = new String(file.getContent(), StandardCharsets.UTF_8);
        file = null;
        // keep the text where the author can see and fix it if the server finds problems
        json = content;
        return importDocument(content, uploadReason);
    }

    private String importDocument(String text, String why) {
        problems = List.of();
        RecipeDocument document;
        try {
            document = RecipeJson.read(text);
        } catch (IllegalArgumentException unreadable) {
            problems = List.of(new RecipeProblem("Recipe document", "$", readable(unreadable), null));
            Messages.error("This is not a recipe document; nothing was imported.", null);
            return null;
        }
        try {
            Recipes.VersionSummary created = recipes.importDraft(document, why);
            external.getFlash().setKeepMessages(true);
            Messages.info("Imported recipe " + created.recipeId() + " as version " + created.version() + " (draft).", null);
            json = null;
            reason = null;
            uploadReason = null;
            return "/app/recipe.xhtml?faces-redirect=true&id=" + URLEncoder.encode(created.recipeId(), StandardCharsets.UTF_8)
                    + "&version=" + created.version();
        } catch (DomainException refused) {
            problems = RecipeProblem.of(refused.violations(), document, null);
            Messages.error(refused.getMessage(), problems.isEmpty() ? null : "Every problem is listed below the import.");
        } catch (EJBAccessException denied) {
            securityLog.accessDenied(external.getRemoteUser(), "import a recipe (recipes screen)");
            Messages.error("Your roles do not allow importing recipes; a recipe author imports them.", null);
        } catch (EJBException failed) {
            Messages.error("The recipe could not be imported; nothing was saved. The server log has the details.", null);
        }
        return null;
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

    public List<Recipes.RecipeSummary> getAll() { return all; }
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
