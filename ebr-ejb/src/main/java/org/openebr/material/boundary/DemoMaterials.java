package org.openebr.material.boundary;

import org.openebr.platform.boundary.SchemaGate;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.openebr.material.control.Disposition;
import org.openebr.material.control.MaterialReads;
import org.openebr.material.control.MaterialStore;
import org.openebr.material.entity.ContainerEvent;
import org.openebr.material.entity.GenealogyEdge;
import org.openebr.material.entity.Lot;
import org.openebr.material.entity.LotStatus;
import org.openebr.material.entity.Material;
import org.openebr.material.entity.MaterialContainer;
import org.openebr.platform.control.ChangeContext;

/**
 * Demo mode only (EBR_DEMO_MODE=true): the reference recipe's materials, named exactly as the recipe
 * names them, and lots for them: released lots with containers enough for two batches, one expired
 * lot and one lot in quarantine waiting for QA. Created once; a restart adds only what is missing.
 *
 * <p>The demo lots are "received" by warehouse1 and "released" by qa2 through {@link Disposition},
 * the code path a signed QA decision takes, but without a signature: at start-up the demo QA
 * releaser has no signing credential yet. The reason in the audit trail says so.
 */
@Singleton
@Startup
public class DemoMaterials {

    /** One demo material: the recipe's name, the ERP's number. */
    record Demo(String materialNumber, String name, MaterialType type, String unit, String storage, Integer shelfLife,
                Integer retest, String gtin) {
    }

    static final List<Demo> MATERIALS = List.of(
            new Demo("RM-DEMOPROFEN", "Demoprofen", MaterialType.API, "g", "15-25 degC, dry, protected from light",
                    null, 24, Gtin.of("0401234500001")),
            new Demo("RM-NACL", "sodium chloride", MaterialType.EXCIPIENT, "g", "15-25 degC", 60, null,
                    Gtin.of("0401234500002")),
            new Demo("RM-NA2HPO4", "sodium phosphate dibasic", MaterialType.EXCIPIENT, "g", "15-25 degC", 36, null,
                    Gtin.of("0401234500003")),
            new Demo("RM-NAOH-1N", "sodium hydroxide 1 N", MaterialType.EXCIPIENT, "mL", "15-25 degC", 12, null,
                    Gtin.of("0401234500004")),
            new Demo("RM-WFI", "water for injection", MaterialType.SOLVENT, "L", "WFI loop at 80 degC; use within 24 h of draw",
                    null, null, null),
            new Demo("FG-DEMOPROFEN-2ML", "Demoprofen 10 mg/mL solution for injection, 2 mL vial", MaterialType.FINISHED_GOOD,
                    "pcs", "2-8 degC", 24, null, Gtin.of("0401234500010")));

    /** One demo lot: its supplier lot is its key for "created already". */
    record DemoLot(String materialNumber, String supplier, String supplierLot, int expiresInDays, Integer retestInDays,
                   LotStatus status, String unit, List<String> containers) {
    }

    static final List<DemoLot> LOTS = List.of(
            new DemoLot("RM-DEMOPROFEN", "Demo Pharma Chemicals GmbH", "DP2311-0457", 700, 500, LotStatus.RELEASED, "g",
                    List.of("500", "500", "500")),
            new DemoLot("RM-NACL", "Salinas Excipients S.A.", "NC2402-1188", 1500, null, LotStatus.RELEASED, "g",
                    List.of("25000")),
            new DemoLot("RM-NA2HPO4", "Phosphate Works Ltd", "SP2403-0212", 900, null, LotStatus.RELEASED, "g",
                    List.of("5000")),
            new DemoLot("RM-NAOH-1N", "Reagent Supply AG", "NH2405-0031", 300, null, LotStatus.RELEASED, "mL",
                    List.of("1000", "1000")),
            new DemoLot("RM-NACL", "Salinas Excipients S.A.", "NC2201-0904", -10, null, LotStatus.RELEASED, "g",
                    List.of("25000")),
            new DemoLot("RM-DEMOPROFEN", "Demo Pharma Chemicals GmbH", "DP2312-0502", 720, 520, LotStatus.QUARANTINE, "g",
                    List.of("500", "500")));

    static final String RECEIVER = "warehouse1";
    static final String RELEASER = "qa2";
    static final String DEMO_REASON = "demo mode (EBR_DEMO_MODE=true)";
    private static final Logger LOG = Logger.getLogger(DemoMaterials.class.getName());

    @Inject
    SchemaGate schemaGate;

    @Inject
    MaterialStore store;

    @Inject
    MaterialReads reads;

    @Inject
    Disposition disposition;

    @Inject
    ChangeContext change;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "ebr.demo.mode", defaultValue = "false")
    boolean demoMode;

    @PostConstruct
    void atStart() {
        if (!demoMode || !schemaGate.allows("Demo materials")) {
            return;
        }
        change.record("Create demo materials and lots", DEMO_REASON).actingAs("SYSTEM");
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        int materials = 0;
        for (Demo demo : MATERIALS) {
            if (store.material(demo.materialNumber()).isEmpty()) {
                store.persist(new Material(demo.materialNumber(), demo.name(), demo.type(), demo.unit(), demo.storage(),
                        demo.shelfLife(), demo.retest(), demo.gtin(), DEMO_REASON, ChangeContext.SYSTEM, now));
                materials++;
            }
        }
        store.flush();
        int lots = 0;
        LocalDate today = reads.today();
        for (DemoLot demo : LOTS) {
            if (store.lots().stream().anyMatch(l -> l.supplierLot().equals(demo.supplierLot()))) {
                continue;
            }
            receive(demo, today, now);
            lots++;
        }
        int m = materials;
        int l = lots;
        LOG.info(() -> "Demo mode: " + m + " demo material(s) and " + l + " demo lot(s) created");
    }

    private void receive(DemoLot demo, LocalDate today, Instant now) {
        Material material = store.material(demo.materialNumber()).orElseThrow();
        String lotId = store.nextLotId(today.getYear());
        Lot lot = new Lot(lotId, material.id(), demo.supplier(), demo.supplierLot(), today.plusDays(demo.expiresInDays()),
                demo.retestInDays() == null ? null : today.plusDays(demo.retestInDays()), "demo goods receipt", RECEIVER, now);
        store.persist(lot);
        for (String quantity : demo.containers()) {
            BigDecimal q = new BigDecimal(quantity);
            MaterialContainer container = MaterialContainer.received(store.nextContainerId(), lot.id(), q, demo.unit(),
                    null, Lots.QUARANTINE_STORE, RECEIVER, now);
            store.persist(container);
            store.record(container, new ContainerEvent.Facts(ContainerEvent.Kind.RECEIVED, q, q, demo.unit(), null,
                    Lots.QUARANTINE_STORE, demo.supplier(), null, false, lotId, null, "demo goods receipt"), RECEIVER, now);
            store.edge(GenealogyEdge.Node.LOT, lotId, GenealogyEdge.Node.CONTAINER, container.containerId(),
                    GenealogyEdge.Kind.RECEIVED_AS, q, demo.unit(), null, RECEIVER, now);
        }
        store.flush();
        if (demo.status() == LotStatus.RELEASED) {
            disposition.decide(lot, LotStatus.RELEASED, RELEASER, "Create demo materials and lots: release demo lot " + lotId,
                    DEMO_REASON + ": released through the QA decision code path without a signature (the demo QA"
                            + " releaser has no signing credential at start-up)");
        }
    }
}
