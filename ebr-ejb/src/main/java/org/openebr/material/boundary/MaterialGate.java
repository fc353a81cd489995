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
import java.util.List;
import org.openebr.material.control.MaterialReads;
import org.openebr.material.control.MaterialRules;
import org.openebr.material.control.MaterialStore;
import org.openebr.material.entity.ContainerEvent;
import org.openebr.material.entity.GenealogyEdge;
import org.openebr.material.entity.Lot;
import org.openebr.material.entity.Material;
import org.openebr.material.entity.MaterialContainer;
import org.openebr.platform.boundary.DomainException;
import org.openebr.platform.control.ChangeContext;

/**
 * The material gate batch execution calls before a charge (EU GMP 5.34; 21 CFR 211.101(c)): the
 * container holds the material the step needs, its lot is released and neither expired nor past
 * retest at this moment, it was dispensed for this batch and step, and what it holds is within
 * the tolerance of the scaled target. Reads only; a refusal names the rule and the value.
 */
@Stateless
@RolesAllowed({"OPERATOR", "SUPERVISOR", "QA_REVIEWER", "QA_RELEASER", "INSPECTOR"})
public class MaterialGate {

    @Inject
    MaterialStore store;

    @Inject
    MaterialReads reads;

    @Inject
    ChangeContext change;

    @Inject
    Clock clock;

    @Resource
    SessionContext session;

    public MaterialAdmission admit(MaterialUse use) {
        if (use == null || use.containerId() == null || use.materialNumber() == null || use.batch() == null
                || use.step() == null || use.scaledTarget() == null || use.tolerancePercent() == null || use.unit() == null) {
            throw MaterialRules.incomplete("Name the container, material, batch, step, scaled target, tolerance and unit of the"
                    + " charge.", "$", "every part is required");
        }
        MaterialContainer container = store.existingContainer(use.containerId());
        Lot lot = store.lot(container.lotRef());
        Material material = store.material(lot.materialId());
        if (!material.materialNumber().equals(use.materialNumber())) {
            throw new MaterialRefused(MaterialRefused.Reason.WRONG_MATERIAL, "Container " + container.containerId()
                    + " holds " + material.materialNumber() + " (" + material.name() + "), not " + use.materialNumber() + ".");
        }
        MaterialRules.requireUsable(lot, reads.today());
        if (container.origin() != MaterialContainer.Origin.DISPENSED || !use.batch().equals(container.batch())
                || !use.step().equals(container.step())) {
            throw new MaterialRefused(MaterialRefused.Reason.NOT_DISPENSED_FOR_STEP, "Container " + container.containerId()
                    + (container.origin() == MaterialContainer.Origin.DISPENSED
                    ? " was dispensed for batch " + container.batch() + ", step " + container.step()
                    : " is a stock container, not one dispensed")
                    + "; this charge is batch " + use.batch() + ", step " + use.step() + ".",
                    List.of(new DomainException.Violation("containerId", "a container dispensed for this batch and step")));
        }
        if (container.empty()) {
            throw new MaterialRefused(MaterialRefused.Reason.OUT_OF_TOLERANCE, "Container " + container.containerId()
                    + " is empty: it was charged or used up already; scan the container that holds the charge.",
                    List.of(new DomainException.Violation("containerId", "a container that is not empty")));
        }
        MaterialRules.positive(use.scaledTarget(), "scaledTarget");
        QuantityUnit unit = MaterialRules.unit(use.unit(), "unit");
        BigDecimal held = MaterialRules.convert(container.quantity(), QuantityUnit.of(container.unit()).orElseThrow(), unit,
                "The charge", "unit");
        if (!MaterialRules.withinTolerance(held, use.scaledTarget(), use.tolerancePercent())) {
            throw new MaterialRefused(MaterialRefused.Reason.OUT_OF_TOLERANCE, "Container " + container.containerId()
                    + " holds " + MaterialReads.plain(held).toPlainString() + " " + unit.symbol() + ", outside the target "
                    + MaterialRules.band(use.scaledTarget(), use.tolerancePercent(), unit.symbol()) + ".");
        }
        return new MaterialAdmission(container.containerId(), lot.lotId(), material.materialNumber(),
                MaterialReads.plain(container.quantity()), container.unit(), lot.expiryDate(), lot.retestDate());
    }

    /**
     * A charge: the gate admits the container, then its whole content goes into the batch (EU GMP 5.34;
     * 21 CFR 211.184(b)): a CONSUMED entry in its history, empty from then on, and a genealogy edge from the
     * container to the batch, in the caller's transaction. The container is locked while this happens, so
     * two terminals charging it at once are served one after the other and the second finds it empty.
     */
    @RolesAllowed({"OPERATOR", "SUPERVISOR"})
    public MaterialAdmission consume(MaterialUse use) {
        if (use != null && use.containerId() != null) {
            store.lockedContainer(use.containerId().strip());
        }
        MaterialAdmission admitted = admit(use);
        MaterialContainer container = store.existingContainer(admitted.containerId());
        String by = session.getCallerPrincipal().getName();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        BigDecimal all = container.quantity();
        String why = "charged into batch " + use.batch() + ", step " + use.step();
        ChangeContext.Change current = change.current();
        change.record(current.command() == null ? "Charge container " + container.containerId() : current.command(),
                current.reason() == null ? why : current.reason());
        container.take(all);
        store.record(container, new ContainerEvent.Facts(ContainerEvent.Kind.CONSUMED, all, BigDecimal.ZERO, container.unit(),
                container.location(), null, container.holder(), null, false, use.batch(), null, why), by, now);
        // the edge names the batch as its target; its reference is the step (the column holds 24 characters:
        // "B-2026-0001:weigh_phosphate" did not fit, and the charge of every batch's phosphate failed at commit)
        store.edge(GenealogyEdge.Node.CONTAINER, container.containerId(), GenealogyEdge.Node.BATCH, use.batch(),
                GenealogyEdge.Kind.CONSUMED_INTO, all, container.unit(), use.step(), by, now);
        store.flush();
        return admitted;
    }
}
