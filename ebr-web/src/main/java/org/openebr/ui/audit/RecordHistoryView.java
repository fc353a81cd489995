package org.openebr.ui.audit;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.openebr.audit.boundary.AuditTrail;
import org.openebr.audit.boundary.FieldChange;
import org.openebr.audit.boundary.RecordVersion;
import org.openebr.ui.Commands;
import org.openebr.ui.Messages;

/**
 * One record's full value history: every version with who, when, in which role and why, the
 * fields each revision changed marked and their value before shown beside the new one.
 */
@Named("recordHistory")
@ViewScoped
public class RecordHistoryView implements Serializable {

    private static final long serialVersionUID = 1L;

    /**
     * One field of one version as the page shows it.
     *
     * @param changed whether this revision changed it (for the first version: every field it has a value for)
     * @param was     its value before this revision, when it changed and had one
     * @param words   a document's change in words (the recipe comparison), else empty
     */
    public record ValueRow(String field, String value, boolean changed, String was, List<String> words)
            implements Serializable {
    }

    @Inject
    AuditTrail trail;

    @Inject
    Commands commands;

    private String type;
    private String id;
    private String name;
    private List<RecordVersion> versions = List.of();

    /** Called as the view's action after the parameters are set. */
    public void load() {
        if (type == null || id == null) {
            Messages.error("Choose a record from the audit trail.", null);
            return;
        }
        commands.attempt("read the history of " + type + " " + id + " (record history screen)")
                .run(() -> {
                    versions = trail.history(type, id);
                    name = trail.recordName(type, id);
                });
    }

    public List<ValueRow> rows(RecordVersion version, boolean first) {
        List<ValueRow> rows = new ArrayList<>(version.values().size());
        for (Map.Entry<String, String> value : version.values().entrySet()) {
            FieldChange change = version.changes().stream().filter(c -> c.field().equals(value.getKey()))
                    .findFirst().orElse(null);
            // the first version sets its fields; only later ones are marked as changes
            boolean changed = change != null && !first;
            rows.add(new ValueRow(value.getKey().replace('_', ' '), shown(value.getValue()), changed,
                    changed ? shown(change.oldValue()) : null,
                    change == null ? List.of() : change.readable()));
        }
        return rows;
    }

    /** How many fields the revision changed, for the version's heading. */
    public int changedCount(RecordVersion version, boolean first) {
        return first ? (int) version.values().values().stream().filter(Objects::nonNull).count()
                : (int) rows(version, false).stream().filter(ValueRow::changed).count();
    }

    /** "RecipeVersion DEMOPROFEN-10-2ML version 3 (…)", or the kind and id when there is no name. */
    public String getLabel() {
        return type + " " + (name != null ? name : id);
    }

    private static String shown(String value) {
        return value == null ? "(none)" : value.isEmpty() ? "(empty)" : value;
    }

    public List<RecordVersion> getVersions() { return versions; }
    public String getName() { return name; }
    public String getType() { return type; }
    public void setType(String v) { type = v; }
    public String getId() { return id; }
    public void setId(String v) { id = v; }
}
