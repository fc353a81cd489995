package org.openebr.material.boundary;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.openebr.material.control.Disposition;
import org.openebr.material.control.MaterialReads;
import org.openebr.material.control.MaterialRules;
import org.openebr.material.control.MaterialStore;
import org.openebr.material.entity.ContainerEvent;
import org.openebr.material.entity.GenealogyEdge;
import org.openebr.material.entity.Lot;
import org.openebr.material.entity.LotStatus;
import org.openebr.material.entity.Material;
import org.openebr.material.entity.MaterialContainer;
import org.openebr.platform.boundary.DomainException;
import org.openebr.platform.control.ChangeContext;

/**
 * Lots (EU GMP 5.27-5.36; 21 CFR 211.82-211.87): the warehouse receives a supplier lot in its
 * containers, in QUARANTINE; QA decides RELEASED or REJECTED by an electronic signature (record type
 * {@code LOT}, see {@link LotRecordType}), never on a lot they received themself; QA blocks a lot and
 * lifts the block with a reason. Whether a lot is expired or past retest is computed when it is read.
 */
@Stateless
@RolesAllowed({"OPERATOR", "SUPERVISOR", "QA_REVIEWER", "QA_RELEASER", "WAREHOUSE", "INSPECTOR"})
public class Lots {

    /** The record type under which QA decisions on lots are signed. */
    public static final String RECORD_TYPE = "LOT";

    /** Where received containers are put when the receipt names no place. */
    public static final String QUARANTINE_STORE = "Quarantine store";

    static final int MAX_CONTAINERS = 200;

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

    @Resource
    SessionContext session;

    public List<LotFacts> list() {
        return store.lots().stream().map(reads::view).toList();
    }

    public LotFacts lot(String lotId) {
        return reads.view(store.existingLot(lotId));
    }

    /** A goods receipt: the lot in QUARANTINE with its containers, each with its history and genealogy edge. */
    @RolesAllowed("WAREHOUSE")
    public LotFacts receive(Receipt receipt) {
        if (receipt == null) {
            throw MaterialRules.incomplete("The request carries no goods receipt.", "$", "is required");
        }
        List<DomainException.Violation> missing = new ArrayList<>();
        require(missing, receipt.materialNumber(), "materialNumber", 40);
        require(missing, receipt.supplier(), "supplier", 200);
        require(missing, receipt.supplierLot(), "supplierLot", 64);
        require(missing, receipt.reason(), "reason", 1000);
        if (receipt.location() != null && (receipt.location().isBlank() || receipt.location().length() > 100)) {
            missing.add(new DomainException.Violation("location", "a place of at most 100 characters, or absent"));
        }
        if (receipt.expiryDate() == null) {
            missing.add(new DomainException.Violation("expiryDate", "is required"));
        }
        if (receipt.containers() == null || receipt.containers().isEmpty() || receipt.containers().size() > MAX_CONTAINERS) {
            missing.add(new DomainException.Violation("containers", "1 to " + MAX_CONTAINERS + " containers"));
        } else {
            for (int i = 0; i < receipt.containers().size(); i++) {
                if (receipt.containers().get(i) == null) {
                    missing.add(new DomainException.Violation("containers[" + i + "]", "is required"));
                }
            }
        }
        if (!missing.isEmpty()) {
            throw new MaterialRefused(MaterialRefused.Reason.INCOMPLETE, "The goods receipt is incomplete ("
                    + missing.get(0).field() + " " + missing.get(0).message() + "); nothing was received.", missing);
        }
        Material material = store.material(receipt.materialNumber().strip()).orElseThrow(() -> new MaterialRefused(
                MaterialRefused.Reason.UNKNOWN_MATERIAL, "The material master has no material " + receipt.materialNumber()
                + "; receive only materials it knows.", List.of(new DomainException.Violation("materialNumber", "unknown"))));
        LocalDate today = reads.today();
        if (!receipt.expiryDate().isAfter(today)) {
            throw dates("The expiry date " + receipt.expiryDate() + " is not after today (" + today + "): expired material"
                    + " is not received into stock.", "expiryDate");
        }
        if (receipt.retestDate() != null && receipt.retestDate().isAfter(receipt.expiryDate())) {
            throw dates("The retest date " + receipt.retestDate() + " is after the expiry date " + receipt.expiryDate()
                    + "; a lot is retested before it expires, never after.", "retestDate");
        }
        QuantityUnit base = QuantityUnit.of(material.baseUnit()).orElseThrow();
        for (int i = 0; i < receipt.containers().size(); i++) {
            Receipt.ReceivedContainer c = receipt.containers().get(i);
            String field = "containers[" + i + "]";
            MaterialRules.positive(c.quantity(), field + ".quantity");
            QuantityUnit unit = MaterialRules.unit(c.unit(), field + ".unit");
            MaterialRules.convert(c.quantity(), unit, base, "Material " + material.materialNumber(), field + ".unit");
            if (c.tare() != null && c.tare().signum() < 0) {
                throw new MaterialRefused(MaterialRefused.Reason.QUANTITY_NOT_POSITIVE, "The tare of container " + (i + 1)
                        + " is negative (" + c.tare().toPlainString() + "); a tare is zero or more.",
                        List.of(new DomainException.Violation(field + ".tare", "zero or more")));
            }
        }
        String by = caller();
        Instant now = now();
        String lotId = store.nextLotId(today.getYear());
        String why = receipt.reason().strip();
        String place = receipt.location() == null ? QUARANTINE_STORE : receipt.location().strip();
        change.record("Receive lot " + lotId + " of " + material.materialNumber() + " (" + receipt.containers().size()
                + " container" + (receipt.containers().size() == 1 ? "" : "s") + ")", why).actingAs("WAREHOUSE");
        Lot lot = new Lot(lotId, material.id(), receipt.supplier().strip(), receipt.supplierLot().strip(),
                receipt.expiryDate(), receipt.retestDate(), why, by, now);
        store.persist(lot);
        for (Receipt.ReceivedContainer c : receipt.containers()) {
            MaterialContainer container = MaterialContainer.received(store.nextContainerId(), lot.id(), c.quantity(),
                    c.unit(), c.tare(), place, by, now);
            store.persist(container);
            store.record(container, new ContainerEvent.Facts(ContainerEvent.Kind.RECEIVED, c.quantity(), c.quantity(),
                    c.unit(), null, place, receipt.supplier().strip(), null, false, lotId, null, why), by, now);
            store.edge(GenealogyEdge.Node.LOT, lotId, GenealogyEdge.Node.CONTAINER, container.containerId(),
                    GenealogyEdge.Kind.RECEIVED_AS, c.quantity(), c.unit(), null, by, now);
        }
        store.flush();
        return reads.view(lot);
    }

