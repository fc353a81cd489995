package org.openebr.material.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.openebr.material.boundary.ContainerSummary;
import org.openebr.material.boundary.ContainerFacts;
import org.openebr.material.boundary.CustodyEvent;
import org.openebr.material.boundary.DispensingFacts;
import org.openebr.material.boundary.LotFacts;
import org.openebr.material.boundary.MaterialFacts;
import org.openebr.material.entity.ContainerEvent;
import org.openebr.material.entity.Dispensing;
import org.openebr.material.entity.Lot;
import org.openebr.material.entity.Material;
import org.openebr.material.entity.MaterialContainer;
import org.openebr.platform.control.SiteSettings;

/** Builds the records the material services return, inside their transaction, with today's computed status. */
@ApplicationScoped
public class MaterialReads {

    @Inject
    MaterialStore store;

    @Inject
    Clock clock;

    @Inject
    SiteSettings site;

    /** Today at the site: expiry and retest dates are days of the site's calendar. */
    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), site.zone());
    }

    public static MaterialFacts view(Material m) {
        return new MaterialFacts(m.materialNumber(), m.name(), m.type(), m.baseUnit(), m.storageConditions(),
                m.shelfLifeMonths(), m.retestMonths(), m.gtin(), m.type().controlled());
    }

    public LotFacts view(Lot lot) {
        Material material = store.material(lot.materialId());
        LocalDate today = today();
        List<ContainerSummary> containers = store.containersOf(lot.id()).stream()
                .map(c -> summary(c, lot, material)).toList();
        return new LotFacts(lot.lotId(), material.materialNumber(), material.name(), material.type().name(),
                lot.supplier(), lot.supplierLot(), lot.expiryDate(), lot.retestDate(), MaterialRules.statusOn(lot, today),
                lot.status().name(), lot.expiredOn(today), lot.retestDueOn(today), MaterialRules.usable(lot, today),
                lot.statusReason(), lot.statusChangedAt(), lot.statusChangedBy(), lot.receivedAt(), lot.receivedBy(),
                containers);
    }

    public static ContainerSummary summary(MaterialContainer c, Lot lot, Material material) {
        return new ContainerSummary(c.containerId(), lot.lotId(), material.materialNumber(), plain(c.quantity()),
                c.unit(), c.tare() == null ? null : plain(c.tare()), c.location(), c.holder(),
                c.origin().name(), c.batch(), c.step());
    }

    public ContainerFacts view(MaterialContainer c) {
        Lot lot = store.lot(c.lotRef());
        Material material = store.material(lot.materialId());
        List<CustodyEvent> history = store.history(c.id()).stream().map(MaterialReads::event).toList();
        return new ContainerFacts(c.containerId(), lot.lotId(), material.materialNumber(), material.name(),
                MaterialRules.statusOn(lot, today()), lot.expiryDate(), plain(c.quantity()), c.unit(),
                c.tare() == null ? null : plain(c.tare()), c.location(), c.holder(), c.origin().name(),
                c.batch(), c.step(), c.createdAt(), c.createdBy(), history);
    }

    static CustodyEvent event(ContainerEvent e) {
        return new CustodyEvent(e.seq(), e.kind().name(), e.quantity() == null ? null : plain(e.quantity()),
                plain(e.balance()), e.unit(), e.fromLocation(), e.toLocation(), e.fromPerson(), e.toPerson(),
                e.receivedBySignature(), e.reference(), e.flag(), e.recordedBy(), e.recordedAt(), e.reason());
    }

    public static DispensingFacts view(Dispensing d, MaterialContainer source) {
        return new DispensingFacts(d.dispensingId(), d.sourceContainer(), d.dispensedContainer(), d.lotId(),
                d.materialNumber(), d.batch(), d.step(), plain(d.target()),
                plain(d.tolerancePercent()), plain(d.gross()), plain(d.tare()),
                plain(d.net()), d.unit(), d.balanceId(), d.location(), d.locationFlag(), d.performedBy(),
                d.verifiedBy(), d.dispensedAt(), source == null ? null : plain(source.quantity()),
                source == null ? null : source.unit());
    }

    /** Without trailing zeros, never in exponent form (1000, not 1E+3). */
    public static java.math.BigDecimal plain(java.math.BigDecimal value) {
        java.math.BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
