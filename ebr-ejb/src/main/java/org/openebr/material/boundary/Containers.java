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
import java.util.Set;
import org.openebr.material.control.MaterialReads;
import org.openebr.material.control.MaterialRules;
import org.openebr.material.control.MaterialStore;
import org.openebr.material.control.Witnesses;
import org.openebr.material.entity.ContainerEvent;
import org.openebr.material.entity.GenealogyEdge;
import org.openebr.material.entity.Lot;
import org.openebr.material.entity.Material;
import org.openebr.material.entity.MaterialContainer;
import org.openebr.platform.boundary.DomainException;
import org.openebr.platform.control.ChangeContext;

/**
 * Containers and their chain of custody (EU GMP 5.2, 5.8; 21 CFR 211.184): every movement and
 * hand-over is an entry of the container's history, from where and whom to where and whom, who,
 * when and why. A hand-over of a controlled material to another person needs that person's
 * password on the spot.
 */
@Stateless
@RolesAllowed({"OPERATOR", "SUPERVISOR", "QA_REVIEWER", "QA_RELEASER", "WAREHOUSE", "INSPECTOR"})
public class Containers {

    /** Who may receive a container handed over. */
    static final Set<String> RECEIVERS = Set.of("WAREHOUSE", "OPERATOR", "SUPERVISOR");

    @Inject
    MaterialStore store;

    @Inject
    MaterialReads reads;

    @Inject
    Witnesses witnesses;

    @Inject
    ChangeContext change;

    @Inject
    Clock clock;

    @Resource
    SessionContext session;

    /** The container with its complete custody history, oldest first. */
    public ContainerFacts container(String containerId) {
        return reads.view(store.existingContainer(containerId));
    }

    /**
     * A movement to a place, and a hand-over when a person is named. A controlled material (API)
     * handed to another person needs that person's password ({@code receiverPassword}).
     */
    @RolesAllowed({"WAREHOUSE", "OPERATOR", "SUPERVISOR"})
    public ContainerFacts transfer(String containerId, Transfer transfer) {
        if (transfer == null) {
            throw MaterialRules.incomplete("The request carries no transfer.", "$", "is required");
        }
        String why = MaterialRules.reason(transfer.reason());
        if (transfer.toLocation() == null || transfer.toLocation().isBlank() || transfer.toLocation().length() > 100) {
            throw MaterialRules.incomplete("Say where the container goes (toLocation, at most 100 characters).", "toLocation",
                    "is required");
        }
        if (transfer.toPerson() != null && (transfer.toPerson().isBlank() || transfer.toPerson().length() > 64)) {
            throw MaterialRules.incomplete("toPerson names a user (at most 64 characters), or is absent.", "toPerson", "a user name");
        }
        String by = caller();
        MaterialContainer container = store.lockedContainer(containerId);
        Lot lot = store.lot(container.lotRef());
        Material material = store.material(lot.materialId());
        String toPerson = transfer.toPerson() == null ? null : transfer.toPerson().strip();
        boolean handOver = toPerson != null && !toPerson.equalsIgnoreCase(by);
        boolean signed = false;
        if (handOver && (material.type().controlled() || transfer.receiverPassword() != null)) {
            if (material.type().controlled() && (transfer.receiverPassword() == null || transfer.receiverPassword().length == 0)) {
                throw new MaterialRefused(MaterialRefused.Reason.RECEIVER_SIGNATURE_REQUIRED, container.containerId()
                        + " holds " + material.name() + " (" + material.type() + "), a controlled material: "
                        + toPerson + " must confirm receiving it with their password.",
                        List.of(new DomainException.Violation("receiverPassword", "is required")));
            }
            toPerson = witnesses.confirm(toPerson, transfer.receiverPassword(), by, RECEIVERS,
                    "receive container " + container.containerId(), "receiver");
            signed = true;
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        String place = transfer.toLocation().strip();
        change.record((handOver ? "Hand over " : "Move ") + "container " + container.containerId() + " to " + place
                + (toPerson == null ? "" : " (" + toPerson + ")"), why).actingAs(actingRole());
        ContainerEvent.Kind kind = toPerson == null || !handOver ? ContainerEvent.Kind.MOVED : ContainerEvent.Kind.HANDED_OVER;
        store.record(container, new ContainerEvent.Facts(kind, null, container.quantity(), container.unit(),
                container.location(), place, container.holder(), toPerson, signed, null, null, why), by, now);
        container.moveTo(place, toPerson);
        store.flush();
        return reads.view(container);
    }

    /**
     * A part of a container into a new container of the same lot, at the same place (sub-lotting, e.g.
     * a 25 kg bag into smaller bags): both histories record the split, and a SPLIT genealogy edge
     * links them. The quantity is in any unit of the container's dimension; never more than it holds.
     */
    @RolesAllowed("WAREHOUSE")
    public ContainerFacts split(String containerId, BigDecimal quantity, String unit, String reason) {
        String why = MaterialRules.reason(reason);
        MaterialRules.positive(quantity, "quantity");
        QuantityUnit in = MaterialRules.unit(unit, "unit");
        String by = caller();
        MaterialContainer source = store.lockedContainer(containerId);
        QuantityUnit kept = QuantityUnit.of(source.unit()).orElseThrow();
        BigDecimal taken = MaterialRules.convert(quantity, in, kept, "Container " + source.containerId(), "unit");
        if (taken.compareTo(source.quantity()) >= 0) {
            throw new MaterialRefused(MaterialRefused.Reason.OVERDRAW, "Container " + source.containerId() + " holds "
                    + MaterialReads.plain(source.quantity()).toPlainString() + " " + source.unit() + "; a split takes less"
                    + " than all of it (" + MaterialReads.plain(taken).toPlainString() + " " + source.unit() + " asked).",
                    List.of(new DomainException.Violation("quantity", "less than the container holds")));
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        MaterialContainer part = MaterialContainer.received(store.nextContainerId(), source.lotRef(), taken, source.unit(),
                null, source.location(), by, now);
        change.record("Split " + MaterialReads.plain(taken).toPlainString() + " " + source.unit() + " of container "
                + source.containerId() + " into " + part.containerId(), why).actingAs("WAREHOUSE");
        store.persist(part);
        source.take(taken);
        store.record(source, new ContainerEvent.Facts(ContainerEvent.Kind.SPLIT, taken, source.quantity(), source.unit(),
                source.location(), source.location(), source.holder(), null, false, part.containerId(), null, why), by, now);
        store.record(part, new ContainerEvent.Facts(ContainerEvent.Kind.SPLIT, taken, taken, part.unit(), null,
                part.location(), null, null, false, source.containerId(), null, why), by, now);
        store.edge(GenealogyEdge.Node.CONTAINER, source.containerId(), GenealogyEdge.Node.CONTAINER, part.containerId(),
                GenealogyEdge.Kind.SPLIT, taken, source.unit(), null, by, now);
        store.flush();
        return reads.view(part);
    }

    private String actingRole() {
        for (String role : List.of("WAREHOUSE", "OPERATOR", "SUPERVISOR")) {
            if (session.isCallerInRole(role)) {
                return role;
            }
        }
        return null;
    }

    private String caller() {
        return session.getCallerPrincipal().getName();
    }
}
