package org.openebr.material.boundary;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.openebr.equipment.boundary.EquipmentGate;
import org.openebr.equipment.boundary.EquipmentUse;
import org.openebr.identity.boundary.Training;
import org.openebr.material.control.MaterialReads;
import org.openebr.material.control.MaterialRules;
import org.openebr.material.control.MaterialStore;
import org.openebr.material.control.Witnesses;
import org.openebr.material.entity.ContainerEvent;
import org.openebr.material.entity.Dispensing;
import org.openebr.material.entity.GenealogyEdge;
import org.openebr.material.entity.Lot;
import org.openebr.material.entity.Material;
import org.openebr.material.entity.MaterialContainer;
import org.openebr.platform.boundary.DomainException;
import org.openebr.platform.control.ChangeContext;
import org.openebr.recipe.boundary.EquipmentCheck;

/**
 * Weigh and dispense (EU GMP 5.12, 5.34; 21 CFR 211.101): from a container of a released,
 * unexpired lot into a new container for one batch and step, within the tolerance of the target,
 * on a named balance, by the operator and, for a controlled material, verified on the spot by a
 * second person with their password; the balance passes the equipment gate (a balance, calibrated
 * and qualified) and the weighing is a use in its logbook. The source container is locked while it is weighed from, so
 * two people dispensing from it at once are served one after the other and can never overdraw it.
 */
@Stateless
@RolesAllowed({"OPERATOR", "SUPERVISOR", "QA_REVIEWER", "QA_RELEASER", "WAREHOUSE", "INSPECTOR"})
public class Dispensings {

    /** The equipment class a dispensing balance belongs to, and what is checked of it before each weighing. */
    static final String BALANCE = "balance";
    static final Set<EquipmentCheck> BALANCE_CHECKS = Set.of(EquipmentCheck.CALIBRATED, EquipmentCheck.QUALIFIED);

    /** Who may verify a dispensing. */
    static final Set<String> VERIFIERS = Set.of("OPERATOR", "SUPERVISOR");
    /** The training record (qualification) a person weighing must hold on the day (SOP-WH-002 in the demo). */
    public static final String WEIGHING_QUALIFICATION = "OP-WEIGHING";

    @Inject
    MaterialStore store;

    @Inject
    MaterialReads reads;

    @Inject
    Witnesses witnesses;

    @Inject
    EquipmentGate equipment;

    @Inject
    ChangeContext change;

    @Inject
    Clock clock;

    @Inject
    Training training;

    @Resource
    SessionContext session;

    /** Every dispensing for a batch, in the order they were weighed. */
    public List<DispensingFacts> ofBatch(String batch) {
        return store.dispensingsOf(batch).stream().map(d -> MaterialReads.view(d, null)).toList();
    }

