package dev.vigil.app.web;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The pages' CSS and scripts, from {@code web/static/} on the class path. JAX-RS owns {@code /} here, so the
 * container's default servlet never sees these paths; a fixed list keeps anything else on the class path out.
 */
@Path("/static/{name}")
public class StaticFiles {

    private static final Map<String, String> FILES = Map.of(
            "vigil.css", "text/css; charset=UTF-8",
            "dashboard.js", "text/javascript; charset=UTF-8",
            "schedule.js", "text/javascript; charset=UTF-8",
            "webauthn.js", "text/javascript; charset=UTF-8");

    @GET
    public Response get(@PathParam("name") String name) {
        String type = FILES.get(name);
        if (type == null) {
            throw new NotFoundException();
        }
        try (InputStream in = StaticFiles.class.getResourceAsStream("/web/static/" + name)) {
            return Response.ok(in.readAllBytes(), type).header("Cache-Control", "public, max-age=300").build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
