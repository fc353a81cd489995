package org.openebr.equipment.boundary;

import org.openebr.platform.boundary.SchemaGate;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.openebr.equipment.control.EquipmentStore;
import org.openebr.equipment.entity.EquipmentClass;
import org.openebr.equipment.entity.EquipmentUnit;
import org.openebr.equipment.entity.Qualification;
import org.openebr.platform.control.ChangeContext;

/**
 * Demo mode only (EBR_DEMO_MODE=true): the equipment of the reference process (aseptic vial filling,
 * Demoprofen 10 mg/mL) with the classes the reference recipe names, created where missing, with
 * dates relative to the start-up clock so that they stay valid: V-101 clean within its clean-hold,
 * BAL-01/BAL-02 and PHM-01 calibrated, V-201 clean; and for the bad cases, BAL-03 with an overdue
 * calibration and V-102 dirty. Units that exist are left as they are (idempotent on restart).
 * Outside demo mode it creates nothing.
 */
@Singleton
@Startup
public class DemoEquipment {

    record DemoClass(String name, boolean calibrated, Duration cleanHold, Duration dirtyHold) {
    }

    /**
     * @param cleanedAgo     how long ago it was cleaned; null: left DIRTY
     * @param calibratedAgo  how long ago it was calibrated (PASS); null: its class is not calibrated
     */
    record DemoUnit(String equipmentId, String equipmentClass, String description, String location,
                    Integer calibrationIntervalDays, Duration cleanedAgo, Duration calibratedAgo, String certificate) {
    }

    static final List<DemoClass> CLASSES = List.of(
            new DemoClass("compounding vessel", false, Duration.ofHours(72), Duration.ofHours(24)),
            new DemoClass("sterile vessel", false, Duration.ofHours(72), Duration.ofHours(24)),
            new DemoClass("balance", true, null, null),
            new DemoClass("pH meter", true, null, null),
            new DemoClass("filling machine", false, Duration.ofHours(72), Duration.ofHours(24)));

    static final List<DemoUnit> UNITS = List.of(
            new DemoUnit("V-101", "compounding vessel", "Compounding vessel 50 L, jacketed, agitator",
                    "Compounding room C-1.12", null, Duration.ofHours(2), null, null),
            new DemoUnit("V-102", "compounding vessel", "Compounding vessel 50 L, jacketed, agitator",
                    "Compounding room C-1.12", null, null, null, null),
            new DemoUnit("V-201", "sterile vessel", "Sterile receiving vessel 50 L",
                    "Filling room A-2.03", null, Duration.ofHours(1), null, null),
            new DemoUnit("BAL-01", "balance", "Balance 6 kg, d = 0.01 g", "Dispensing booth D-1.04", 365,
                    Duration.ofHours(1), Duration.ofDays(30), "CAL-2026-0412"),
            new DemoUnit("BAL-02", "balance", "Balance 6 kg, d = 0.01 g", "Dispensing booth D-1.04", 365,
                    Duration.ofHours(1), Duration.ofDays(45), "CAL-2026-0398"),
            new DemoUnit("BAL-03", "balance", "Balance 6 kg, d = 0.01 g", "Dispensing booth D-1.05", 365,
                    Duration.ofHours(1), Duration.ofDays(400), "CAL-2025-0107"),
            new DemoUnit("PHM-01", "pH meter", "pH meter with temperature probe", "Compounding room C-1.12", 182,
                    Duration.ofHours(1), Duration.ofDays(30), "CAL-2026-0433"),
            new DemoUnit("FL-01", "filling machine", "Filling line: filler, stopperer, checkweigher",
                    "Filling room A-2.03", null, Duration.ofHours(1), null, null));

    private static final String SYSTEM = ChangeContext.SYSTEM;
    private static final String DEMO = "demo data (EBR_DEMO_MODE=true)";
    private static final Logger LOG = Logger.getLogger(DemoEquipment.class.getName());

    @Inject
    SchemaGate schemaGate;

    @Inject
    EquipmentStore store;

    @Inject
    ChangeContext change;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "ebr.demo.mode", defaultValue = "false")
    boolean demoMode;

    @PostConstruct
    void atStart() {
        if (!demoMode || !schemaGate.allows("Demo equipment")) {
            return;
        }
        change.record("Create demo equipment", "demo mode (EBR_DEMO_MODE=true)").actingAs("SYSTEM");
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        for (DemoClass c : CLASSES) {
            if (store.equipmentClass(c.name()).isEmpty()) {
                store.persist(new EquipmentClass(c.name(), c.calibrated(), c.cleanHold(), c.dirtyHold(), SYSTEM, now));
            }
        }
        store.flush();
        int created = 0;
        for (DemoUnit d : UNITS) {
            if (store.unit(d.equipmentId()).isPresent()) {
                continue;
            }
            EquipmentUnit unit = new EquipmentUnit(d.equipmentId(), store.equipmentClass(d.equipmentClass()).orElseThrow(),
                    d.description(), d.location(), d.calibrationIntervalDays(), null, SYSTEM, now);
            store.persist(unit);
            store.persist(unit.registered("registered as a " + d.equipmentClass() + " at " + d.location() + ": " + DEMO));
            store.persist(unit.qualified(Qualification.QUALIFIED, "PQ-2025-" + d.equipmentId(), SYSTEM, now));
            if (d.calibratedAgo() != null) {
                Instant performed = now.minus(d.calibratedAgo());
                store.persist(unit.calibrated(true, performed, d.certificate(),
                        performed.plus(Duration.ofDays(d.calibrationIntervalDays())), SYSTEM, now));
            }
            if (d.cleanedAgo() != null) {
                store.persist(unit.startedClean(now.minus(d.cleanedAgo()), "clean from the start, cleaned "
                        + d.cleanedAgo().toHours() + " h before start-up: " + DEMO, SYSTEM, now));
            }
            created++;
        }
        store.flush();
        int createdNow = created;
        LOG.info(() -> "Demo mode: " + createdNow + " demo equipment unit(s) created, " + UNITS.size() + " in all");
    }
}
