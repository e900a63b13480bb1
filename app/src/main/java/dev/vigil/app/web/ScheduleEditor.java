package dev.vigil.app.web;

import dev.vigil.app.JsonBuilders;
import dev.vigil.app.accounts.Accounts;
import dev.vigil.app.accounts.ProjectRole;
import dev.vigil.app.api.ApiCaller;
import dev.vigil.app.api.ApiException;
import dev.vigil.app.api.CheckRow;
import dev.vigil.app.api.ChecksService;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.time.Instant;
import java.util.Optional;

/**
 * A check's schedule editor: simple (period and grace) or cron (expression, zone, grace), with a preview of the
 * description and the next expected times. Without JavaScript the "Preview" button reloads the page with the typed
 * values; with it, {@code schedule.js} asks {@code preview.json} as the user types. Saving goes through the API's
 * update.
 */
@Path("/checks/{check}/schedule")
@WebPages
public class ScheduleEditor {

    @Inject
    Accounts accounts;

    @Inject
    ChecksService checks;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response form(@Context ContainerRequestContext request, @PathParam("check") String check,
            @QueryParam("kind") String kind, @QueryParam("timeout") String timeout,
            @QueryParam("schedule") String schedule, @QueryParam("tz") String tz, @QueryParam("grace") String grace) {
        WebContext web = WebContext.of(request);
        return withCheck(web, check, false, (row, role) -> {
            SchedulePreview.Fields f = kind == null ? stored(row)
                    : new SchedulePreview.Fields(kind, timeout, schedule, tz, grace);
            return Response.ok(page(web, row, f, null)).build();
        });
    }

    @GET
    @Path("preview.json")
    @Produces(MediaType.APPLICATION_JSON)
    public Response preview(@Context ContainerRequestContext request, @PathParam("check") String check,
            @QueryParam("kind") String kind, @QueryParam("timeout") String timeout,
            @QueryParam("schedule") String schedule, @QueryParam("tz") String tz, @QueryParam("grace") String grace) {
        return withCheck(WebContext.of(request), check, false, (row, role) -> {
            SchedulePreview p = SchedulePreview.of(new SchedulePreview.Fields(kind, timeout, schedule, tz, grace),
                    Instant.now());
            JsonObjectBuilder b = JsonBuilders.object();
            if (p.error() != null) {
                b.add("error", p.error());
            } else {
                JsonArrayBuilder next = JsonBuilders.array();
                p.next().forEach(next::add);
                b.add("description", p.description()).add("next", next);
            }
            return Response.ok(b.build().toString(), MediaType.APPLICATION_JSON).header("Cache-Control", "no-store").build();
        });
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response save(@Context ContainerRequestContext request, @PathParam("check") String check,
            @FormParam("kind") String kind, @FormParam("timeout") String timeout,
            @FormParam("schedule") String schedule, @FormParam("tz") String tz, @FormParam("grace") String grace) {
        WebContext web = WebContext.of(request);
        SchedulePreview.Fields f = new SchedulePreview.Fields(kind, timeout, schedule, tz, grace);
        return withCheck(web, check, true, (row, role) -> {
            SchedulePreview p = SchedulePreview.of(f, Instant.now());
            if (p.error() != null) {
                return Response.status(400).entity(page(web, row, f, p.error())).build();
            }
            try {
                checks.update(new ApiCaller(row.projectId(), false), row.id(), body(f));
            } catch (ApiException e) {
                return Response.status(400).entity(page(web, row, f, e.getMessage())).build();
            }
            return Response.seeOther(URI.create("/checks/" + row.id() + "/details/")).build();
        });
    }

    /** A page of a check in a project the user is a member of (writing: not read-only); 404 otherwise. */
    private Response withCheck(WebContext web, String check, boolean write, CheckPage page) {
        if (web.user().isEmpty()) {
            return PageAccess.toLogin();
        }
        Optional<CheckRow> row = PageAccess.uuid(check).flatMap(checks::find);
        if (row.isEmpty()) {
            return PageAccess.notFound(web);
        }
        return PageAccess.member(accounts, web, row.get().projectId().toString(), (project, role) -> {
            if (write && !role.canChange()) {
                return Response.status(403).type(MediaType.TEXT_PLAIN).entity("Read-only members cannot edit checks.")
                        .build();
            }
            return page.render(row.get(), role);
        });
    }

    @FunctionalInterface
    private interface CheckPage {
        Response render(CheckRow row, ProjectRole role);
    }

    private static Page page(WebContext web, CheckRow row, SchedulePreview.Fields f, String error) {
        return new Page("schedule.jte", new Views.ScheduleForm(web.chrome(), row.id(),
                row.name().isEmpty() ? "unnamed" : row.name(), f, SchedulePreview.of(f, Instant.now()), error));
    }

    static SchedulePreview.Fields stored(CheckRow row) {
        return new SchedulePreview.Fields(row.hasExpression() ? "cron" : "simple", Integer.toString(row.timeout()),
                row.hasExpression() ? row.schedule() : "", row.hasExpression() ? row.tz() : "UTC",
                Integer.toString(row.grace()));
    }

    /** The API's update body: an expression and its zone make a cron check, a timeout alone a simple one. */
    static JsonObject body(SchedulePreview.Fields f) {
        JsonObjectBuilder b = JsonBuilders.object().add("grace", Integer.parseInt(f.grace().strip()));
        if (f.cron()) {
            b.add("schedule", f.schedule().strip()).add("tz", f.tz() == null || f.tz().isBlank() ? "UTC"
                    : f.tz().strip());
        } else {
            b.add("timeout", Integer.parseInt(f.timeout().strip()));
        }
        return b.build();
    }
}
