package org.openebr.ui.identity;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.openebr.identity.boundary.Accounts;
import org.openebr.identity.boundary.Training;
import org.openebr.ui.Commands;
import org.openebr.ui.Messages;

/** Training and qualification records of one user: list, record, void with a reason. */
@Named("trainingRecords")
@ViewScoped
public class TrainingRecordsView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    Training training;

    @Inject
    Accounts accounts;

    @Inject
    Commands commands;

    private List<String> people;
    private String user;
    private List<Training.TrainingEntry> records = List.of();
    private String qualification;
    private String description;
    private LocalDate validFrom;
    private LocalDate validUntil;
    private String voidId;
    private String voidReason;

    @PostConstruct
    void load() {
        people = accounts.list().stream().filter(a -> !a.technical()).map(Accounts.AccountDetails::userName).toList();
    }

    public void show() {
        commands.attempt("read the training records of " + user + " (training screen)")
                .notAllowed("Your roles do not allow reading training records.")
                .run(() -> records = user == null ? List.of() : training.recordsOf(user));
    }

    public void record() {
        commands.attempt("record training for " + user + " (training screen)")
                .notAllowed("Your roles do not allow recording training.")
                .failed("The training could not be recorded; nothing was saved. The server log has the details.")
                .run(() -> {
                    training.record(user, qualification == null ? null : qualification.strip(), description, validFrom, validUntil);
                    Messages.info("Training " + qualification + " recorded for " + user + ".", null);
                    qualification = null;
                    description = null;
                    validFrom = null;
                    validUntil = null;
                });
        show();
    }

    public void voidRecord() {
        UUID id;
        try {
            id = UUID.fromString(voidId == null ? "" : voidId.strip());
        } catch (IllegalArgumentException notAnId) {
            Messages.error("Copy the record id from the table.", null);
            return;
        }
        commands.attempt("void training record " + voidId + " (training screen)")
                .notAllowed("Your roles do not allow voiding training records.")
                .failed("The training record could not be voided; nothing was saved. The server log has the details.")
                .run(() -> {
                    training.voidRecord(user, id, voidReason);
                    Messages.info("Training record voided.", null);
                    voidReason = null;
                });
        show();
    }

    public List<String> getPeople() { return people; }
    public String getUser() { return user; }
    public void setUser(String v) { user = v; }
    public List<Training.TrainingEntry> getRecords() { return records; }
    public String getQualification() { return qualification; }
    public void setQualification(String v) { qualification = v; }
    public String getDescription() { return description; }
    public void setDescription(String v) { description = v; }
    public LocalDate getValidFrom() { return validFrom; }
    public void setValidFrom(LocalDate v) { validFrom = v; }
    public LocalDate getValidUntil() { return validUntil; }
    public void setValidUntil(LocalDate v) { validUntil = v; }
    public String getVoidId() { return voidId; }
    public void setVoidId(String v) { voidId = v; }
    public String getVoidReason() { return voidReason; }
    public void setVoidReason(String v) { voidReason = v; }
}
