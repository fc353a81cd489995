package org.openebr.ui.identity;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.openebr.identity.boundary.SystemSettings;
import org.openebr.signature.boundary.Signatures;
import org.openebr.ui.Commands;
import org.openebr.ui.Messages;

/**
 * System settings under change control: the settings with their values and sources, the changes with where they
 * stand; an administrator proposes a change and signs it, QA approves or rejects it with a signature. A change is
 * chosen with {@code ?change=SC-0001} (or by proposing it) and shown with its signatures and the signing its state and
 * the person's roles allow.
 */
@Named("settingsView")
@ViewScoped
public class SettingsView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    SystemSettings settings;

    @Inject
    Signatures signatures;

    @Inject
    Commands commands;

    private String setting;
    private Integer value;
    private String reason;
    private String change;

    /** Read once per request: a signature made in the dialog moves a change on between two requests. */
    public List<SystemSettings.Setting> getSettings() {
        return perRequest("settings", settings::settings);
    }

    public List<SystemSettings.Change> getChanges() {
        return perRequest("changes", settings::changes);
    }

    @SuppressWarnings("unchecked")
    private static <T> T perRequest(String key, java.util.function.Supplier<T> load) {
        java.util.Map<Object, Object> request = jakarta.faces.context.FacesContext.getCurrentInstance().getAttributes();
        String name = SettingsView.class.getName() + "." + key;
        if (!request.containsKey(name)) {
            request.put(name, load.get());
        }
        return (T) request.get(name);
    }

    private static void forget() {
        java.util.Map<Object, Object> request = jakarta.faces.context.FacesContext.getCurrentInstance().getAttributes();
        request.remove(SettingsView.class.getName() + ".settings");
        request.remove(SettingsView.class.getName() + ".changes");
    }

    /** The change shown below the lists (the one proposed last, or chosen), or null. */
    public SystemSettings.Change getSelected() {
        return change == null ? null : getChanges().stream().filter(c -> c.changeId().equals(change)).findFirst()
                .orElse(null);
    }

    public List<Signatures.Manifestation> getSelectedSignatures() {
        return change == null ? List.of() : signatures.ofRecord(SystemSettings.RECORD_TYPE, change);
    }

    /** Proposes the change the form holds and selects it, to be signed by its administrator. */
    public void propose() {
        SystemSettings.Change proposed = commands.attempt("propose a setting change (system settings screen)")
                .notAllowed("Only an administrator proposes a setting change.")
                .call(() -> settings.propose(setting, value == null ? null : value.toString(), reason));
        if (proposed != null) {
            change = proposed.changeId();
            forget();
            setting = null;
            value = null;
            reason = null;
            Messages.info("Change " + proposed.changeId() + " is proposed. Sign it at the top of the page (\"Sign and"
                    + " submit to QA\"): it takes effect only when QA approves it.", null);
        }
    }

    /** Shows one change (a row's button). */
    public void select(String changeId) {
        change = changeId;
    }

    /** The summary a signer reads in the dialog: what the change does. */
    public String summary(SystemSettings.Change c) {
        return c == null ? "" : "change " + c.changeId() + ": " + c.title() + " from " + c.previousValue() + " to "
                + c.newValue() + " (" + c.reason() + ")";
    }

    /** The state in words. */
    public String stateLabel(SystemSettings.State state) {
        return switch (state) {
            case PROPOSED -> "Proposed: its administrator signs it";
            case AWAITING_APPROVAL -> "Awaiting QA approval";
            case EFFECTIVE -> "Effective";
            case SUPERSEDED -> "Superseded";
            case REJECTED -> "Rejected";
        };
    }

    /** The colour of the state, from the shared status palette. */
    public String stateColour(SystemSettings.State state) {
        return switch (state) {
            case PROPOSED -> "DRAFT";
            case AWAITING_APPROVAL -> "IN_REVIEW";
            default -> state.name();
        };
    }

    public String getSetting() { return setting; }
    public void setSetting(String setting) { this.setting = setting; }
    public Integer getValue() { return value; }
    public void setValue(Integer value) { this.value = value; }
    public String getReason() { return reason; }
    public void setReason(String reason) { this.reason = reason; }
    public String getChange() { return change; }
    public void setChange(String change) { this.change = change; }
}
