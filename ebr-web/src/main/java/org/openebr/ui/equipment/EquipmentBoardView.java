package org.openebr.ui.equipment;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.openebr.equipment.boundary.Equipment;
import org.openebr.equipment.boundary.EquipmentViews.EquipmentClassSummary;
import org.openebr.equipment.boundary.EquipmentViews.EquipmentSummary;
import org.openebr.ui.Commands;
import org.openebr.ui.Messages;

/**
 * The equipment board: every unit with its status at a glance (colour and words), what limits its
 * use next (clean-hold, dirty-hold, calibration due) and its qualification; for MAINTENANCE, the
 * registration of a new unit.
 */
@Named("equipmentBoard")
@ViewScoped
public class EquipmentBoardView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    Equipment equipment;

    @Inject
    Commands commands;

    private List<EquipmentSummary> units = List.of();
    private List<EquipmentClassSummary> classes = List.of();
    private String newId;
    private String newClass;
    private String newDescription;
    private String newLocation;
    private Integer newInterval;
    private Long newWearLimit;
    private String newReason;

    @PostConstruct
    void load() {
        commands.attempt("list equipment (equipment board)")
                .notAllowed("Your roles do not allow reading equipment; administrators do no GMP work.")
                .run(() -> {
                    units = equipment.units();
                    classes = equipment.classes();
                });
    }

    /** Registers the unit; on success its page opens. */
    public String register() {
        EquipmentSummary registered = commands.attempt("register equipment (equipment board)")
                .notAllowed("Only maintenance registers equipment.")
                .call(() -> equipment.register(new Equipment.UnitRegistration(newId, newClass, newDescription,
                        newLocation, newInterval, newWearLimit, newReason)));
        if (registered == null) {
            return null;
        }
        Messages.info("Registered " + registered.equipmentId() + "; it is dirty until its first verified cleaning.", null);
        return "/app/equipment-unit.xhtml?faces-redirect=true&id=" + registered.equipmentId();
    }

    public List<EquipmentSummary> getUnits() { return units; }
    public List<EquipmentClassSummary> getClasses() { return classes; }
    public String getNewId() { return newId; }
    public void setNewId(String newId) { this.newId = newId; }
    public String getNewClass() { return newClass; }
    public void setNewClass(String newClass) { this.newClass = newClass; }
    public String getNewDescription() { return newDescription; }
    public void setNewDescription(String newDescription) { this.newDescription = newDescription; }
    public String getNewLocation() { return newLocation; }
    public void setNewLocation(String newLocation) { this.newLocation = newLocation; }
    public Integer getNewInterval() { return newInterval; }
    public void setNewInterval(Integer newInterval) { this.newInterval = newInterval; }
    public Long getNewWearLimit() { return newWearLimit; }
    public void setNewWearLimit(Long newWearLimit) { this.newWearLimit = newWearLimit; }
    public String getNewReason() { return newReason; }
    public void setNewReason(String newReason) { this.newReason = newReason; }
}
