package dev.vigil.app.web;

import dev.vigil.app.JsonBuilders;
import dev.vigil.app.accounts.Accounts;
import dev.vigil.app.accounts.ProjectRole;
import dev.vigil.app.accounts.SignedIn;
import dev.vigil.app.api.ApiCaller;
import dev.vigil.app.api.ApiException;
import dev.vigil.app.api.ApiUrls;
import dev.vigil.app.api.CheckRow;
import dev.vigil.app.api.ChecksService;
import jakarta.inject.Inject;
import jakarta.json.Json;
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
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A project's dashboard, its JSON refresh and the form that creates a check (through {@link ChecksService}, as the
 * API creates one). A project the user is not a member of is 404, as one that does not exist.
 */
@Path("/projects")
@WebPages
public class ProjectPages {

    @Inject
    Accounts accounts;

    @Inject
    ChecksService checks;

    @Inject
    @ConfigProperty(name = "vigil.site.root")
    String siteRoot;

    /** The user's first project's dashboard. */
    @GET
    public Response home(@Context ContainerRequestContext request) {
        Optional<SignedIn> user = WebContext.of(request).user();
        if (user.isEmpty()) {
            return PageAccess.toLogin();
        }
        List<UUID> projects = accounts.projects(user.get().userId());
        return Response.seeOther(URI.create(projects.isEmpty() ? "/" : "/projects/" + projects.get(0) + "/checks/"))
                .build();
    }

    @GET
    @Path("{project}/checks")
    @Produces(MediaType.TEXT_HTML)
    public Response dashboard(@Context ContainerRequestContext request, @PathParam("project") String project) {
        return PageAccess.member(accounts, WebContext.of(request), project,
                (id, role) -> Response.ok(dashboardPage(WebContext.of(request), id, role, null)).build());
    }

    @GET
    @Path("{project}/checks/status.json")
    @Produces(MediaType.APPLICATION_JSON)
    public Response status(@Context ContainerRequestContext request, @PathParam("project") String project) {
        WebContext web = WebContext.of(request);
        if (web.user().isEmpty()) {
            return Response.status(401).type(MediaType.APPLICATION_JSON)
                    .entity(JsonBuilders.object().add("error", "not signed in").build().toString()).build();
        }
        return PageAccess.member(accounts, web, project, (id, role) -> {
            Instant now = Instant.now();
            JsonArrayBuilder list = JsonBuilders.array();
            for (CheckRow row : checks.listOf(id)) { // only what the script updates: no schedule words, no URLs
                list.add(JsonBuilders.object().add("id", row.id().toString()).add("status", CheckLine.statusOf(row, now))
                        .add("last_ping", RelativeTime.ago(row.lastPing(), now)));
            }
            // written as text, as the API's answers are
            return Response.ok(JsonBuilders.object().add("checks", list).build().toString(),
                    MediaType.APPLICATION_JSON).header("Cache-Control", "no-store").build();
        });
    }

    @POST
    @Path("{project}/checks")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response create(@Context ContainerRequestContext request, @PathParam("project") String project,
            @FormParam("name") String name, @FormParam("slug") String slug, @FormParam("tags") String tags, @FormParam("schedule") String schedule,
            @FormParam("tz") String tz, @FormParam("timeout") String timeout, @FormParam("grace") String grace) {
        WebContext web = WebContext.of(request);
        return PageAccess.member(accounts, web, project, (id, role) -> {
            if (!role.canChange()) {
                return Response.status(403).entity(dashboardPage(web, id, role,
                        "Read-only members cannot create checks.")).build();
            }
            try {
                checks.create(new ApiCaller(id, false), CheckForm.toJson(name, slug, tags, schedule, tz, timeout,
                        grace));
            } catch (ApiException | IllegalArgumentException e) {
                return Response.status(400).entity(dashboardPage(web, id, role, e.getMessage())).build();
            }
            return Response.seeOther(URI.create("/projects/" + id + "/checks/")).build();
        });
    }

    private Page dashboardPage(WebContext web, UUID project, ProjectRole role, String error) {
        Instant now = Instant.now();
        ApiUrls urls = new ApiUrls(siteRoot);
        List<CheckLine> lines = checks.listOf(project).stream().map(r -> CheckLine.of(r, now, urls)).toList();
        return new Page("dashboard.jte", new Views.Dashboard(web.chrome(), project, lines, error, role.canChange()));
    }

}
