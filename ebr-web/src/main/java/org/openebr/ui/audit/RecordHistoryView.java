package org.openebr.ui.audit;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import org.openebr.audit.boundary.AuditTrail;
import org.openebr.audit.boundary.RecordVersion;
import org.openebr.ui.Commands;
import org.openebr.ui.Messages;

/** One record's full value history: every version with who, when, in which role and why. */
@Named("recordHistory")
@ViewScoped
public class RecordHistoryView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    AuditTrail trail;

    @Inject
    Commands commands;

    private String type;
    private String id;
    private List<RecordVersion> versions = List.of();

    /** Called as the view's action after the parameters are set. */
    public void load() {
        if (type == null || id == null) {
            Messages.error("Choose a record from the audit trail.", null);
            return;
        }
        commands.attempt("read the history of " + type + " " + id + " (record history screen)")
                .run(() -> versions = trail.history(type, id));
    }

    public List<Map.Entry<String, String>> values(RecordVersion version) {
        return List.copyOf(version.values().entrySet());
    }

    public List<RecordVersion> getVersions() { return versions; }
    public String getType() { return type; }
    public void setType(String v) { type = v; }
    public String getId() { return id; }
    public void setId(String v) { id = v; }
}
