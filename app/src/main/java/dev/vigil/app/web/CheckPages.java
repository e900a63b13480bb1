package dev.vigil.app.web;

import dev.vigil.app.JsonBuilders;
import dev.vigil.app.accounts.Accounts;
import dev.vigil.app.accounts.ProjectRole;
import dev.vigil.app.accounts.Projects;
import dev.vigil.app.api.ApiCaller;
import dev.vigil.app.api.ApiException;
import dev.vigil.app.api.ApiUrls;
import dev.vigil.app.api.CheckRow;
import dev.vigil.app.api.ChecksService;
import dev.vigil.app.api.HistoryService;
import dev.vigil.app.api.FlipEvent;
import dev.vigil.app.api.NotificationEvent;
import dev.vigil.app.api.RecentPing;
import dev.vigil.app.checks.ScheduleCache;
import jakarta.inject.Inject;
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
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * A check's details page (the alert emails link here): its ping URLs with usage snippets, its event log, and the
 * actions pause, resume, copy, delete and editing the name, slug, tags and description, each a POST form that goes
 * through {@link ChecksService} as the API's endpoints do. Read-only members see the page without them and are
 * refused if they post anyway.
 */
@Path("/checks/{check}/details")
@WebPages
@Produces(MediaType.TEXT_HTML)
public class CheckPages {

    /** The events the page shows (Healthchecks' details page shows 30). */
    static final int EVENTS_SHOWN = 30;
    /** The downtime table's months, and the flips it replays at most. */
    static final int MONTHS = 3;
    private static final int MAX_FLIPS = 10_000;
    /** Enough pings for the chart's 50 runs (a start and an end each) and the pings between them. */
    private static final int CHART_PINGS = RunChart.MAX_DOTS + RunChart.RUNS;
    private static final Set<EventLog.Type> ALL = EnumSet.allOf(EventLog.Type.class);

    @Inject
    Accounts accounts;

    @Inject
    ChecksService checks;

    @Inject
    Projects projects;

    @Inject
    HistoryService history;

    @Inject
    @ConfigProperty(name = "vigil.site.root")
    String siteRoot;

    /** A page about one check of a project the user is a member of. */
    @FunctionalInterface
    private interface CheckPage {
        Response render(CheckRow check, ProjectRole role);
    }

    /** What an action does once the user may change the check; an {@link ApiException} is shown on the page. */
    @FunctionalInterface
    private interface CheckAction {
        Response apply(CheckRow check, ApiCaller caller);
    }

    @GET
    public Response details(@Context ContainerRequestContext request, @PathParam("check") String check,
            @QueryParam("events") List<String> events) {
        WebContext web = WebContext.of(request);
        return withCheck(web, check, (row, role) -> Response.ok(detailsPage(web, row, role, null,
                EventLog.shown(events))).build());
    }

    @POST
    @Path("pause")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response pause(@Context ContainerRequestContext request, @PathParam("check") String check) {
        return change(WebContext.of(request), check, (row, caller) -> {
            checks.pause(caller, row.id());
            return toDetails(row);
        });
    }

    @POST
    @Path("resume")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response resume(@Context ContainerRequestContext request, @PathParam("check") String check) {
        return change(WebContext.of(request), check, (row, caller) -> {
            checks.resume(caller, row.id());
            return toDetails(row);
        });
    }

    @POST
    @Path("copy")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response copy(@Context ContainerRequestContext request, @PathParam("check") String check) {
        return change(WebContext.of(request), check, (row, caller) -> toDetails(checks.copy(caller, row.id())));
    }

    /** The confirmation a delete asks for: a page of its own, so that it needs no script. */
    @GET
    @Path("delete")
    public Response confirmDelete(@Context ContainerRequestContext request, @PathParam("check") String check) {
        WebContext web = WebContext.of(request);
        return formPage(web, check, row -> new Page("delete.jte", new Views.DeleteCheck(web.chrome(),
                CheckLine.of(row, Instant.now(), new ApiUrls(siteRoot)))));
    }

    @POST
    @Path("delete")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response delete(@Context ContainerRequestContext request, @PathParam("check") String check) {
        return change(WebContext.of(request), check, (row, caller) -> {
            checks.delete(caller, row.id());
            return Response.seeOther(URI.create("/projects/" + row.projectId() + "/checks/")).build();
        });
    }

