package org.openebr.recipe.boundary;

import java.util.List;

/** The part of the procedure that runs on one unit, e.g. compounding in vessel V-101 (ISA-88). */
public record UnitProcedure(String id, String name, List<Operation> operations) {
}
