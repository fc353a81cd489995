package org.openebr.it.probe;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * Test-only resource, added to the real EAR by the integration tests and never shipped: it lets
 * the tests send bad input to an endpoint that reads and validates a JSON command, before the
 * domain's own commands exist.
 */
@Path("it-probe")
public class ProbeResource {

    public record ProbeOrder(@NotBlank String orderNumber, @Positive int quantity,
                             @NotNull @Size(max = 20) String material) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public ProbeOrder accept(@Valid @NotNull ProbeOrder order) {
        return order;
    }

    @GET
    @Path("failure")
    public String failure() {
        throw new IllegalStateException("probe failure: internal detail that must not reach the caller");
    }
}
