package org.openebr.it.probe;

import jakarta.inject.Inject;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

/** Test-only: sets the value of an IT_STEP record (see {@link ItStepRecordType}). */
@Path("it-probe/steps")
public class StepProbe {

    @Inject
    ItStepRecordType steps;

    @PUT
    @Path("{id}")
    public void record(@PathParam("id") String id, @QueryParam("parameter") String parameter,
                       @QueryParam("value") String value, @QueryParam("unit") String unit) {
        steps.record(id, parameter, value, unit);
    }
}