    @RolesAllowed({"OPERATOR", "SUPERVISOR"})
    public DispensingFacts dispense(Dispense d) {
        if (d == null) {
            throw MaterialRules.incomplete("The request carries no dispensing.", "$", "is required");
        }
        List<DomainException.Violation> missing = new ArrayList<>();
        text(missing, d.sourceContainerId(), "sourceContainerId", 24);
        text(missing, d.materialNumber(), "materialNumber", 40);
        text(missing, d.batch(), "batch", 64);
        text(missing, d.step(), "step", 200);
        text(missing, d.unit(), "unit", 8);
        text(missing, d.balanceId(), "balanceId", 40);
        text(missing, d.location(), "location", 100);
        if (d.target() == null) {
            missing.add(new DomainException.Violation("target", "is required"));
        }
        if (d.tolerancePercent() == null || d.tolerancePercent().signum() < 0
                || d.tolerancePercent().compareTo(BigDecimal.valueOf(100)) > 0) {
            missing.add(new DomainException.Violation("tolerancePercent", "0 to 100"));
        }
        if (d.gross() == null) {
            missing.add(new DomainException.Violation("gross", "is required"));
        }
        if (d.tare() == null) {
            missing.add(new DomainException.Violation("tare", "is required (0 when the balance was tared)"));
        }
        if (!missing.isEmpty()) {
            throw new MaterialRefused(MaterialRefused.Reason.INCOMPLETE, "The dispensing is incomplete ("
                    + missing.get(0).field() + " " + missing.get(0).message() + "); nothing was dispensed.", missing);
        }
        MaterialRules.positive(d.target(), "target");
        MaterialRules.positive(d.gross(), "gross");
        if (d.tare().signum() < 0) {
            throw new MaterialRefused(MaterialRefused.Reason.QUANTITY_NOT_POSITIVE, "The tare is negative ("
                    + d.tare().toPlainString() + "); a tare is zero or more.", List.of(new DomainException.Violation("tare",
                    "zero or more")));
        }
        BigDecimal net = d.gross().subtract(d.tare());
        if (net.signum() <= 0) {
            throw new MaterialRefused(MaterialRefused.Reason.QUANTITY_NOT_POSITIVE, "Gross " + d.gross().toPlainString()
                    + " minus tare " + d.tare().toPlainString() + " leaves a net of " + net.toPlainString() + " " + d.unit()
                    + "; a dispensing weighs more than zero.", List.of(new DomainException.Violation("gross", "above the tare")));
        }
        QuantityUnit unit = MaterialRules.unit(d.unit(), "unit");
        String by = caller();
        // only a person trained for weighing and dispensing weighs, on the day they weigh (the training
        // record's validity is the certification's expiry)
        if (!training.isQualified(by, WEIGHING_QUALIFICATION, clock.instant())) {
            throw new MaterialRefused(MaterialRefused.Reason.NOT_QUALIFIED, by + " holds no current training record "
                    + WEIGHING_QUALIFICATION + " (weighing and dispensing) today; a supervisor records the training"
                    + " (Training) before this person weighs. Nothing was dispensed.");
        }

        MaterialContainer source = store.lockedContainer(d.sourceContainerId().strip());
        Lot lot = store.lot(source.lotRef());
        Material material = store.material(lot.materialId());
        if (!material.materialNumber().equals(d.materialNumber().strip())) {
            throw new MaterialRefused(MaterialRefused.Reason.WRONG_MATERIAL, "Container " + source.containerId() + " holds "
                    + material.materialNumber() + " (" + material.name() + "), not " + d.materialNumber().strip()
                    + "; weigh from a container of the material the step names.",
                    List.of(new DomainException.Violation("sourceContainerId", "a container of " + d.materialNumber().strip())));
        }
        MaterialRules.requireUsable(lot, reads.today());
        QuantityUnit sourceUnit = QuantityUnit.of(source.unit()).orElseThrow();
        BigDecimal taken = MaterialRules.convert(net, unit, sourceUnit, "Container " + source.containerId(), "unit");
        if (!MaterialRules.withinTolerance(net, d.target(), d.tolerancePercent())) {
            throw new MaterialRefused(MaterialRefused.Reason.OUT_OF_TOLERANCE, "The net weight " + net.toPlainString() + " "
                    + unit.symbol() + " is outside the target " + MaterialRules.band(d.target(), d.tolerancePercent(),
                    unit.symbol()) + "; adjust and weigh again.", List.of(new DomainException.Violation("gross",
                    "a net within " + MaterialRules.band(d.target(), d.tolerancePercent(), unit.symbol()))));
        }
        if (taken.compareTo(source.quantity()) > 0) {
            throw new MaterialRefused(MaterialRefused.Reason.OVERDRAW, "Container " + source.containerId() + " holds "
                    + MaterialReads.plain(source.quantity()).toPlainString() + " " + source.unit() + "; "
                    + MaterialReads.plain(taken).toPlainString() + " " + source.unit() + " cannot be taken from it"
                    + " (a container never goes below zero). Take the rest from another container.",
                    List.of(new DomainException.Violation("gross", "at most what the container holds")));
        }
        String verifier = null;
        if (material.type().controlled() || d.verifier() != null) {
            if (material.type().controlled() && (d.verifier() == null || d.verifier().isBlank())) {
                throw new MaterialRefused(MaterialRefused.Reason.VERIFIER_REQUIRED, material.name() + " is a controlled"
                        + " material (" + material.type() + "): its dispensing is verified on the spot by a second person"
                        + " (verifier and verifierPassword).", List.of(new DomainException.Violation("verifier", "is required")));
            }
            verifier = witnesses.confirm(d.verifier(), d.verifierPassword(), by, VERIFIERS, "verify the dispensing",
                    "verifier");
        }
        String location = d.location().strip();
        String flag = store.everAt(source.id(), location) ? null : "used at " + location + ", where container "
                + source.containerId() + " was never transferred to (last recorded at " + source.location() + ")";
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        String dispensingId = store.nextDispensingId();
        String why = "weighed for batch " + d.batch().strip() + ", step " + d.step().strip();
        change.record("Dispense " + net.toPlainString() + " " + unit.symbol() + " of " + material.materialNumber() + " from "
                + source.containerId() + " (" + dispensingId + ")", why).actingAs(actingRole());
        // the balance must be a balance, calibrated and qualified (21 CFR 211.68, 11.10(h)); its use goes into the
        // unit's logbook in this transaction, so a refused dispensing leaves no use behind
        equipment.use(new EquipmentUse(d.balanceId().strip(), BALANCE, BALANCE_CHECKS, d.batch().strip(), d.step().strip()));
        MaterialContainer into = MaterialContainer.dispensed(store.nextContainerId(), lot.id(), net, unit.symbol(),
                d.tare(), location, d.batch().strip(), d.step().strip(), by, now);
        store.persist(into);
        source.take(taken);
        store.record(source, new ContainerEvent.Facts(ContainerEvent.Kind.DISPENSED_FROM, taken, source.quantity(),
                source.unit(), source.location(), location, source.holder(), by, false, dispensingId, flag, why), by, now);
        if (source.empty()) {
            store.record(source, new ContainerEvent.Facts(ContainerEvent.Kind.EMPTIED, null, BigDecimal.ZERO, source.unit(),
                    null, null, null, null, false, dispensingId, null, "emptied by " + dispensingId), by, now);
        }
        store.record(into, new ContainerEvent.Facts(ContainerEvent.Kind.DISPENSED, net, net, unit.symbol(), null, location,
                null, by, false, dispensingId, null, why), by, now);
        store.edge(GenealogyEdge.Node.CONTAINER, source.containerId(), GenealogyEdge.Node.CONTAINER, into.containerId(),
                GenealogyEdge.Kind.DISPENSED_INTO, net, unit.symbol(), dispensingId, by, now);
        Dispensing dispensing = new Dispensing(dispensingId, source.containerId(), into.containerId(), lot.lotId(),
                material.materialNumber(), d.batch().strip(), d.step().strip(), new Dispensing.Weighing(d.target(),
                d.tolerancePercent(), d.gross(), d.tare(), unit.symbol(), d.balanceId().strip()), location, flag, by,
                verifier, now);
        store.persist(dispensing);
        store.flush();
        return MaterialReads.view(dispensing, source);
    }

    private static void text(List<DomainException.Violation> missing, String value, String field, int max) {
        if (value == null || value.isBlank()) {
            missing.add(new DomainException.Violation(field, "is required"));
        } else if (value.length() > max) {
            missing.add(new DomainException.Violation(field, "at most " + max + " characters"));
        }
    }

    private String actingRole() {
        return session.isCallerInRole("OPERATOR") ? "OPERATOR" : "SUPERVISOR";
    }

    private String caller() {
        return session.getCallerPrincipal().getName();
    }
}
