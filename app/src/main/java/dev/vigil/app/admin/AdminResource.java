package dev.vigil.app.admin;

import dev.vigil.app.JsonBuilders;
import dev.vigil.app.api.ApiException;
import dev.vigil.app.api.JsonBodies;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Logger;

/**
 * Bootstrap without a user interface: {@code POST /api/admin/v1/projects} with {@code Authorization: Bearer
 * <VIGIL_ADMIN_TOKEN>} and {@code {"email": ..., "project": ...}} creates the user (if new) and a project, and
 * returns its ping key and API keys once (201); asked again for a project that user already owns, it returns that
 * project and its ping key without keys (200). Off (404) unless the token is configured. After 30 wrong tokens in a
 * minute every request is refused (429) until the minute is over, which makes guessing hopeless; every use is
 * logged, never with a secret.
 */
@Path("api/admin/v1/projects")
@ApplicationScoped
public class AdminResource {

    private static final Logger LOG = Logger.getLogger(AdminResource.class.getName());

    private AdminToken token;
    private final RateLimit rateLimit = new RateLimit(30, Duration.ofMinutes(1)); // failed attempts

    @Inject
    ProjectProvisioner provisioner;

    @Inject
    void configure(@ConfigProperty(name = "vigil.admin.token", defaultValue = " ") String configured) {
        this.token = new AdminToken(configured);
    }

    @POST
    public Response create(@HeaderParam("Authorization") String authorization, @Context HttpServletRequest request,
            InputStream body) {
        String from = request.getRemoteAddr();
        if (!token.enabled()) {
            throw ApiException.notFound();
        }
        if (rateLimit.exhausted(Instant.now())) {
            LOG.warning(() -> "admin API: request from " + from + " refused, too many wrong tokens this minute");
            throw ApiException.status(429, "too many failed attempts, try again in a minute");
        }
        if (!token.accepts(authorization)) {
            rateLimit.tryAcquire(Instant.now());
            LOG.warning(() -> "admin API: request from " + from + " refused, wrong or missing token");
            throw ApiException.unauthorized("wrong or missing admin token");
        }
        JsonObject json = JsonBodies.read(body);
        String email = text(json, "email", 254);
        if (!email.matches("[^@\\s]+@[^@\\s]+")) {
            throw ApiException.invalid("email", "is not an email address");
        }
        String projectName = text(json, "project", 100);
        if (projectName.isBlank()) {
            throw ApiException.invalid("project", "is empty");
        }
        ProjectProvisioner.NewProject p = provisioner.create(email, projectName);
        LOG.info(() -> "admin API: " + from + (p.created() ? " created project " : " found existing project ")
                + p.project() + " for " + email);
        JsonObjectBuilder answer = JsonBuilders.object()
                .add("project", p.project().toString())
                .add("ping_key", p.pingKey());
        if (p.created()) {
            answer.add("api_key", p.apiKey()).add("api_key_readonly", p.apiKeyReadOnly());
        }
        return Response.status(p.created() ? 201 : 200).type("application/json").entity(answer.build().toString())
                .build();
    }

    private static String text(JsonObject json, String field, int maxLength) {
        if (!(json.get(field) instanceof JsonString s)) {
            throw ApiException.invalid(field, json.containsKey(field) ? "is not a string" : "is missing");
        }
        if (s.getString().length() > maxLength) {
            throw ApiException.invalid(field, "is too long (at most " + maxLength + " characters)");
        }
        return s.getString();
    }
}
