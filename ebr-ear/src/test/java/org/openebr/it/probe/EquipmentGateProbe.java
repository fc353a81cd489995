package org.openebr.it.probe;

import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.openebr.equipment.boundary.EquipmentAdmission;
import org.openebr.equipment.boundary.EquipmentGate;
import org.openebr.equipment.boundary.EquipmentUse;
import org.openebr.recipe.boundary.EquipmentCheck;

/**
 * Test-only: the equipment gate's writing calls (use, occupy, release) as dispensing and batch
 * execution make them, before those components exist; as the calling user.
 */
@Path("it-probe/equipment")
@Produces(MediaType.APPLICATION_JSON)
public class EquipmentGateProbe {

    @Inject
    EquipmentGate gate;

    @POST
    @Path("{id}/use")
    public EquipmentAdmission use(@PathParam("id") String id, @QueryParam("equipmentClass") String equipmentClass,
                                  @QueryParam("checks") String checks, @QueryParam("batch") String batch,
                                  @QueryParam("step") String step) {
        Set<EquipmentCheck> parsed = checks == null || checks.isBlank() ? Set.of()
                : Arrays.stream(checks.split(",")).map(EquipmentCheck::valueOf).collect(Collectors.toSet());
        return gate.use(new EquipmentUse(id, equipmentClass, parsed, batch, step));
    }

    @POST
    @Path("{id}/occupy")
    public EquipmentAdmission occupy(@PathParam("id") String id, @QueryParam("batch") String batch) {
        return gate.occupy(id, batch);
    }

    @POST
    @Path("{id}/release")
    public EquipmentAdmission release(@PathParam("id") String id, @QueryParam("batch") String batch) {
        return gate.release(id, batch);
    }
}
