package dev.vigil.app.health;

import dev.vigil.app.lifecycle.GracefulShutdown;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.Optional;

/**
 * The load balancers' health check: 200 "ok" when this server can serve; 404 "maintenance" while the maintenance
 * file exists (HAProxy's {@code disable-on-404} drains the server); 503 with a reason when the database does not
 * answer (HAProxy marks the server down). HEAD is answered from the same method by JAX-RS.
 */
@Path("health")
@RequestScoped
public class HealthResource {

    @Inject
    MaintenanceFlag maintenance;

    @Inject
    DatabaseProbe database;

    @GET
    @Produces(MediaType.TEXT_PLAIN)
    public Response health() {
        if (GracefulShutdown.draining()) {
            return plain(Response.Status.SERVICE_UNAVAILABLE, "shutting down");
        }
        if (maintenance.active()) {
            return plain(Response.Status.NOT_FOUND, "maintenance");
        }
        Optional<String> problem = database.problem();
        return problem.map(p -> plain(Response.Status.SERVICE_UNAVAILABLE, p))
                .orElseGet(() -> plain(Response.Status.OK, "ok"));
    }

    private static Response plain(Response.Status status, String body) {
        return Response.status(status).type(MediaType.TEXT_PLAIN_TYPE).header("Cache-Control", "no-store")
                .entity(body + "\n").build();
    }
}
