package io.cedarwood.jakarta.jaxrs;

import io.cedarwood.jakarta.CedarAccessDeniedException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Answers a {@link CedarAccessDeniedException} with 403 (401 when the caller was not authenticated) and an
 * empty body: the decision's diagnostics stay in the log. Register it (or let JAX-RS scanning find it) when
 * JAX-RS is present.
 */
@Provider
public class CedarAccessDeniedExceptionMapper implements ExceptionMapper<CedarAccessDeniedException> {
    @Override
    public Response toResponse(CedarAccessDeniedException exception) {
        return Response.status(exception.decision().isAuthenticated()
                ? Response.Status.FORBIDDEN : Response.Status.UNAUTHORIZED).build();
    }
}
