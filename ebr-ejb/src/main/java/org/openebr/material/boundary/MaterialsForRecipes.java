package org.openebr.material.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.openebr.recipe.boundary.RecipeMasterData;

/** The materials a recipe may name, as the material master resolves them: asked when a version is submitted. */
@ApplicationScoped
public class MaterialsForRecipes implements RecipeMasterData {

    @Inject
    MaterialMaster master;

    @Override
    public Kind kind() {
        return Kind.MATERIAL;
    }

    @Override
    public boolean knows(String name) {
        return master.resolve(name).isPresent();
    }
}
