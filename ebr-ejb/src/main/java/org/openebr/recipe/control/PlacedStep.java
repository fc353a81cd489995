package org.openebr.recipe.control;

import org.openebr.recipe.boundary.Step;

/** A step with the JSON path it was found at, so every problem about it can name its place. */
record PlacedStep(String path, Step step) {

    String id() {
        return step.id();
    }
}