    /** Where the check can move: a page of its own listing the user's other projects they may change. */
    @GET
    @Path("transfer")
    public Response transferForm(@Context ContainerRequestContext request, @PathParam("check") String check) {
        WebContext web = WebContext.of(request);
        return formPage(web, check, row -> transferPage(web, row, null));
    }

    /**
     * Moves the check to the chosen project, which must be one the user may change checks in; any other choice
     * (a project of someone else's, one where they are read-only) is refused alike, naming nothing.
     */
    @POST
    @Path("transfer")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response transfer(@Context ContainerRequestContext request, @PathParam("check") String check,
            @FormParam("project") String target) {
        WebContext web = WebContext.of(request);
        return change(web, check, (row, caller) -> {
            Optional<UUID> to = PageAccess.uuid(target == null ? "" : target).filter(id -> targets(web, row)
                    .stream().anyMatch(p -> p.id().equals(id)));
            if (to.isEmpty()) {
                return Response.status(400).entity(transferPage(web, row, "Choose one of your projects below."))
                        .build();
            }
            try {
                return toDetails(checks.transfer(caller, row.id(), to.get()));
            } catch (ApiException e) {
                return Response.status(400).entity(transferPage(web, row, e.getMessage())).build();
            }
        });
    }

    private List<Projects.Summary> targets(WebContext web, CheckRow row) {
        return projects.of(web.user().orElseThrow().userId()).stream()
                .filter(p -> p.role().canChange() && !p.id().equals(row.projectId())).toList();
    }

    private Page transferPage(WebContext web, CheckRow row, String error) {
        return new Page("transfer.jte", new Views.TransferCheck(web.chrome(), CheckLine.of(row, Instant.now(),
                new ApiUrls(siteRoot)), targets(web, row), error));
    }

    /** The edit form's fields, by the API's names, with their values and the error of a refused save. */
    public record EditForm(Chrome chrome, UUID check, String title, String name, String slug, String tags,
            String desc, String error, String errorField) {

        static final Set<String> FIELDS = Set.of("name", "slug", "tags", "desc");

        public String action() {
            return "/checks/" + check + "/details/edit/";
        }

        public String detailsUrl() {
            return "/checks/" + check + "/details/";
        }

        /** The error to show next to {@code field}, when the API named it. */
        public String errorOf(String field) {
            return field.equals(errorField) ? error : null;
        }

        /** An error the API did not tie to one of the form's fields, shown above the form. */
        public String formError() {
            return errorField == null || !FIELDS.contains(errorField) ? error : null;
        }
    }

    /** The form to edit the name, slug, tags and description: a page of its own, so that it needs no script. */
    @GET
    @Path("edit")
    public Response editForm(@Context ContainerRequestContext request, @PathParam("check") String check) {
        WebContext web = WebContext.of(request);
        return formPage(web, check, row -> editPage(web, row, row.name(), row.slug(), row.tags(), row.desc(), null));
    }

    /** Saves through the API's update, so its rules and messages apply; a refused value changes nothing. */
    @POST
    @Path("edit")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response edit(@Context ContainerRequestContext request, @PathParam("check") String check,
            @FormParam("name") String name, @FormParam("slug") String slug, @FormParam("tags") String tags,
            @FormParam("desc") String desc) {
        WebContext web = WebContext.of(request);
        return change(web, check, (row, caller) -> {
            try {
                checks.update(caller, row.id(), JsonBuilders.object().add("name", text(name))
                        .add("slug", text(slug).strip()).add("tags", text(tags))
                        .add("desc", text(desc).replace("\r\n", "\n")).build()); // a textarea sends CRLF
            } catch (ApiException e) {
                return Response.status(400).entity(editPage(web, row, name, slug, tags, desc, e)).build();
            }
            return toDetails(row);
        });
    }

    private static Page editPage(WebContext web, CheckRow row, String name, String slug, String tags, String desc,
            ApiException refused) {
        return new Page("check-edit.jte", new EditForm(web.chrome(), row.id(),
                row.name().isEmpty() ? "unnamed" : row.name(), text(name), text(slug), text(tags), text(desc),
                refused == null ? null : refused.getMessage(), refused == null ? null : refused.field()));
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }

