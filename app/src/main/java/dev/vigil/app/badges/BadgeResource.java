package dev.vigil.app.badges;

import dev.vigil.app.api.CheckView;
import dev.vigil.app.api.ProjectChecks;
import dev.vigil.app.checks.Status;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Public status badges, never cached and open to any origin: per project tag ({@code *} for all checks) and per
 * check. An unknown key, a wrong signature or an unknown format is a plain 404.
 */
@Path("/")
@RequestScoped
public class BadgeResource {

    private static final String ALL_LABEL = "Vigil";

    @Inject
    ProjectChecks projects;

    @GET
    @Path("badge/{key}/{sig}/{file}")
    public Response tagBadge(@PathParam("key") String key, @PathParam("sig") String sig,
            @PathParam("file") String file) {
        int dot = file.lastIndexOf('.');
        return dot < 1 ? notFound() : projectBadge(key, sig, file.substring(0, dot), file.substring(dot + 1));
    }

    @GET
    @Path("badge/{key}/{file}")
    public Response allBadge(@PathParam("key") String key, @PathParam("file") String file) {
        int dot = file.lastIndexOf('.');
        return dot < 1 ? notFound() : projectBadge(key, file.substring(0, dot), BadgeUrls.ALL, file.substring(dot + 1));
    }

    @GET
    @Path("b/{states: [23]}/{file}")
    public Response checkBadge(@PathParam("states") String states, @PathParam("file") String file) {
        int dot = file.lastIndexOf('.');
        UUID badgeKey;
        try {
            badgeKey = UUID.fromString(dot < 0 ? "" : file.substring(0, dot));
        } catch (IllegalArgumentException e) {
            return notFound();
        }
        Optional<CheckView> check = projects.checkByBadgeKey(badgeKey);
        if (check.isEmpty()) {
            return notFound();
        }
        String label = check.get().row().name().isEmpty() ? check.get().row().id().toString()
                : check.get().row().name();
        return render(label, List.of(check.get().status().status()), "3".equals(states), file.substring(dot + 1));
    }

    private Response projectBadge(String key, String sig, String tag, String format) {
        boolean threeState = !sig.endsWith("-2");
        String bareSig = threeState ? sig : sig.substring(0, sig.length() - 2);
        if (key.length() > 100 || !BadgeUrls.signatureMatches(key, tag, bareSig)) {
            return notFound();
        }
        Optional<List<CheckView>> checks = projects.byBadgeKey(key);
        if (checks.isEmpty()) {
            return notFound();
        }
        List<Status> statuses = checks.get().stream()
                .filter(v -> BadgeUrls.ALL.equals(tag) || v.row().tagList().contains(tag))
                .map(v -> v.status().status()).toList();
        return render(BadgeUrls.ALL.equals(tag) ? ALL_LABEL : tag, statuses, threeState, format);
    }

    private static Response render(String label, List<Status> statuses, boolean threeState, String format) {
        BadgeState state = BadgeState.of(statuses, threeState);
        Response.ResponseBuilder r = switch (format) {
            case "svg" -> Response.ok(BadgeRenderer.svg(label, state), "image/svg+xml");
            case "json" -> Response.ok(BadgeRenderer.json(state, statuses), "application/json");
            case "shields" -> Response.ok(BadgeRenderer.shields(label, state), "application/json");
            default -> null;
        };
        if (r == null) {
            return notFound();
        }
        return r.header("Cache-Control", "no-cache, no-store, must-revalidate")
                .header("Access-Control-Allow-Origin", "*").build();
    }

    private static Response notFound() {
        return Response.status(404).type("text/plain").entity("not found").build();
    }
}
