package org.openebr.recipe.boundary;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.List;

/** The part of the procedure that runs on one unit, e.g. compounding in vessel V-101 (ISA-88). */
@JsonbPropertyOrder({"id", "name", "operations"})
public record UnitProcedure(String id, String name, List<Operation> operations) {
}
