package org.openebr.equipment.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.openebr.equipment.control.EquipmentStore;
import org.openebr.equipment.entity.EquipmentStatus;
import org.openebr.equipment.entity.EquipmentUnit;
import org.openebr.equipment.entity.LogEntry;
import org.openebr.equipment.entity.LogKind;
import org.openebr.platform.control.ChangeContext;
import org.openebr.signature.boundary.Meaning;
import org.openebr.signature.boundary.SignableRecordType;
import org.openebr.signature.boundary.SignaturePolicy;

/**
 * A cleaning of an equipment unit as a signed record (EU GMP 5.20, 21 CFR 211.67(c), 211.182): its
 * performer records it, and a second person who did not perform it verifies it by signing VERIFIED;
 * that signature makes the unit CLEAN, in the same transaction. Record id: the number of the
 * cleaning's logbook entry. The signed content is that entry, which never changes.
 */
@ApplicationScoped
public class CleaningRecordType implements SignableRecordType {

    @Inject
    EquipmentStore store;

    @Inject
    Equipment equipment;

    @Inject
    ChangeContext change;

    @Inject
    Clock clock;

    @Override
    public String recordType() {
        return Equipment.CLEANING_RECORD_TYPE;
    }

    @Override
    public Optional<Object> content(String recordId) {
        return cleaning(recordId).map(c -> {
            EquipmentUnit unit = unitOf(c);
            equipment.unit(unit.equipmentId()); // the equipment's own read rules
            Map<String, Object> content = new LinkedHashMap<>();
            content.put("cleaning", c.id());
            content.put("equipmentId", unit.equipmentId());
            content.put("equipmentClass", unit.equipmentClass().name());
            content.put("procedure", c.cleaningProcedure());
            content.put("performedBy", c.recordedBy());
            content.put("performedAt", c.recordedAt());
            return content;
        });
    }

    @Override
    public SignaturePolicy policy() {
        return SignaturePolicy.builder().allow(Meaning.VERIFIED, Set.of("OPERATOR", "SUPERVISOR")).build();
    }

    @Override
    public Set<String> signatureReaders() {
        return Set.of("OPERATOR", "SUPERVISOR", "MAINTENANCE");
    }

    @Override
    public Optional<String> refusal(String recordId, String userName, Meaning meaning) {
        Optional<LogEntry> found = cleaning(recordId);
        if (found.isEmpty()) {
            return Optional.empty(); // the ceremony answers "no such record"
        }
        LogEntry cleaning = found.get();
        EquipmentUnit unit = unitOf(cleaning);
        if (cleaning.recordedBy().equalsIgnoreCase(userName)) {
            return Optional.of("You performed this cleaning of " + unit.equipmentId() + ", so you cannot verify it:"
                    + " a second person must (EU GMP 5.20).");
        }
        if (store.verified(cleaning.id())) {
            return Optional.of("This cleaning of " + unit.equipmentId() + " is verified already.");
        }
        if (!store.newest(unit.id(), LogKind.CLEANING).map(c -> c.id().equals(cleaning.id())).orElse(false)) {
            return Optional.of(unit.equipmentId() + " was cleaned again since; verify the newest cleaning.");
        }
        if (unit.status() != EquipmentStatus.DIRTY && unit.status() != EquipmentStatus.CLEAN) {
            return Optional.of(unit.equipmentId() + " is " + unit.status() + " now; its cleaning cannot make it clean.");
        }
        return Optional.empty();
    }

    @Override
    public void signed(String recordId, Meaning meaning, String userName) {
        LogEntry cleaning = cleaning(recordId).orElseThrow();
        EquipmentUnit unit = store.locked(unitOf(cleaning).equipmentId());
        change.record(change.current().command() + ": cleaning of " + unit.equipmentId() + " verified",
                "verifier's signature (VERIFIED)");
        store.persist(unit.cleaningVerified(cleaning, userName, clock.instant().truncatedTo(ChronoUnit.MICROS)));
        store.flush();
    }

    private Optional<LogEntry> cleaning(String recordId) {
        if (recordId == null || !recordId.matches("[1-9][0-9]{0,17}")) {
            return Optional.empty(); // one spelling per record: "07" is not entry 7
        }
        return store.entry(Long.parseLong(recordId)).filter(e -> e.kind() == LogKind.CLEANING);
    }

    private EquipmentUnit unitOf(LogEntry cleaning) {
        return store.unitById(cleaning.unitId());
    }
}