    static final String READ_ONLY = "Read-only members cannot change checks.";

    /** A form page of an action that changes the check: refused, as the action itself is, to read-only members. */
    private Response formPage(WebContext web, String check, java.util.function.Function<CheckRow, Page> page) {
        return withCheck(web, check, (row, role) -> role.canChange() ? Response.ok(page.apply(row)).build()
                : readOnly(web, row, role));
    }

    private Response readOnly(WebContext web, CheckRow row, ProjectRole role) {
        return Response.status(403).entity(detailsPage(web, row, role, READ_ONLY, ALL)).build();
    }

    private Response change(WebContext web, String check, CheckAction action) {
        return withCheck(web, check, (row, role) -> {
            if (!role.canChange()) {
                return readOnly(web, row, role);
            }
            try {
                return action.apply(row, new ApiCaller(row.projectId(), false));
            } catch (ApiException e) {
                // e.g. resuming a check that is not paused, or a copy past the check limit
                return Response.status(e.status() == 409 ? 409 : 400)
                        .entity(detailsPage(web, checks.find(row.id()).orElse(row), role, e.getMessage(), ALL)).build();
            }
        });
    }

    private Response withCheck(WebContext web, String check, CheckPage page) {
        if (web.user().isEmpty()) {
            return PageAccess.toLogin();
        }
        Optional<CheckRow> row = PageAccess.uuid(check).flatMap(checks::find);
        if (row.isEmpty()) {
            return PageAccess.notFound(web);
        }
        return PageAccess.member(accounts, web, row.get().projectId().toString(),
                (project, role) -> page.render(row.get(), role));
    }

    private static Response toDetails(CheckRow row) {
        return Response.seeOther(URI.create("/checks/" + row.id() + "/details/")).build();
    }

    private Page detailsPage(WebContext web, CheckRow row, ProjectRole role, String error,
            Set<EventLog.Type> shown) {
        Instant now = Instant.now();
        ApiUrls urls = new ApiUrls(siteRoot);
        List<RecentPing> pings = shown.contains(EventLog.Type.PING) ? history.recent(row, EVENTS_SHOWN) : List.of();
        List<FlipEvent> flips = shown.contains(EventLog.Type.FLIP)
                ? history.flipsSince(row, Instant.EPOCH, EVENTS_SHOWN) : List.of();
        List<NotificationEvent> notes = shown.contains(EventLog.Type.NOTIFICATION)
                ? history.notifications(row, EVENTS_SHOWN) : List.of();
        return new Page("details.jte", new Views.Details(web.chrome(), CheckLine.of(row, now, urls),
                pingUrls(urls, row, checks.pingKey(row.projectId()).orElse(null)),
                UsageSnippets.of(urls.ping(row.id()), ScheduleCache.CRON.equals(row.kind()) ? row.schedule() : null),
                EventLog.merge(pings, flips, notes, shown, now, EVENTS_SHOWN), EventLog.options(shown),
                role.canChange(), "paused".equals(row.status()), error, downtime(row, now),
                RunChart.svg(history.timeline(row, CHART_PINGS)), Markdown.toHtml(row.desc())));
    }

    private List<DowntimeSummary.Month> downtime(CheckRow row, Instant now) {
        Instant from = DowntimeSummary.from(now, MONTHS);
        return DowntimeSummary.of(now, MONTHS, history.statusBefore(row, from), row.status(),
                history.flipsSince(row, from, MAX_FLIPS));
    }

    /** Every way to ping the check; by slug too when it has one and its project a ping key. */
    static List<Views.PingUrl> pingUrls(ApiUrls urls, CheckRow check, String pingKey) {
        String base = urls.ping(check.id());
        List<Views.PingUrl> list = new ArrayList<>(List.of(new Views.PingUrl("Success", base),
                new Views.PingUrl("Start of a run", base + "/start"), new Views.PingUrl("Failure", base + "/fail"),
                new Views.PingUrl("Exit status (0 succeeds, 1-255 fail)", base + "/<exit status>"),
                new Views.PingUrl("Log (neither success nor failure)", base + "/log")));
        if (pingKey != null && !check.slug().isEmpty()) {
            list.add(new Views.PingUrl("Success, by slug", urls.pingBySlug(pingKey, check.slug())));
        }
        return list;
    }
}
