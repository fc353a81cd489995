package org.openebr.material.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.openebr.labeling.boundary.Gs1Code;
import org.openebr.labeling.boundary.ScanKind;
import org.openebr.labeling.boundary.ScanTarget;
import org.openebr.labeling.boundary.Scanned;
import org.openebr.material.control.MaterialStore;
import org.openebr.material.entity.Lot;
import org.openebr.material.entity.Material;
import org.openebr.material.entity.MaterialContainer;

/**
 * Containers for the scan service: by container id, or by a label's GS1 code whose serial (21) is
 * the container id, whose GTIN (01) is its material's and whose lot (10), where present, is its
 * lot. A code that names a container under another material's GTIN or another lot is not that
 * container. Says only what the container is; its page applies the reading rules.
 */
@ApplicationScoped
public class ContainerScanTarget implements ScanTarget {

    @Inject
    MaterialStore store;

    @Override
    public ScanKind kind() {
        return ScanKind.CONTAINER;
    }

    @Override
    public Optional<Scanned> byId(String id) {
        return store.container(id).map(this::scanned);
    }

    @Override
    public Optional<Scanned> byGs1(Gs1Code code) {
        if (code.serial() == null) {
            return Optional.empty();
        }
        return store.container(code.serial()).filter(container -> {
            Lot lot = store.lot(container.lotRef());
            Material material = store.material(lot.materialId());
            return code.gtin().equals(material.gtin()) && (code.lot() == null || code.lot().equals(lot.lotId()));
        }).map(this::scanned);
    }

    private Scanned scanned(MaterialContainer container) {
        Lot lot = store.lot(container.lotRef());
        Material material = store.material(lot.materialId());
        return new Scanned(ScanKind.CONTAINER, container.containerId(), "container " + container.containerId() + " of lot "
                + lot.lotId() + ", " + material.name() + " (" + material.materialNumber() + "), "
                + container.quantity().stripTrailingZeros().toPlainString() + " " + container.unit() + " at "
                + container.location(), null);
    }
}
