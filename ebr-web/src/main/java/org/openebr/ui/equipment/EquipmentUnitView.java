package org.openebr.ui.equipment;

import jakarta.faces.context.ExternalContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.function.Supplier;
import org.openebr.equipment.boundary.Equipment;
import org.openebr.equipment.boundary.EquipmentViews.EquipmentEvent;
import org.openebr.equipment.boundary.EquipmentViews.EquipmentLogbookEntry;
import org.openebr.equipment.boundary.EquipmentViews.EquipmentSummary;
import org.openebr.ui.Commands;
import org.openebr.ui.Messages;
import org.openebr.ui.signature.SignatureDialogView;

/**
 * One unit: its state, its logbook (read-only, oldest first, EU GMP 4.31), and the events of the
 * people who work with it: operators and supervisors record a cleaning and a second person verifies
 * it with the signature dialog; maintenance records calibration, maintenance, qualification and
 * puts a unit back into service; anyone who works with it may take it out of service.
 */
@Named("equipmentUnit")
@ViewScoped
public class EquipmentUnitView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    Equipment equipment;

    @Inject
    Commands commands;

    @Inject
    ExternalContext external;

    @Inject
    SignatureDialogView signatureDialog;

    @Inject
    EquipmentLabels labels;

    private java.util.UUID seenSignature;

    private String id;
    private EquipmentSummary unit;
    private List<EquipmentLogbookEntry> logbook = List.of();
    private EquipmentLogbookEntry pending;
    private String procedure;
    private String cleaningNote;
    private String calibrationResult = "PASS";
    private String certificate;
    private String calibrationReason;
    private String maintenanceDescription;
    private String maintenanceReason;
    private String qualification = "QUALIFIED";
    private String qualificationReference;
    private String qualificationReason;
    private String statusReason;
    private List<String> batchesInQuestion = List.of();

    /** Called by the page's view action with the id from the address. */
    public void load() {
        commands.attempt("open equipment unit (equipment page)")
                .notAllowed("Your roles do not allow reading equipment; administrators do no GMP work.")
                .run(this::reload);
    }

    private void reload() {
        unit = id == null || id.isBlank() ? null : equipment.unit(id);
        logbook = unit == null ? List.of() : equipment.logbook(unit.equipmentId());
        pending = unit == null || unit.pendingCleaning() == null ? null : logbook.stream()
                .filter(e -> e.id().equals(unit.pendingCleaning())).findFirst().orElse(null);
    }

    public void recordCleaning() {
        if (event("record a cleaning (equipment page)", "Operators and supervisors record cleanings.",
                () -> equipment.recordCleaning(id, new Equipment.CleaningRecord(procedure, cleaningNote)))) {
            procedure = null;
            cleaningNote = null;
            Messages.info("Cleaning recorded. A second person verifies it with their signature; until then "
                    + unit.equipmentId() + " stays " + unit.status().toLowerCase().replace('_', ' ') + ".", null);
        }
    }

    public void recordCalibration() {
        EquipmentEvent[] recorded = new EquipmentEvent[1];
        if (event("record a calibration (equipment page)", "Only maintenance records calibrations.", () -> {
            recorded[0] = equipment.recordCalibration(id, new Equipment.CalibrationRecord(calibrationResult, null,
                    certificate, null, calibrationReason));
            return recorded[0];
        })) {
            batchesInQuestion = recorded[0].batchesSinceLastGoodCalibration();
            certificate = null;
            calibrationReason = null;
            Messages.info("PASS".equals(calibrationResult) ? "Calibration recorded; next due "
                    + unit.calibrationDue() + "." : unit.equipmentId() + " is out of service. Batches that used it since"
                    + " its last passed calibration: " + (batchesInQuestion.isEmpty() ? "none" : String.join(", ",
                    batchesInQuestion)) + ".", null);
        }
    }

    public void startMaintenance() {
        maintenance("STARTED");
    }

    public void completeMaintenance() {
        maintenance("COMPLETED");
    }

    private void maintenance(String phase) {
        if (event("record maintenance (equipment page)", "Only maintenance records maintenance.",
                () -> equipment.recordMaintenance(id, new Equipment.MaintenanceRecord(phase, maintenanceDescription,
                        maintenanceReason)))) {
            maintenanceDescription = null;
            maintenanceReason = null;
            Messages.info("Maintenance " + phase.toLowerCase() + ": " + unit.equipmentId() + " is now "
                    + unit.status().toLowerCase().replace('_', ' ') + ".", null);
        }
    }

    public void recordQualification() {
        if (event("record qualification (equipment page)", "Only maintenance records qualification.",
                () -> equipment.recordQualification(id, new Equipment.QualificationRecord(qualification,
                        qualificationReference, qualificationReason)))) {
            qualificationReference = null;
            qualificationReason = null;
            Messages.info("Qualification recorded.", null);
        }
    }

    public void takeOutOfService() {
        status("OUT_OF_SERVICE", "Out of service recorded.");
    }

    public void backIntoService() {
        status("DIRTY", "Back in service; it is dirty until its next verified cleaning.");
    }

    private void status(String status, String done) {
        if (event("record a status event (equipment page)", "Your roles do not allow this status event.",
                () -> equipment.recordStatus(id, new Equipment.StatusEvent(status, statusReason)))) {
            statusReason = null;
            Messages.info(done, null);
        }
    }

    /** Runs the event and shows the unit as it is now, whether it went through or not. */
    private boolean event(String attempted, String notAllowed, Supplier<EquipmentEvent> command) {
        boolean done = commands.attempt(attempted).notAllowed(notAllowed).call(command) != null;
        commands.attempt("open equipment unit (equipment page)").run(this::reload);
        return done;
    }

    /**
     * Before each rendering: when the signature dialog on this page has just verified a cleaning of
     * this unit, the unit is clean now; show it as it is.
     */
    public void catchUpWithSigning() {
        if (unit == null || !signatureDialog.isSigned()) {
            return;
        }
        var signature = signatureDialog.getSignature();
        if (Equipment.CLEANING_RECORD_TYPE.equals(signature.recordType()) && !signature.id().equals(seenSignature)) {
            seenSignature = signature.id();
            commands.attempt("open equipment unit (equipment page)").run(this::reload);
        }
    }

    /** Whether the signed-in person may verify the pending cleaning: not its performer. */
    public boolean mayVerify() {
        return pending != null && !pending.recordedBy().equalsIgnoreCase(external.getRemoteUser())
                && (external.isUserInRole("OPERATOR") || external.isUserInRole("SUPERVISOR"));
    }

    public String verificationSummary() {
        return pending == null ? "" : "Cleaning of " + unit.equipmentId() + " (" + unit.equipmentClass() + ") by "
                + pending.recordedBy() + " at " + labels.time(pending.recordedAt()) + " according to " + pending.procedure();
    }

    public String batchesText() {
        return String.join(", ", batchesInQuestion);
    }

    public String getId() { return id; }
    public void setId(String id) { this.id = id; }
    public EquipmentSummary getUnit() { return unit; }
    public List<EquipmentLogbookEntry> getLogbook() { return logbook; }
    public EquipmentLogbookEntry getPending() { return pending; }
    public List<String> getBatchesInQuestion() { return batchesInQuestion; }
    public String getProcedure() { return procedure; }
    public void setProcedure(String procedure) { this.procedure = procedure; }
    public String getCleaningNote() { return cleaningNote; }
    public void setCleaningNote(String cleaningNote) { this.cleaningNote = cleaningNote; }
    public String getCalibrationResult() { return calibrationResult; }
    public void setCalibrationResult(String calibrationResult) { this.calibrationResult = calibrationResult; }
    public String getCertificate() { return certificate; }
    public void setCertificate(String certificate) { this.certificate = certificate; }
    public String getCalibrationReason() { return calibrationReason; }
    public void setCalibrationReason(String calibrationReason) { this.calibrationReason = calibrationReason; }
    public String getMaintenanceDescription() { return maintenanceDescription; }
    public void setMaintenanceDescription(String maintenanceDescription) { this.maintenanceDescription = maintenanceDescription; }
    public String getMaintenanceReason() { return maintenanceReason; }
    public void setMaintenanceReason(String maintenanceReason) { this.maintenanceReason = maintenanceReason; }
    public String getQualification() { return qualification; }
    public void setQualification(String qualification) { this.qualification = qualification; }
    public String getQualificationReference() { return qualificationReference; }
    public void setQualificationReference(String qualificationReference) { this.qualificationReference = qualificationReference; }
    public String getQualificationReason() { return qualificationReason; }
    public void setQualificationReason(String qualificationReason) { this.qualificationReason = qualificationReason; }
    public String getStatusReason() { return statusReason; }
    public void setStatusReason(String statusReason) { this.statusReason = statusReason; }
}
