package org.openebr.equipment.boundary;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.openebr.equipment.entity.EquipmentClass;
import org.openebr.equipment.entity.EquipmentUnit;
import org.openebr.equipment.entity.LogEntry;

/** What callers read of equipment: plain values built inside the transaction. */
public final class EquipmentViews {

    private EquipmentViews() {
    }

    /**
     * An equipment class.
     *
     * @param cleanHold how long a cleaned unit stays clean for use; null: no limit
     * @param dirtyHold how long a used unit may wait for cleaning; null: no limit
     */
    public record EquipmentClassSummary(String name, boolean calibrationRequired, Duration cleanHold, Duration dirtyHold,
                               Instant createdAt, String createdBy) {
        static EquipmentClassSummary of(EquipmentClass c) {
            return new EquipmentClassSummary(c.name(), c.calibrationRequired(), c.cleanHold().orElse(null),
                    c.dirtyHold().orElse(null), c.createdAt(), c.createdBy());
        }
    }

    /**
     * A unit as the board shows it, with what follows from the time now.
     *
     * @param batch             the batch that has it while IN_USE
     * @param cleanHoldExpired  CLEAN, but its clean-hold has run out: not clean for use
     * @param dirtyUntil        DIRTY: when its dirty-hold runs out
     * @param dirtyHoldExceeded DIRTY for longer than its dirty-hold time: flagged
     * @param pendingCleaning   the logbook entry of a cleaning that awaits its verification (the record id to sign), or null
     */
    public record EquipmentSummary(String equipmentId, String equipmentClass, String description, String location,
                              String status, String batch, Instant statusSince, Instant cleanUntil,
                              boolean cleanHoldExpired, Instant dirtyUntil, boolean dirtyHoldExceeded,
                              boolean calibrationRequired, Integer calibrationIntervalDays, Instant calibrationDue,
                              boolean calibrationOverdue, String qualification, String qualificationReference,
                              long usageCount, Long wearLimit, boolean wearLimitReached, String pendingCleaning,
                              Instant createdAt, String createdBy) {
        static EquipmentSummary of(EquipmentUnit u, String pendingCleaning, Instant now) {
            return new EquipmentSummary(u.equipmentId(), u.equipmentClass().name(), u.description(), u.location(),
                    u.status().name(), u.statusBatch(), u.statusSince(), u.cleanUntil(), u.cleanHoldExpired(now),
                    u.dirtyUntil(), u.dirtyHoldExceeded(now), u.equipmentClass().calibrationRequired(),
                    u.calibrationIntervalDays(), u.calibrationDue(), u.calibrationOverdue(now), u.qualification().name(),
                    u.qualificationReference(), u.usageCount(), u.wearLimit(), u.wearLimitReached(), pendingCleaning,
                    u.createdAt(), u.createdBy());
        }
    }

    /**
     * One logbook entry.
     *
     * @param id                its number: the logbook's order; a cleaning's id is the record id its verifier signs
     * @param verifiesCleaning  for a verification: the cleaning it verifies
     * @param performedAt       when the work was done (a calibration's date), if not when it was recorded
     */
    public record EquipmentLogbookEntry(String id, String equipmentId, String kind, Instant recordedAt, String recordedBy,
                               String statusBefore, String statusAfter, String batch, String step, String procedure,
                               String verifiesCleaning, String calibrationResult, Instant performedAt,
                               String certificate, Instant calibrationDue, Instant cleanUntil, String qualification,
                               String detail) {
        static EquipmentLogbookEntry of(LogEntry e, String equipmentId) {
            return new EquipmentLogbookEntry(e.id().toString(), equipmentId, e.kind().name(), e.recordedAt(), e.recordedBy(),
                    name(e.statusBefore()), name(e.statusAfter()), e.batch(), e.step(), e.cleaningProcedure(),
                    e.cleaningEntry() == null ? null : e.cleaningEntry().toString(), e.calibrationResult(),
                    e.performedAt(), e.certificate(), e.calibrationDue(), e.cleanUntil(), name(e.qualification()),
                    e.detail());
        }

        private static String name(Enum<?> value) {
            return value == null ? null : value.name();
        }
    }

    /**
     * What an event did: the unit after it and its logbook entry; for a failed calibration, every
     * batch that used the unit since its last passed calibration (empty otherwise).
     */
    public record EquipmentEvent(EquipmentSummary unit, EquipmentLogbookEntry entry, List<String> batchesSinceLastGoodCalibration) {
    }
}
