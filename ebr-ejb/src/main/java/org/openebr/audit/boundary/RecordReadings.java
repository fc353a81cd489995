package org.openebr.audit.boundary;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openebr.batch.boundary.BatchRecordNames;
import org.openebr.identity.boundary.AccountRecordNames;
import org.openebr.recipe.boundary.RecipeRecords;

/**
 * Makes audit entries readable with what the components that own the records know: a record's
 * name instead of its id ("DEMOPROFEN-10-2ML version 3", "qa1 (Quentin Adams)") and a saved recipe
 * document as what changed in the recipe instead of two JSON texts. Names are looked up once per
 * record type for a whole page or export, never once per line. Ids and values stay as they are.
 */
@Dependent
public class RecordReadings {

    /** Ids per IN list; PostgreSQL takes more, but a plan for a huge list is slow to make. */
    private static final int CHUNK = 500;

    @Inject
    RecipeRecords recipes;

    @Inject
    AccountRecordNames accounts;

    @Inject
    BatchRecordNames batches;

    /**
     * The entries with their records named and, when {@code documentsInWords}, large documents'
     * changes in words (the screen and the PDF; the CSV and JSON copies carry the values only).
     */
    public List<AuditEntry> readable(List<AuditEntry> entries, boolean documentsInWords) {
        Map<String, Set<String>> idsByType = new LinkedHashMap<>();
        for (AuditEntry entry : entries) {
            idsByType.computeIfAbsent(entry.entityType(), type -> new LinkedHashSet<>()).add(entry.recordId());
        }
        Map<String, Map<String, String>> names = new HashMap<>();
        idsByType.forEach((type, ids) -> names.put(type, names(type, ids)));
        List<AuditEntry> readable = new ArrayList<>(entries.size());
        for (AuditEntry entry : entries) {
            List<FieldChange> changes = documentsInWords ? inWords(entry.entityType(), entry.changes()) : entry.changes();
            readable.add(entry.readable(names.get(entry.entityType()).get(entry.recordId()), changes));
        }
        return readable;
    }

    /** The record's name, or null when it has none better than its id. */
    public String name(String entityType, String recordId) {
        return names(entityType, Set.of(recordId)).get(recordId);
    }

    /** Each version's changes against the one before, documents in words. */
    public List<RecordVersion> history(String entityType, List<RecordVersion> versions) {
        List<RecordVersion> readable = new ArrayList<>(versions.size());
        RecordVersion before = null;
        for (RecordVersion version : versions) {
            RecordVersion compared = version.against(before);
            readable.add(compared.withChanges(inWords(entityType, compared.changes())));
            before = version;
        }
        return readable;
    }

    private List<FieldChange> inWords(String entityType, List<FieldChange> changes) {
        if (!entityType.equals(RecipeRecords.TYPE)) {
            return changes;
        }
        List<FieldChange> readable = new ArrayList<>(changes.size());
        for (FieldChange change : changes) {
            readable.add(change.field().equals(RecipeRecords.DOCUMENT_FIELD)
                    ? change.withReadable(recipes.documentChange(change.oldValue(), change.newValue()))
                    : change);
        }
        return readable;
    }

    private Map<String, String> names(String entityType, Set<String> ids) {
        Map<String, String> names = new HashMap<>();
        boolean recipe = entityType.equals(RecipeRecords.TYPE);
        boolean batch = BatchRecordNames.TYPES.contains(entityType);
        if (!recipe && !batch && !AccountRecordNames.TYPES.contains(entityType)) {
            return names;
        }
        List<String> all = List.copyOf(ids);
        for (int i = 0; i < all.size(); i += CHUNK) {
            List<String> chunk = all.subList(i, Math.min(all.size(), i + CHUNK));
            names.putAll(recipe ? recipes.names(chunk) : batch ? batches.names(entityType, chunk)
                    : accounts.names(entityType, chunk));
        }
        return names;
    }
}
