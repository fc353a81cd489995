package org.openebr.api;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import org.openebr.platform.boundary.DomainException;

/** A business rule said no: the problem document carries the rule's own words and status. */
@Provider
public class DomainExceptionMapper extends ProblemMapper<DomainException> {

    @Override
    public Response toResponse(DomainException exception) {
        return ruleBroken(exception);
    }
}
