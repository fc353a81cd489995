package org.openebr.api;

import jakarta.ejb.EJBAccessException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

/** A service refused the caller's role (EJB {@code @RolesAllowed}): 403, and a security event. */
@Provider
public class AccessDeniedMapper extends ProblemMapper<EJBAccessException> {

    @Override
    public Response toResponse(EJBAccessException exception) {
        return forbidden();
    }
}
