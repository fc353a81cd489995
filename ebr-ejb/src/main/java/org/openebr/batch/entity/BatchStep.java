package org.openebr.batch.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.util.UUID;
import org.hibernate.envers.Audited;

/**
 * Where one step of a batch stands: its state, how many entries it has (the revision its signatures
 * are bound to), who recorded, performed and verified its current entry, whether a reviewer must
 * look at it (corrected, entered by hand instead of by machine, late), and the unit it holds.
 */
@Entity
@Audited
@Table(name = "batch_step")
public class BatchStep {

    @Id
    private UUID id;

    @Column(name = "batch_ref", nullable = false, updatable = false)
    private UUID batchRef;

    @Column(name = "step_id", nullable = false, updatable = false)
    private String stepId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private StepState state;

    @Column(nullable = false)
    private int revision;

    @Column(name = "verifier_required", nullable = false, updatable = false)
    private boolean verifierRequired;

    /** The current entry needs a second person although the recipe asks for none (a machine value typed by hand). */
    @Column(name = "second_person", nullable = false)
    private boolean secondPerson;

    @Column(name = "recorded_by")
    private String recordedBy;

    @Column(name = "performed_by")
    private String performedBy;

    @Column(name = "verified_by")
    private String verifiedBy;

    @Column(nullable = false)
    private boolean flagged;

    /** The equipment unit this step took for the batch (IN_USE until the batch is done with it). */
    @Column(name = "occupied_equipment")
    private String occupiedEquipment;

    @Version
    @Column(name = "row_version", nullable = false)
    private long rowVersion;

    protected BatchStep() {
    }

    public BatchStep(UUID batchRef, String stepId, boolean verifierRequired) {
        this.id = UUID.randomUUID();
        this.batchRef = batchRef;
        this.stepId = stepId;
        this.state = StepState.OPEN;
        this.verifierRequired = verifierRequired;
    }

    /** A new entry (or correction) by a person: it waits for their signature; earlier signatures no longer count. */
    public int recorded(String by, boolean flag) {
        return recorded(by, flag, false);
    }

    /** As {@link #recorded(String, boolean)}; {@code secondPerson}: this entry needs a verifier's signature. */
    public int recorded(String by, boolean flag, boolean secondPerson) {
        this.secondPerson = secondPerson;
        this.revision++;
        this.state = StepState.RECORDED;
        this.recordedBy = by;
        this.performedBy = null;
        this.verifiedBy = null;
        this.flagged = this.flagged || flag;
        return revision;
    }

    public void performed(String by) {
        this.performedBy = by;
        this.state = verifierRequired() ? StepState.PERFORMED : StepState.DONE;
    }

    public void verified(String by) {
        this.verifiedBy = by;
        this.state = StepState.DONE;
    }

    public void occupy(String equipmentId) {
        this.occupiedEquipment = equipmentId;
    }

    public UUID id() {
        return id;
    }

    public UUID batchRef() {
        return batchRef;
    }

    public String stepId() {
        return stepId;
    }

    public StepState state() {
        return state;
    }

    public int revision() {
        return revision;
    }

    /** Whether the current entry needs a verifier: the recipe says so, or the entry was a machine value typed by hand. */
    public boolean verifierRequired() {
        return verifierRequired || secondPerson;
    }

    public boolean secondPerson() {
        return secondPerson;
    }

    public String recordedBy() {
        return recordedBy;
    }

    public String performedBy() {
        return performedBy;
    }

    public String verifiedBy() {
        return verifiedBy;
    }

    public boolean flagged() {
        return flagged;
    }

    public String occupiedEquipment() {
        return occupiedEquipment;
    }
}
