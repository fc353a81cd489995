package org.openebr.equipment.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.openebr.equipment.control.EquipmentStore;
import org.openebr.labeling.boundary.Gs1Code;
import org.openebr.labeling.boundary.ScanKind;
import org.openebr.labeling.boundary.ScanTarget;
import org.openebr.labeling.boundary.Scanned;

/**
 * Equipment units for the scan service: a unit's barcode is its equipment id (V-101, WB-01), in any
 * case. Units carry no GS1 code. Says only what the unit is; its page applies the reading rules.
 */
@ApplicationScoped
public class EquipmentScanTarget implements ScanTarget {

    @Inject
    EquipmentStore store;

    @Override
    public ScanKind kind() {
        return ScanKind.EQUIPMENT;
    }

    @Override
    public Optional<Scanned> byId(String id) {
        return store.unit(id).map(unit -> new Scanned(ScanKind.EQUIPMENT, unit.equipmentId(),
                unit.equipmentClass().name() + " " + unit.equipmentId() + " (" + unit.description() + ") at "
                        + unit.location() + ", " + unit.status(), null));
    }

    @Override
    public Optional<Scanned> byGs1(Gs1Code code) {
        return Optional.empty();
    }
}
