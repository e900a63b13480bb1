package dev.vigil.app.api;

import dev.vigil.app.JsonBuilders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** A refused request: its status and {@code {"error": "..."}} (or plain text where Healthchecks answers so). */
@Provider
public class ApiExceptionMapper implements ExceptionMapper<ApiException> {

    @Override
    public Response toResponse(ApiException e) {
        if (e.plainText()) {
            return Response.status(e.status()).type("text/plain").entity(e.getMessage()).build();
        }
        Response.ResponseBuilder r = errorBuilder(e.status(), e.getMessage());
        if (e.status() == 413) {
            r.header("Connection", "close"); // the end of a very large body was never read
        }
        return r.build();
    }

    static Response error(int status, String message) {
        return errorBuilder(status, message).build();
    }

    private static Response.ResponseBuilder errorBuilder(int status, String message) {
        return Response.status(status).type("application/json")
                .entity(JsonBuilders.object().add("error", message).build().toString());
    }
}
