package org.openebr.equipment.boundary;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.openebr.equipment.boundary.EquipmentRefused.Reason;
import org.openebr.equipment.boundary.EquipmentViews.EquipmentClassSummary;
import org.openebr.equipment.boundary.EquipmentViews.EquipmentLogbookEntry;
import org.openebr.equipment.boundary.EquipmentViews.EquipmentEvent;
import org.openebr.equipment.boundary.EquipmentViews.EquipmentSummary;
import org.openebr.equipment.control.EquipmentStore;
import org.openebr.equipment.entity.EquipmentClass;
import org.openebr.equipment.entity.EquipmentStatus;
import org.openebr.equipment.entity.EquipmentUnit;
import org.openebr.equipment.entity.LogEntry;
import org.openebr.equipment.entity.LogKind;
import org.openebr.equipment.entity.Qualification;
import org.openebr.platform.boundary.DomainException.Violation;
import org.openebr.platform.control.ChangeContext;
import org.openebr.platform.control.Constraints;

/**
 * Equipment master data and the events of a unit's life (EU GMP 3.34-3.44, 4.31; 21 CFR 211.67,
 * 211.68, 211.182). MAINTENANCE defines classes, registers units and records calibration,
 * maintenance and qualification; operators and supervisors record cleanings, which a second person
 * verifies by signing (record type {@code EQUIPMENT_CLEANING}, see {@link CleaningRecordType}).
 * Everyone in a GMP role, QA and inspectors read; administrators do none of it. Each event is one
 * transaction that changes the unit and writes its logbook entry together.
 */
@Stateless
@RolesAllowed({"OPERATOR", "SUPERVISOR", "RECIPE_AUTHOR", "RECIPE_APPROVER", "QA_REVIEWER", "QA_RELEASER", "WAREHOUSE",
        "MAINTENANCE", "INSPECTOR"})
public class Equipment {

    /** The record type under which a cleaning's verifier signs. */
    public static final String CLEANING_RECORD_TYPE = "EQUIPMENT_CLEANING";

    /** A new equipment class. Durations in ISO-8601 (PT72H); absent: no hold time. */
    public record EquipmentClassDefinition(String name, Boolean calibrationRequired, Duration cleanHold,
                                           Duration dirtyHold, String reason) {
    }

    /** A new unit. Its equipment id is also its barcode text. */
    public record UnitRegistration(String equipmentId, String equipmentClass, String description, String location,
                                   Integer calibrationIntervalDays, Long wearLimit, String reason) {
    }

    /** A cleaning as its performer records it; a second person verifies it by signing. */
    public record CleaningRecord(String procedure, String reason) {
    }

    /**
     * A calibration result.
     *
     * @param performedAt when it was calibrated (the certificate's date); absent: now. Never in the future.
     * @param nextDue     for PASS: when the next calibration is due; absent: performedAt plus the unit's interval
     */
    public record CalibrationRecord(String result, Instant performedAt, String certificate, Instant nextDue,
                                    String reason) {
    }

    /** Maintenance starts (STARTED: the unit is in MAINTENANCE) or ends (COMPLETED: DIRTY, to be cleaned). */
    public record MaintenanceRecord(String phase, String description, String reason) {
    }

    /** A new qualification status with the document that states it (e.g. a PQ report number). */
    public record QualificationRecord(String qualification, String reference, String reason) {
    }

    /** A status event of its own: OUT_OF_SERVICE, or DIRTY (marked dirty, or back in service from out of service). */
    public record StatusEvent(String status, String reason) {
    }

