package org.openebr.recipe.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.openebr.recipe.control.RecipeDiff;

/**
 * Recipe versions as the audit trail shows them: by name ("DEMOPROFEN-10-2ML version 3") instead of
 * by id, and a saved document as what changed in the recipe, in the words of the version
 * comparison, instead of two copies of its JSON.
 */
@Stateless
@RolesAllowed({"INSPECTOR", "QA_REVIEWER", "QA_RELEASER"})
public class RecipeRecords {

    /** The record type named here, and its document field (a column of the audit table). */
    public static final String TYPE = "RecipeVersion";
    public static final String DOCUMENT_FIELD = "document";

    @PersistenceContext
    EntityManager em;

    /** Each id's name; an id not found is left out. One query for the whole page. */
    public Map<String, String> names(Collection<String> ids) {
        List<UUID> keys = ids.stream().map(RecipeRecords::uuid).filter(Objects::nonNull).distinct().toList();
        Map<String, String> names = new HashMap<>();
        if (keys.isEmpty()) {
            return names;
        }
        for (Object[] row : em.createQuery("select v.id, v.recipeId, v.number, v.product from RecipeVersion v"
                + " where v.id in :ids", Object[].class).setParameter("ids", keys).getResultList()) {
            names.put(row[0].toString(), name((String) row[1], (Integer) row[2], (String) row[3]));
        }
        return names;
    }

    /** The change of a stored document in words; see {@link #describeChange(String, String)}. */
    public List<String> documentChange(String before, String after) {
        return describeChange(before, after);
    }

    /** "DEMOPROFEN-10-2ML version 3 (Demoprofen 10 mg/mL solution for injection)". */
    public static String name(String recipeId, int version, String product) {
        return recipeId + " version " + version + (product == null ? "" : " (" + product + ")");
    }

    /**
     * What changed from one stored document to the next, one sentence per element as the version
     * comparison states it; a new document (no {@code before}) is summed up in one line. Empty when
     * either text is not a recipe document: the caller then shows the values as they are.
     */
    public static List<String> describeChange(String before, String after) {
        RecipeDocument newer;
        RecipeDocument older;
        try {
            newer = after == null ? null : parsed(after);
            older = before == null ? null : parsed(before);
        } catch (IllegalArgumentException notADocument) {
            return List.of();
        }
        if (newer == null) {
            return List.of();
        }
        if (older == null) {
            return List.of(outline(newer));
        }
        List<String> lines = RecipeDiff.compare(older, null, newer, null).changes().stream()
                .map(RecipeChange::summary).toList();
        return lines.isEmpty() ? List.of("No change in the recipe's content.") : lines;
    }

    /**
     * Consecutive saves share a document (the one saved becomes the next one's old value), so the
     * newest parsed documents are kept: reading the JSON is most of the cost of a change in words.
     */
    private static final int PARSED_KEPT = 32;
    private static final Map<String, RecipeDocument> PARSED = Collections.synchronizedMap(
            new LinkedHashMap<>(PARSED_KEPT * 2, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, RecipeDocument> eldest) {
                    return size() > PARSED_KEPT;
                }
            });

    private static RecipeDocument parsed(String json) {
        RecipeDocument document = PARSED.get(json);
        if (document == null) {
            document = RecipeJson.read(json);
            PARSED.put(json, document);
        }
        return document;
    }

    private static String outline(RecipeDocument document) {
        List<UnitProcedure> units = document.unitProcedures() == null ? List.of() : document.unitProcedures();
        int operations = 0;
        int steps = 0;
        for (UnitProcedure unit : units) {
            List<Operation> ops = unit.operations() == null ? List.of() : unit.operations();
            operations += ops.size();
            for (Operation operation : ops) {
                steps += operation.steps() == null ? 0 : operation.steps().size();
            }
        }
        return "Recipe document of " + document.product() + ": " + count(size(document.parameters()), "parameter")
                + ", " + count(size(document.formula()), "formula item") + ", " + count(units.size(), "unit procedure")
                + ", " + count(operations, "operation") + ", " + count(steps, "step");
    }

    private static int size(List<?> list) {
        return list == null ? 0 : list.size();
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    private static UUID uuid(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException notAVersionId) {
            // not an id of a recipe version: it keeps its id as its name
            return null;
        }
    }
}
