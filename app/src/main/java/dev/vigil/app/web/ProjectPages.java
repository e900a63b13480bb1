package dev.vigil.app.web;

import dev.vigil.app.JsonBuilders;
import dev.vigil.app.accounts.Accounts;
import dev.vigil.app.accounts.Projects;
import dev.vigil.app.accounts.ProjectRole;
import dev.vigil.app.accounts.SignedIn;
import dev.vigil.app.api.ApiCaller;
import dev.vigil.app.api.ApiException;
import dev.vigil.app.api.ApiUrls;
import dev.vigil.app.api.ChannelRow;
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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.net.URI;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A project's dashboard (filtered and sorted by its query string), its JSON refresh, the form that creates a check
 * and the bulk form (through {@link ChecksService}, as the API does each). A project the user is not a member of is 404, as one that does not exist.
 */
@Path("/projects")
@WebPages
public class ProjectPages {

    @Inject
    Accounts accounts;

    @Inject
    ChecksService checks;

    @Inject
    Projects projects;

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
    public Response dashboard(@Context ContainerRequestContext request, @PathParam("project") String project,
            @QueryParam("tag") List<String> tags, @QueryParam("status") String status, @QueryParam("q") String text,
            @QueryParam("sort") String sort) {
        DashboardQuery query = new DashboardQuery(tags, status, text, sort);
        return PageAccess.member(accounts, WebContext.of(request), project,
                (id, role) -> Response.ok(dashboardPage(WebContext.of(request), id, role, null, query)).build());
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
                        "Read-only members cannot create checks.", DashboardQuery.ALL)).build();
            }
            try {
                checks.create(new ApiCaller(id, false), CheckForm.toJson(name, slug, tags, schedule, tz, timeout,
                        grace));
            } catch (ApiException | IllegalArgumentException e) {
                return Response.status(400).entity(dashboardPage(web, id, role, e.getMessage(), DashboardQuery.ALL))
                        .build();
            }
            return Response.seeOther(URI.create("/projects/" + id + "/checks/")).build();
        });
    }

    /**
     * The bulk form: one action on every selected check, each as the API does it, all in one transaction of
     * {@link ChecksService#inOne}: when one fails, none has changed. A delete first asks for a confirmation page; a
     * check of another project is 404.
     */
    @POST
    @Path("{project}/checks/bulk")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response bulk(@Context ContainerRequestContext request, @PathParam("project") String project,
            @FormParam("check") List<String> selected, @FormParam("action") String actionName,
            @FormParam("channel") String channel, @FormParam("confirm") String confirm,
            @FormParam("back") String back) {
        WebContext web = WebContext.of(request);
        return PageAccess.member(accounts, web, project, (id, role) -> {
            if (!role.canChange()) {
                return Response.status(403).entity(dashboardPage(web, id, role,
                        "Read-only members cannot change checks.", DashboardQuery.ALL)).build();
            }
            Optional<List<CheckRow>> rows = DashboardQuery.selected(checks.listOf(id), selected);
            if (rows.isEmpty()) {
                return PageAccess.notFound(web);
            }
            Optional<BulkAction> action = BulkAction.of(actionName);
            String refused = action.isEmpty() ? "Choose what to do with the selected checks."
                    : rows.get().isEmpty() ? "Select at least one check." : null;
            Optional<ChannelRow> target = checks.channelsOf(id).stream()
                    .filter(c -> c.id().toString().equals(channel)).findFirst();
            if (refused == null && action.get().needsChannel() && target.isEmpty()) {
                refused = "Choose one of the project's channels.";
            }
            if (refused != null) {
                return Response.status(400).entity(dashboardPage(web, id, role, refused, DashboardQuery.ALL)).build();
            }
            if (action.get() == BulkAction.DELETE && !"yes".equals(confirm)) {
                Instant now = Instant.now();
                ApiUrls urls = new ApiUrls(siteRoot);
                return Response.ok(new Page("bulk-delete.jte", new Views.BulkDelete(web.chrome(), id,
                        rows.get().stream().map(r -> CheckLine.of(r, now, urls)).toList(), safeBack(back)))).build();
            }
            try {
                checks.inOne(new ApiCaller(id, false), batch -> {
                    for (CheckRow row : rows.get()) {
                        apply(action.get(), batch, row, target.map(ChannelRow::id).orElse(null));
                    }
                });
            } catch (ApiException e) {
                return Response.status(400).entity(dashboardPage(web, id, role, e.getMessage(), DashboardQuery.ALL))
                        .build();
            }
            return Response.seeOther(URI.create("/projects/" + id + "/checks/" + safeBack(back))).build();
        });
    }

    private static void apply(BulkAction action, ChecksService.Batch batch, CheckRow row, UUID channel)
            throws SQLException {
        switch (action) {
            case PAUSE -> batch.pause(row.id());
            case RESUME -> batch.resumeIfPaused(row.id());
            case DELETE -> batch.delete(row.id());
            case ADD_CHANNEL, REMOVE_CHANNEL -> {
                Set<UUID> channels = new TreeSet<>(row.channels());
                boolean changed = action == BulkAction.ADD_CHANNEL ? channels.add(channel) : channels.remove(channel);
                if (changed) {
                    batch.update(row.id(), JsonBuilders.object().add("channels", channels.stream()
                            .map(UUID::toString).collect(Collectors.joining(","))).build());
                }
            }
        }
    }

    /** The dashboard's own query string to go back to, or nothing: never anything that leaves the dashboard. */
    static String safeBack(String back) {
        return back != null && back.matches("\\?[A-Za-z0-9_.~%+=&-]{0,500}") ? back : "";
    }

    private Page dashboardPage(WebContext web, UUID project, ProjectRole role, String error, DashboardQuery query) {
        Instant now = Instant.now();
        ApiUrls urls = new ApiUrls(siteRoot);
        List<CheckRow> all = checks.listOf(project);
        Optional<String> slugKey = projects.showsSlugs(project) ? checks.pingKey(project) : Optional.empty();
        List<CheckLine> lines = query.apply(all, now).stream().map(r -> CheckLine.of(r, now, urls, slugKey)).toList();
        List<String> tags = all.stream().flatMap(r -> r.tagList().stream()).distinct().sorted().toList();
        return new Page("dashboard.jte", new Views.Dashboard(web.chrome(), project, lines, error, role.canChange(),
                query, tags, all.size(), role.canChange() ? checks.channelsOf(project) : List.of()));
    }

}
