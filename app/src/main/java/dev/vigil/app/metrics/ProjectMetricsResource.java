package dev.vigil.app.metrics;

import dev.vigil.app.api.ApiKeys;
import dev.vigil.app.api.CheckView;
import dev.vigil.app.api.ProjectChecks;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A project's checks for Prometheus: {@code /projects/<project>/metrics/<read-only key>}, or without the key in the
 * path and {@code Authorization: Bearer <read-only key>} instead (for scrapers that cannot put secrets in URLs).
 * No key: 401; a key of the wrong length: 400; a wrong key: 403, as Healthchecks answers.
 */
@Path("projects/{project}/metrics")
@RequestScoped
public class ProjectMetricsResource {

    private static final String TEXT_FORMAT = "text/plain; version=0.0.4; charset=utf-8";

    @Inject
    ProjectChecks projects;

    @GET
    @Path("{key}")
    public Response withKeyInPath(@PathParam("project") String project, @PathParam("key") String key) {
        return metrics(project, key);
    }

    @GET
    @Path("{slash: /?}")
    public Response withBearer(@PathParam("project") String project,
            @HeaderParam("Authorization") String authorization) {
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            return text(401, "missing Authorization: Bearer <read-only API key>");
        }
        return metrics(project, authorization.substring("Bearer ".length()).strip());
    }

    private Response metrics(String project, String key) {
        if (key.length() != ApiKeys.LENGTH) {
            return text(400, "the key must be " + ApiKeys.LENGTH + " characters");
        }
        UUID id;
        try {
            id = UUID.fromString(project);
        } catch (IllegalArgumentException e) {
            return text(404, "not found");
        }
        Optional<List<CheckView>> checks = projects.byReadOnlyKey(id, key);
        if (checks.isEmpty()) {
            return text(403, "wrong key: use the project's read-only API key");
        }
        return Response.ok(PrometheusText.render(checks.get()), TEXT_FORMAT).build();
    }

    private static Response text(int status, String message) {
        return Response.status(status).type("text/plain").entity(message).build();
    }
}
