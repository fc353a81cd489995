package org.openebr.equipment.boundary;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import org.openebr.equipment.boundary.EquipmentRefused.Reason;
import org.openebr.equipment.control.AdmissionRules;
import org.openebr.equipment.control.EquipmentStore;
import org.openebr.equipment.entity.EquipmentStatus;
import org.openebr.equipment.entity.EquipmentUnit;
import org.openebr.platform.boundary.DomainException.Violation;
import org.openebr.platform.control.ChangeContext;
import org.openebr.recipe.boundary.EquipmentCheck;

/**
 * The equipment gate (EU GMP 5.20; 21 CFR 211.67, 211.68): the one place that decides whether a unit
 * may be used for a batch step, independent of any screen. Dispensing and batch execution call it
 * in their own transaction; a terminal asks {@link #admit} before use. The rules are
 * {@link AdmissionRules}; a refusal is an {@link EquipmentRefused} of its own kind that names the
 * unit and the value.
 */
@Stateless
@RolesAllowed({"OPERATOR", "SUPERVISOR", "RECIPE_AUTHOR", "RECIPE_APPROVER", "QA_REVIEWER", "QA_RELEASER", "WAREHOUSE",
        "MAINTENANCE", "INSPECTOR"})
public class EquipmentGate {

    /** What batch execution needs of a unit it takes: clean, within its clean-hold. */
    private static final Set<EquipmentCheck> TAKING = Set.of(EquipmentCheck.CLEAN, EquipmentCheck.CLEAN_HOLD_TIME);

    @Inject
    EquipmentStore store;

    @Inject
    ChangeContext change;

    @Inject
    Clock clock;

    @Resource
    SessionContext session;

    /** Reads only: the unit if it may be used so, else EquipmentRefused naming the rule and the value. */
    public EquipmentAdmission admit(EquipmentUse use) {
        return admitted(store.unit(equipmentId(use)).orElseThrow(() -> EquipmentStore.unknown(use.equipmentId())), use);
    }

    /**
     * admit + a USE entry in the unit's logbook (usage counter +1), in the caller's transaction. The
     * unit is locked until that transaction ends, so two uses at once are counted one after the other.
     */
    @RolesAllowed({"OPERATOR", "SUPERVISOR", "WAREHOUSE"})
    public EquipmentAdmission use(EquipmentUse use) {
        requireBatch(use.batch());
        EquipmentUnit unit = store.locked(equipmentId(use));
        EquipmentAdmission admission = admitted(unit, use);
        explain("Use equipment " + unit.equipmentId(), "used by batch " + use.batch()
                + (use.step() == null ? "" : ", step " + use.step()));
        store.persist(unit.use(use.batch(), use.step(), caller(), now()));
        store.flush();
        return admission;
    }

    /** A batch takes a clean unit: IN_USE by the batch until it releases it. Taking it again is no change. */
    @RolesAllowed({"OPERATOR", "SUPERVISOR"})
    public EquipmentAdmission occupy(String equipmentId, String batch) {
        requireBatch(batch);
        EquipmentUnit unit = store.locked(equipmentId(new EquipmentUse(equipmentId, null, null, batch, null)));
        EquipmentAdmission admission = admitted(unit, new EquipmentUse(equipmentId, null, TAKING, batch, null));
        if (unit.status() == EquipmentStatus.IN_USE) {
            return admission; // this batch has it already (another batch was refused above)
        }
        explain("Take equipment " + unit.equipmentId(), "taken by batch " + batch);
        store.persist(unit.occupy(batch, caller(), now()));
        store.flush();
        return admission(unit);
    }

    /** The batch is done with the unit: DIRTY, its dirty-hold time runs from now. */
    @RolesAllowed({"OPERATOR", "SUPERVISOR"})
    public EquipmentAdmission release(String equipmentId, String batch) {
        requireBatch(batch);
        EquipmentUnit unit = store.locked(equipmentId(new EquipmentUse(equipmentId, null, null, batch, null)));
        if (unit.status() != EquipmentStatus.IN_USE || !unit.statusBatch().equals(batch)) {
            throw new EquipmentRefused(Reason.STATE, unit.equipmentId() + " is " + unit.status()
                    + (unit.statusBatch() == null ? "" : " by batch " + unit.statusBatch()) + ", not in use by batch "
                    + batch + "; only the batch that has it releases it.");
        }
        explain("Release equipment " + unit.equipmentId(), "released by batch " + batch);
        store.persist(unit.release(caller(), now()));
        store.flush();
        return admission(unit);
    }

    private EquipmentAdmission admitted(EquipmentUnit unit, EquipmentUse use) {
        AdmissionRules.refusal(unit, use, now()).ifPresent(refused -> {
            throw refused;
        });
        return admission(unit);
    }

    private static EquipmentAdmission admission(EquipmentUnit unit) {
        return new EquipmentAdmission(unit.equipmentId(), unit.equipmentClass().name(), unit.status().name(),
                unit.equipmentClass().calibrationRequired() ? unit.calibrationDue() : null, unit.cleanUntil());
    }

    /** The caller's command and reason stay; a use called without either gets its own, for the audit trail. */
    private void explain(String command, String reason) {
        ChangeContext.Change current = change.current();
        change.record(current.command() == null ? command : current.command(),
                current.reason() == null ? reason : current.reason());
    }

    private static String equipmentId(EquipmentUse use) {
        if (use == null || use.equipmentId() == null || use.equipmentId().isBlank()) {
            throw new EquipmentRefused(Reason.INCOMPLETE, "Scan or enter the equipment id.",
                    List.of(new Violation("equipmentId", "is required")));
        }
        return use.equipmentId();
    }

    private static void requireBatch(String batch) {
        if (batch == null || batch.isBlank()) {
            throw new EquipmentRefused(Reason.INCOMPLETE, "The batch that uses the equipment is required.",
                    List.of(new Violation("batch", "is required")));
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private String caller() {
        return session.getCallerPrincipal().getName();
    }
}
