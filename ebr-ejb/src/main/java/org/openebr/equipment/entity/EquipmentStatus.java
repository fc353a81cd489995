package org.openebr.equipment.entity;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Where a unit is in its use cycle (EU GMP 3.36, 5.20): cleaned, in use by a batch, dirty after use,
 * under maintenance, or out of service. Each status owns the statuses it may become; which event
 * moves it is the unit's business ({@link EquipmentUnit}).
 */
public enum EquipmentStatus {
    CLEAN, IN_USE, DIRTY, MAINTENANCE, OUT_OF_SERVICE;

    private static final Map<EquipmentStatus, Set<EquipmentStatus>> NEXT = Map.of(
            CLEAN, EnumSet.of(IN_USE, DIRTY, CLEAN, MAINTENANCE, OUT_OF_SERVICE),
            IN_USE, EnumSet.of(DIRTY, MAINTENANCE, OUT_OF_SERVICE),
            DIRTY, EnumSet.of(CLEAN, MAINTENANCE, OUT_OF_SERVICE),
            // after maintenance or repair a unit is cleaned before it is used again
            MAINTENANCE, EnumSet.of(DIRTY, OUT_OF_SERVICE),
            OUT_OF_SERVICE, EnumSet.of(DIRTY, MAINTENANCE));

    public boolean canBecome(EquipmentStatus target) {
        return NEXT.get(this).contains(target);
    }
}
