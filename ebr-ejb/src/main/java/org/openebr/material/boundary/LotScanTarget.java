package org.openebr.material.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.openebr.labeling.boundary.Gs1Code;
import org.openebr.labeling.boundary.ScanKind;
import org.openebr.labeling.boundary.ScanTarget;
import org.openebr.labeling.boundary.Scanned;
import org.openebr.material.control.MaterialReads;
import org.openebr.material.control.MaterialRules;
import org.openebr.material.control.MaterialStore;
import org.openebr.material.entity.Lot;
import org.openebr.material.entity.Material;

/**
 * Lots for the scan service: by internal lot id, or by a GS1 code without serial whose lot (10) is
 * the internal lot id and whose GTIN (01) is the lot's material's. Says only what the lot is and
 * its status today; its page applies the reading rules.
 */
@ApplicationScoped
public class LotScanTarget implements ScanTarget {

    @Inject
    MaterialStore store;

    @Inject
    MaterialReads reads;

    @Override
    public ScanKind kind() {
        return ScanKind.LOT;
    }

    @Override
    public Optional<Scanned> byId(String id) {
        return store.lot(id).map(this::scanned);
    }

    @Override
    public Optional<Scanned> byGs1(Gs1Code code) {
        if (code.serial() != null || code.lot() == null) {
            return Optional.empty();
        }
        return store.lot(code.lot())
                .filter(lot -> code.gtin().equals(store.material(lot.materialId()).gtin()))
                .map(this::scanned);
    }

    private Scanned scanned(Lot lot) {
        Material material = store.material(lot.materialId());
        return new Scanned(ScanKind.LOT, lot.lotId(), "lot " + lot.lotId() + ", " + material.name() + " ("
                + material.materialNumber() + "), " + MaterialRules.statusOn(lot, reads.today()), null);
    }
}
