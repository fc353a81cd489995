package org.openebr.material.boundary;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import org.openebr.labeling.boundary.LabelContent;
import org.openebr.material.control.MaterialReads;
import org.openebr.material.control.MaterialRules;
import org.openebr.material.control.MaterialStore;
import org.openebr.material.entity.Lot;
import org.openebr.material.entity.Material;
import org.openebr.material.entity.MaterialContainer;

/**
 * What a container's label shows, read in one transaction: the container now (quantity), its lot
 * (ids, supplier, dates, status today) and its material (number, name, GTIN). The label itself is
 * the labeling component's; the warehouse prints labels, QA and inspectors read them.
 */
@Stateless
@RolesAllowed({"WAREHOUSE", "QA_REVIEWER", "QA_RELEASER", "INSPECTOR"})
public class ContainerLabels {

    @Inject
    MaterialStore store;

    @Inject
    MaterialReads reads;

    @Inject
    Clock clock;

    @Resource
    SessionContext session;

    public LabelContent content(String containerId) {
        MaterialContainer container = store.existingContainer(containerId);
        Lot lot = store.lot(container.lotRef());
        Material material = store.material(lot.materialId());
        return new LabelContent(container.containerId(), material.materialNumber(), material.name(), material.gtin(),
                lot.lotId(), lot.supplier(), lot.supplierLot(), MaterialReads.plain(container.quantity()), container.unit(),
                lot.expiryDate(), lot.retestDate(), MaterialRules.statusOn(lot, reads.today()),
                session.getCallerPrincipal().getName(), clock.instant());
    }
}