    /** QA stops the use of a lot (a complaint, an OOS result under investigation) with a reason. */
    @RolesAllowed({"QA_REVIEWER", "QA_RELEASER"})
    public LotFacts block(String lotId, String reason) {
        String why = MaterialRules.reason(reason);
        Lot lot = store.existingLot(lotId);
        if (lot.status() == LotStatus.BLOCKED || lot.status() == LotStatus.REJECTED) {
            throw new MaterialRefused(MaterialRefused.Reason.LOT_STATUS, "Lot " + lotId + " is " + lot.status()
                    + "; only a lot in quarantine or released is blocked.");
        }
        change.actingAs(qaRole());
        disposition.decide(lot, LotStatus.BLOCKED, caller(), "Block lot " + lotId, why);
        return reads.view(lot);
    }

    /** QA lifts a block with a reason: the lot returns to the status it had before. */
    @RolesAllowed({"QA_REVIEWER", "QA_RELEASER"})
    public LotFacts unblock(String lotId, String reason) {
        String why = MaterialRules.reason(reason);
        Lot lot = store.existingLot(lotId);
        if (lot.status() != LotStatus.BLOCKED) {
            throw new MaterialRefused(MaterialRefused.Reason.LOT_STATUS, "Lot " + lotId + " is " + lot.status()
                    + ", not BLOCKED; there is no block to lift.");
        }
        change.actingAs(qaRole());
        disposition.decide(lot, lot.blockedFrom(), caller(), "Lift the block of lot " + lotId + " (back to "
                + lot.blockedFrom() + ")", why);
        return reads.view(lot);
    }

    private static void require(List<DomainException.Violation> missing, String value, String field, int max) {
        if (value == null || value.isBlank()) {
            missing.add(new DomainException.Violation(field, "is required"));
        } else if (value.length() > max) {
            missing.add(new DomainException.Violation(field, "at most " + max + " characters"));
        }
    }

    private static MaterialRefused dates(String message, String field) {
        return new MaterialRefused(MaterialRefused.Reason.DATES_INVALID, message,
                List.of(new DomainException.Violation(field, message)));
    }

    private String qaRole() {
        return session.isCallerInRole("QA_RELEASER") ? "QA_RELEASER" : "QA_REVIEWER";
    }

    private String caller() {
        return session.getCallerPrincipal().getName();
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
