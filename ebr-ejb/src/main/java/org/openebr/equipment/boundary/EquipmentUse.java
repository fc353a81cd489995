package org.openebr.equipment.boundary;

import java.util.Set;
import org.openebr.recipe.boundary.EquipmentCheck;

/**
 * What a use of a unit needs: the class the step names (null: any) and the recipe's checks.
 *
 * @param equipmentId the unit's id, as scanned from its barcode
 * @param checks      what the step verifies; null or empty: only the rules that always apply
 * @param batch       the batch that uses the unit
 * @param step        the step of the batch, or null
 */
public record EquipmentUse(String equipmentId, String equipmentClass, Set<EquipmentCheck> checks, String batch,
                           String step) {
}
