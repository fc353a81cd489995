package org.openebr.equipment.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.openebr.equipment.control.EquipmentStore;
import org.openebr.recipe.boundary.RecipeMasterData;

/** The equipment classes a recipe's equipment steps may name (by name, any case): asked when a version is submitted. */
@ApplicationScoped
public class EquipmentClassesForRecipes implements RecipeMasterData {

    @Inject
    EquipmentStore store;

    @Override
    public Kind kind() {
        return Kind.EQUIPMENT_CLASS;
    }

    @Override
    public boolean knows(String name) {
        return store.equipmentClass(name).isPresent();
    }
}
