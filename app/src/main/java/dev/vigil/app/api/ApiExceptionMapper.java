package dev.vigil.app.api;

import jakarta.json.Json;
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
        return error(e.status(), e.getMessage());
    }

    static Response error(int status, String message) {
        return Response.status(status).type("application/json")
                .entity(Json.createObjectBuilder().add("error", message).build().toString()).build();
    }
}
