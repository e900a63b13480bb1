package dev.vigil.app.api;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every other failure of a resource: routing errors (404, 405, 415) keep their status with a JSON error; anything
 * unexpected is logged here and answered with a bare 500, never a stack trace.
 */
@Provider
public class UnexpectedErrorMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(UnexpectedErrorMapper.class.getName());

    @Override
    public Response toResponse(Throwable e) {
        if (e instanceof WebApplicationException w && w.getResponse().getStatus() < 500) {
            Response.StatusType status = w.getResponse().getStatusInfo();
            return ApiExceptionMapper.error(status.getStatusCode(), status.getReasonPhrase().toLowerCase());
        }
        LOG.log(Level.SEVERE, "request failed", e);
        return ApiExceptionMapper.error(500, "internal error");
    }
}