    static final int REASON_MAX = 1000;
    private static final Pattern EQUIPMENT_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._/-]{0,31}");
    private static final Duration FUTURE_TOLERANCE = Duration.ofMinutes(1);

    @Inject
    EquipmentStore store;

    @Inject
    ChangeContext change;

    @Inject
    Clock clock;

    @Resource
    SessionContext session;

    // --- reading ---------------------------------------------------------------------------------------

    public List<EquipmentClassSummary> classes() {
        return store.classes().stream().map(EquipmentClassSummary::of).toList();
    }

    public List<EquipmentSummary> units() {
        Instant now = now();
        return store.units().stream().map(u -> summary(u, now)).toList();
    }

    public EquipmentSummary unit(String equipmentId) {
        return summary(store.existing(equipmentId), now());
    }

    /** Every entry of the unit's logbook, oldest first (EU GMP 4.31). */
    public List<EquipmentLogbookEntry> logbook(String equipmentId) {
        EquipmentUnit unit = store.existing(equipmentId);
        return store.logbook(unit.id()).stream().map(e -> EquipmentLogbookEntry.of(e, unit.equipmentId())).toList();
    }

    // --- master data (MAINTENANCE) -------------------------------------------------------------------

    @RolesAllowed("MAINTENANCE")
    public EquipmentClassSummary defineClass(EquipmentClassDefinition definition) {
        List<Violation> wrong = new ArrayList<>();
        String name = text(definition.name(), "name", 100, wrong);
        if (definition.calibrationRequired() == null) {
            wrong.add(new Violation("calibrationRequired", "is required: true or false"));
        }
        positive(definition.cleanHold(), "cleanHold", wrong);
        positive(definition.dirtyHold(), "dirtyHold", wrong);
        String why = reason(definition.reason(), wrong);
        complete(wrong, "The equipment class");
        if (store.equipmentClass(name).isPresent()) {
            throw new EquipmentRefused(Reason.DUPLICATE, "The equipment class '" + name + "' exists already.");
        }
        change.record("Define equipment class " + name, why).actingAs("MAINTENANCE");
        EquipmentClass defined = new EquipmentClass(name, definition.calibrationRequired(), definition.cleanHold(),
                definition.dirtyHold(), caller(), now());
        try {
            store.persist(defined);
            store.flush();
        } catch (PersistenceException failed) {
            throw duplicate(failed, "equipment_class_name", "The equipment class '" + name + "' was defined by someone"
                    + " else at the same moment.");
        }
        return EquipmentClassSummary.of(defined);
    }

    @RolesAllowed("MAINTENANCE")
    public EquipmentSummary register(UnitRegistration registration) {
        List<Violation> wrong = new ArrayList<>();
        String id = text(registration.equipmentId(), "equipmentId", 32, wrong);
        if (id != null && !EQUIPMENT_ID.matcher(id).matches()) {
            wrong.add(new Violation("equipmentId", "letters, digits and . _ / - only, as on its barcode, e.g. V-101"));
        }
        String className = text(registration.equipmentClass(), "equipmentClass", 100, wrong);
        String description = text(registration.description(), "description", 200, wrong);
        String location = text(registration.location(), "location", 100, wrong);
        if (registration.calibrationIntervalDays() != null && registration.calibrationIntervalDays() <= 0) {
            wrong.add(new Violation("calibrationIntervalDays", "must be a positive number of days"));
        }
        if (registration.wearLimit() != null && registration.wearLimit() <= 0) {
            wrong.add(new Violation("wearLimit", "must be a positive number of uses"));
        }
        String why = reason(registration.reason(), wrong);
        complete(wrong, "The equipment unit");
        EquipmentClass equipmentClass = store.equipmentClass(className).orElseThrow(() -> new EquipmentRefused(
                Reason.UNKNOWN_CLASS, "There is no equipment class '" + className + "'; define it first."));
        if (equipmentClass.calibrationRequired() && registration.calibrationIntervalDays() == null) {
            throw new EquipmentRefused(Reason.INCOMPLETE, "A " + equipmentClass.name() + " is calibrated: give its"
                    + " calibration interval in days.", List.of(new Violation("calibrationIntervalDays", "is required for a"
                    + " calibrated class")));
        }
        if (store.unit(id).isPresent()) {
            throw new EquipmentRefused(Reason.DUPLICATE, "The equipment id '" + id + "' is taken already.");
        }
        change.record("Register equipment " + id, why).actingAs("MAINTENANCE");
        EquipmentUnit unit = new EquipmentUnit(id, equipmentClass, description, location,
                registration.calibrationIntervalDays(), registration.wearLimit(), caller(), now());
        try {
            store.persist(unit);
            store.persist(unit.registered("registered as a " + equipmentClass.name() + " at " + location + ": " + why));
            store.flush();
        } catch (PersistenceException failed) {
            throw duplicate(failed, "equipment_unit_equipment_id", "The equipment id '" + id + "' was registered by"
                    + " someone else at the same moment.");
        }
        return summary(unit, now());
    }

    // --- events ------------------------------------------------------------------------------------------

    /**
     * A cleaning as its performer records it (procedure, who, when). The unit becomes CLEAN only
     * when another person verifies it by signing the entry (meaning VERIFIED).
     */
    @RolesAllowed({"OPERATOR", "SUPERVISOR"})
    public EquipmentEvent recordCleaning(String equipmentId, CleaningRecord cleaning) {
        List<Violation> wrong = new ArrayList<>();
        String procedure = text(cleaning.procedure(), "procedure", 200, wrong);
        String note = optionalReason(cleaning.reason(), wrong);
        complete(wrong, "The cleaning record");
        EquipmentUnit unit = store.locked(equipmentId);
        if (unit.status() != EquipmentStatus.DIRTY && unit.status() != EquipmentStatus.CLEAN) {
            throw new EquipmentRefused(Reason.STATE, unit.equipmentId() + " is " + unit.status() + "; only a dirty or"
                    + " clean unit is cleaned" + (unit.status() == EquipmentStatus.IN_USE ? " (batch " + unit.statusBatch()
                    + " must release it first)." : "."));
        }
        change.record("Record cleaning of " + unit.equipmentId(), note).actingAs(actingRole("OPERATOR", "SUPERVISOR"));
        return recorded(unit, unit.cleaned(procedure, caller(), now()), List.of());
    }

    /**
     * A calibration result (MAINTENANCE). A FAIL takes the unit out of service and the answer lists
     * every batch that used it since its last passed calibration.
     */
    @RolesAllowed("MAINTENANCE")
    public EquipmentEvent recordCalibration(String equipmentId, CalibrationRecord calibration) {
        List<Violation> wrong = new ArrayList<>();
        String result = calibration.result() == null ? null : calibration.result().strip();
        if (!"PASS".equals(result) && !"FAIL".equals(result)) {
            wrong.add(new Violation("result", "is PASS or FAIL"));
        }
        String certificate = text(calibration.certificate(), "certificate", 100, wrong);
        String why = reason(calibration.reason(), wrong);
        Instant now = now();
        Instant performedAt = calibration.performedAt() == null ? now : calibration.performedAt().truncatedTo(ChronoUnit.MICROS);
        if (performedAt.isAfter(now.plus(FUTURE_TOLERANCE))) {
            wrong.add(new Violation("performedAt", "is in the future: " + performedAt));
        }
        complete(wrong, "The calibration record");
        EquipmentUnit unit = store.locked(equipmentId);
        if (!unit.equipmentClass().calibrationRequired()) {
            throw new EquipmentRefused(Reason.STATE, unit.equipmentId() + " is a " + unit.equipmentClass().name()
                    + ", which is not calibrated.");
        }
        boolean passed = "PASS".equals(result);
        Instant nextDue = null;
        if (passed) {
            if (calibration.nextDue() == null && unit.calibrationInterval() == null) {
                throw new EquipmentRefused(Reason.INCOMPLETE, unit.equipmentId() + " has no calibration interval: give"
                        + " the next due date.", List.of(new Violation("nextDue", "is required")));
            }
            nextDue = calibration.nextDue() != null ? calibration.nextDue().truncatedTo(ChronoUnit.MICROS)
                    : performedAt.plus(unit.calibrationInterval());
            if (!nextDue.isAfter(performedAt)) {
                throw new EquipmentRefused(Reason.INCOMPLETE, "The next due date " + nextDue + " is not after the"
                        + " calibration (" + performedAt + ").", List.of(new Violation("nextDue", "must be after performedAt")));
            }
        }
        List<String> batches = passed ? List.of() : store.batchesSinceLastGoodCalibration(unit.id());
        change.record("Record calibration of " + unit.equipmentId() + ": " + result, why).actingAs("MAINTENANCE");
        return recorded(unit, unit.calibrated(passed, performedAt, certificate, nextDue, caller(), now), batches);
    }

    @RolesAllowed("MAINTENANCE")
    public EquipmentEvent recordMaintenance(String equipmentId, MaintenanceRecord maintenance) {
        List<Violation> wrong = new ArrayList<>();
        String phase = maintenance.phase() == null ? null : maintenance.phase().strip();
        if (!"STARTED".equals(phase) && !"COMPLETED".equals(phase)) {
            wrong.add(new Violation("phase", "is STARTED or COMPLETED"));
        }
        String description = text(maintenance.description(), "description", 500, wrong);
        String why = reason(maintenance.reason(), wrong);
        complete(wrong, "The maintenance record");
        EquipmentUnit unit = store.locked(equipmentId);
        boolean starts = "STARTED".equals(phase);
        if (starts ? !unit.status().canBecome(EquipmentStatus.MAINTENANCE) || unit.status() == EquipmentStatus.MAINTENANCE
                : unit.status() != EquipmentStatus.MAINTENANCE) {
            throw new EquipmentRefused(Reason.STATE, unit.equipmentId() + " is " + unit.status() + (starts
                    ? "; maintenance cannot start now." : "; only a unit under maintenance completes it."));
        }
        change.record("Record maintenance of " + unit.equipmentId() + ": " + phase, why).actingAs("MAINTENANCE");
        return recorded(unit, unit.maintenance(starts, description, caller(), now()), List.of());
    }

    @RolesAllowed("MAINTENANCE")
    public EquipmentEvent recordQualification(String equipmentId, QualificationRecord record) {
        List<Violation> wrong = new ArrayList<>();
        Qualification qualification = null;
        try {
            qualification = record.qualification() == null ? null : Qualification.valueOf(record.qualification().strip());
        } catch (IllegalArgumentException unknown) {
            // reported below with the values it takes
        }
        if (qualification == null) {
            wrong.add(new Violation("qualification", "is QUALIFIED or NOT_QUALIFIED"));
        }
        String reference = text(record.reference(), "reference", 100, wrong);
        String why = reason(record.reason(), wrong);
        complete(wrong, "The qualification record");
        EquipmentUnit unit = store.locked(equipmentId);
        change.record("Record qualification of " + unit.equipmentId() + ": " + qualification, why).actingAs("MAINTENANCE");
        return recorded(unit, unit.qualified(qualification, reference, caller(), now()), List.of());
    }

    /**
     * A status event of its own. Anyone who works with a unit may take it out of service or mark it
     * dirty; only MAINTENANCE puts an out-of-service unit back (as DIRTY: cleaned before use).
     */
    @RolesAllowed({"MAINTENANCE", "SUPERVISOR", "OPERATOR"})
    public EquipmentEvent recordStatus(String equipmentId, StatusEvent event) {
        List<Violation> wrong = new ArrayList<>();
        String status = event.status() == null ? null : event.status().strip();
        if (!"OUT_OF_SERVICE".equals(status) && !"DIRTY".equals(status)) {
            wrong.add(new Violation("status", "is OUT_OF_SERVICE or DIRTY; CLEAN follows a verified cleaning, IN_USE a"
                    + " batch, MAINTENANCE a maintenance record"));
        }
        String why = reason(event.reason(), wrong);
        complete(wrong, "The status event");
        EquipmentStatus target = EquipmentStatus.valueOf(status);
        EquipmentUnit unit = store.locked(equipmentId);
        if (unit.status() == target || !unit.status().canBecome(target)) {
            throw new EquipmentRefused(Reason.STATE, unit.equipmentId() + " is " + unit.status() + "; it cannot become "
                    + target + " by a status event.");
        }
        if (unit.status() == EquipmentStatus.OUT_OF_SERVICE && !session.isCallerInRole("MAINTENANCE")) {
            throw new EquipmentRefused(Reason.NOT_PERMITTED, unit.equipmentId() + " is out of service; only maintenance"
                    + " puts it back into service.");
        }
        if (unit.status() == EquipmentStatus.IN_USE && target == EquipmentStatus.DIRTY) {
            throw new EquipmentRefused(Reason.STATE, unit.equipmentId() + " is in use by batch " + unit.statusBatch()
                    + "; the batch releases it.");
        }
        String detail = (unit.status() == EquipmentStatus.OUT_OF_SERVICE ? "back into service (to be cleaned)"
                : target == EquipmentStatus.OUT_OF_SERVICE ? "taken out of service" : "marked dirty") + ": " + why;
        change.record("Record status of " + unit.equipmentId() + ": " + target, why)
                .actingAs(actingRole("MAINTENANCE", "SUPERVISOR", "OPERATOR"));
        return recorded(unit, unit.statusEvent(target, detail, caller(), now()), List.of());
    }

    // --- inside ----------------------------------------------------------------------------------------

    private EquipmentEvent recorded(EquipmentUnit unit, LogEntry entry, List<String> batches) {
        store.persist(entry);
        store.flush();
        return new EquipmentEvent(summary(unit, now()), EquipmentLogbookEntry.of(entry, unit.equipmentId()), batches);
    }

    EquipmentSummary summary(EquipmentUnit unit, Instant now) {
        String pending = store.newest(unit.id(), LogKind.CLEANING)
                .filter(c -> !store.verified(c.id()))
                .filter(c -> unit.status() == EquipmentStatus.DIRTY || unit.status() == EquipmentStatus.CLEAN)
                .map(c -> c.id().toString()).orElse(null);
        return EquipmentSummary.of(unit, pending, now);
    }

    private String actingRole(String... roles) {
        for (String role : roles) {
            if (session.isCallerInRole(role)) {
                return role;
            }
        }
        return roles[0];
    }

    private static String text(String value, String field, int max, List<Violation> wrong) {
        if (value == null || value.isBlank()) {
            wrong.add(new Violation(field, "is required"));
            return null;
        }
        if (value.strip().length() > max) {
            wrong.add(new Violation(field, "at most " + max + " characters"));
            return null;
        }
        return value.strip();
    }

    private static String reason(String reason, List<Violation> wrong) {
        if (reason == null || reason.isBlank()) {
            wrong.add(new Violation("reason", "is required: say why (it is part of the audit trail)"));
            return null;
        }
        return optionalReason(reason, wrong);
    }

    private static String optionalReason(String reason, List<Violation> wrong) {
        if (reason != null && reason.strip().length() > REASON_MAX) {
            wrong.add(new Violation("reason", "at most " + REASON_MAX + " characters"));
            return null;
        }
        return reason == null || reason.isBlank() ? null : reason.strip();
    }

    private static void positive(Duration duration, String field, List<Violation> wrong) {
        if (duration != null && (duration.isNegative() || duration.isZero())) {
            wrong.add(new Violation(field, "must be a positive duration such as PT72H"));
        }
    }

    private static void complete(List<Violation> wrong, String what) {
        if (!wrong.isEmpty()) {
            throw new EquipmentRefused(Reason.INCOMPLETE, what + " is incomplete: " + wrong.stream()
                    .map(v -> v.field() + " " + v.message()).reduce((a, b) -> a + "; " + b).orElse("") + ". Nothing was"
                    + " recorded.", wrong);
        }
    }

    private static EquipmentRefused duplicate(PersistenceException failed, String constraint, String message) {
        if (!Constraints.violated(failed, constraint)) {
            throw failed;
        }
        return new EquipmentRefused(Reason.DUPLICATE, message);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private String caller() {
        return session.getCallerPrincipal().getName();
    }
}
