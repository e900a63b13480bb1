package dev.vigil.app.alerts;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * {@code GET /health/alerts}: what this server's alert sender is doing, in one line ("running idle", "paused busy
 * 2", "paused idle", "off idle"). A rolling deploy creates the maintenance file and waits for "paused idle" before
 * it stops the server, so that no delivery is cut off.
 */
@Path("health/alerts")
@RequestScoped
public class SenderStatusResource {

    @Inject
    AlertWorker worker;

    @GET
    @Produces(MediaType.TEXT_PLAIN)
    public Response status() {
        return Response.ok(worker.status().line() + "\n", MediaType.TEXT_PLAIN_TYPE)
                .header("Cache-Control", "no-store").build();
    }
}
