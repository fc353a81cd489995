package org.openebr.recipe.boundary;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.List;

/** A group of steps within a unit procedure, e.g. "weighing" or "pH adjustment" (ISA-88). */
@JsonbPropertyOrder({"id", "name", "steps"})
public record Operation(String id, String name, List<Step> steps) {
}
