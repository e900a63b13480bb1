package dev.vigil.app.web;

import dev.vigil.app.accounts.Accounts;
import dev.vigil.app.accounts.ProjectRole;
import dev.vigil.app.api.ApiCaller;
import dev.vigil.app.api.ApiException;
import dev.vigil.app.api.ChannelSummary;
import dev.vigil.app.api.ChannelsService;
import dev.vigil.app.api.CheckRow;
import dev.vigil.app.api.ChecksService;
import dev.vigil.app.JsonBuilders;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A project's integrations (notification channels): the list with each channel's last delivery and test, the add
 * and edit forms of every kind ({@link ChannelForms}), delete, "send a test notification" and which checks use a
 * channel. Saving goes through the management API's {@link ChannelsService}, so its validation and messages apply;
 * assigning checks goes through the API's check update. Read-only members see the list and change nothing.
 */
@Path("/projects/{project}/integrations")
@WebPages
@Produces(MediaType.TEXT_HTML)
public class IntegrationPages {

    private static final String READ_ONLY = "Read-only members cannot change integrations.";

    @Inject
    Accounts accounts;

    @Inject
    ChannelsService channels;

    @Inject
    ChecksService checks;

    @GET
    public Response list(@Context ContainerRequestContext request, @PathParam("project") String project,
            @QueryParam("tested") String tested) {
        WebContext web = WebContext.of(request);
        return PageAccess.member(accounts, web, project, (id, role) -> {
            String notice = null;
            String error = null;
            Optional<UUID> testedId = PageAccess.uuid(tested);
            if (testedId.isPresent()) {
                for (ChannelSummary c : channels.summaries(id)) {
                    if (c.id().equals(testedId.get()) && c.lastTest() != null) {
                        String what = "The test notification through \"" + nameOf(c) + "\"";
                        if ("sent".equals(c.lastTestOutcome())) {
                            notice = what + " was sent.";
                        } else {
                            error = what + " was not delivered: " + c.lastTestError();
                        }
                    }
                }
            }
            return Response.ok(listPage(web, id, role, notice, error)).build();
        });
    }

    @GET
    @Path("add/{kind}")
    public Response addForm(@Context ContainerRequestContext request, @PathParam("project") String project,
            @PathParam("kind") String kind) {
        WebContext web = WebContext.of(request);
        return changer(web, project, (id, role) -> ChannelForms.of(kind)
                .map(form -> Response.ok(formPage(web, id, null, form, "", Map.of(), JsonValue.EMPTY_JSON_OBJECT,
                        null)).build())
                .orElseGet(() -> PageAccess.notFound(web)));
    }

    @POST
    @Path("add/{kind}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response add(@Context ContainerRequestContext request, @PathParam("project") String project,
            @PathParam("kind") String kind, MultivaluedMap<String, String> form) {
        WebContext web = WebContext.of(request);
        return changer(web, project, (id, role) -> {
            Optional<ChannelForms.KindForm> kindForm = ChannelForms.of(kind);
            if (kindForm.isEmpty()) {
                return PageAccess.notFound(web);
            }
            Map<String, String> fields = first(form);
            String name = fields.getOrDefault("name", "").strip();
            try {
                JsonObject settings = ChannelForms.settings(kindForm.get(), fields, JsonValue.EMPTY_JSON_OBJECT);
                channels.create(new ApiCaller(id, false), JsonBuilders.object().add("kind", kind).add("name", name)
                        .add("settings", settings).build());
            } catch (ApiException | IllegalArgumentException e) {
                return Response.status(400).entity(formPage(web, id, null, kindForm.get(), name, fields,
                        JsonValue.EMPTY_JSON_OBJECT, e.getMessage())).build();
            }
            return Response.seeOther(URI.create("/projects/" + id + "/integrations/")).build();
        });
    }

    @GET
    @Path("{channel}/edit")
    public Response editForm(@Context ContainerRequestContext request, @PathParam("project") String project,
            @PathParam("channel") String channel) {
        WebContext web = WebContext.of(request);
        return changer(web, project, (id, role) -> withChannel(web, id, channel, (ch, current, form) -> {
            Map<String, String> values = ChannelForms.values(form, current.getJsonObject("settings"));
            return Response.ok(formPage(web, id, ch, form, current.getString("name"), values,
                    current.getJsonObject("settings"), null)).build();
        }));
    }

    @POST
    @Path("{channel}/edit")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response edit(@Context ContainerRequestContext request, @PathParam("project") String project,
            @PathParam("channel") String channel, MultivaluedMap<String, String> form) {
        WebContext web = WebContext.of(request);
        return changer(web, project, (id, role) -> withChannel(web, id, channel, (ch, current, kindForm) -> {
            Map<String, String> fields = first(form);
            String name = fields.getOrDefault("name", "").strip();
            JsonObject stored = current.getJsonObject("settings");
            try {
                JsonObject settings = ChannelForms.settings(kindForm, fields, stored);
                jakarta.json.JsonObjectBuilder body = JsonBuilders.object().add("name", name).add("settings", settings);
                if (fields.containsKey("enable")) {
                    body.add("disabled", false); // fixed after a delivery disabled it
                }
                channels.update(new ApiCaller(id, false), ch, body.build());
            } catch (ApiException | IllegalArgumentException e) {
                if (e instanceof ApiException a && a.status() == 404) {
                    return PageAccess.notFound(web);
                }
                return Response.status(400).entity(formPage(web, id, ch, kindForm, name, fields, stored,
                        e.getMessage())).build();
            }
            return Response.seeOther(URI.create("/projects/" + id + "/integrations/")).build();
        }));
    }

    /** Which checks use the channel: the ticked ones, saved through the API's check update, all in one transaction. */
    @POST
    @Path("{channel}/checks")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response assign(@Context ContainerRequestContext request, @PathParam("project") String project,
            @PathParam("channel") String channel, MultivaluedMap<String, String> form) {
        WebContext web = WebContext.of(request);
        return changer(web, project, (id, role) -> withChannel(web, id, channel, (ch, current, kindForm) -> {
            Set<String> ticked = new LinkedHashSet<>(form.getOrDefault("check", List.of()));
            List<CheckRow> rows = checks.listOf(id);
            checks.inOne(new ApiCaller(id, false), batch -> {
                for (CheckRow row : rows) {
                    boolean uses = row.channels().contains(ch);
                    boolean wanted = ticked.contains(row.id().toString());
                    if (uses == wanted) {
                        continue;
                    }
                    List<UUID> now = new ArrayList<>(row.channels());
                    if (wanted) {
                        now.add(ch);
                    } else {
                        now.remove(ch);
                    }
                    batch.update(row.id(), JsonBuilders.object().add("channels",
                            now.stream().map(UUID::toString).collect(Collectors.joining(","))).build());
                }
            });
            return Response.seeOther(URI.create("/projects/" + id + "/integrations/")).build();
        }));
    }

    @GET
    @Path("{channel}/delete")
    public Response deleteForm(@Context ContainerRequestContext request, @PathParam("project") String project,
            @PathParam("channel") String channel) {
        WebContext web = WebContext.of(request);
        return changer(web, project, (id, role) -> withChannel(web, id, channel, (ch, current, kindForm) -> {
            int using = (int) checks.listOf(id).stream().filter(r -> r.channels().contains(ch)).count();
            return Response.ok(new Page("channel-delete.jte", new IntegrationViews.DeleteChannel(web.chrome(), id,
                    ch, current.getString("name"), kindForm.label(), using))).build();
        }));
    }

    @POST
    @Path("{channel}/delete")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response delete(@Context ContainerRequestContext request, @PathParam("project") String project,
            @PathParam("channel") String channel) {
        WebContext web = WebContext.of(request);
        return changer(web, project, (id, role) -> {
            Optional<UUID> ch = PageAccess.uuid(channel);
            try {
                channels.delete(new ApiCaller(id, false), ch.orElseThrow(ApiException::notFound));
            } catch (ApiException e) {
                return PageAccess.notFound(web);
            }
            return Response.seeOther(URI.create("/projects/" + id + "/integrations/")).build();
        });
    }

    /** Sends a test notification through the API's test path; the list then shows how it ended. */
    @POST
    @Path("{channel}/test")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response test(@Context ContainerRequestContext request, @PathParam("project") String project,
            @PathParam("channel") String channel) {
        WebContext web = WebContext.of(request);
        return changer(web, project, (id, role) -> {
            Optional<UUID> ch = PageAccess.uuid(channel);
            try {
                channels.sendTest(new ApiCaller(id, false), ch.orElseThrow(ApiException::notFound));
            } catch (ApiException e) {
                if (e.status() == 404) {
                    return PageAccess.notFound(web);
                }
                return Response.status(e.status()).entity(listPage(web, id, role, null, e.getMessage())).build();
            }
            return Response.seeOther(URI.create("/projects/" + id + "/integrations/?tested=" + ch.get())).build();
        });
    }

    @FunctionalInterface
    private interface ChannelPage {
        Response render(UUID channel, JsonObject current, ChannelForms.KindForm form);
    }

    /** A page of a channel of the project: 404 for a channel of another project, or of a kind without a form. */
    private Response withChannel(WebContext web, UUID project, String channel, ChannelPage page) {
        Optional<UUID> id = PageAccess.uuid(channel);
        if (id.isEmpty()) {
            return PageAccess.notFound(web);
        }
        JsonObject current;
        try {
            current = channels.find(project, id.get());
        } catch (ApiException e) {
            return PageAccess.notFound(web);
        }
        Optional<ChannelForms.KindForm> form = ChannelForms.of(current.getString("kind"));
        return form.isEmpty() ? PageAccess.notFound(web) : page.render(id.get(), current, form.get());
    }

    /** A page only members who may change the project reach; the others get the list with the refusal, 403. */
    private Response changer(WebContext web, String project, PageAccess.MemberPage page) {
        return PageAccess.member(accounts, web, project, (id, role) -> role.canChange() ? page.render(id, role)
                : Response.status(403).entity(listPage(web, id, role, null, READ_ONLY)).build());
    }

    private Page listPage(WebContext web, UUID project, ProjectRole role, String notice, String error) {
        Instant now = Instant.now();
        List<CheckRow> rows = checks.listOf(project);
        List<IntegrationViews.ChannelLine> lines = new ArrayList<>();
        for (ChannelSummary c : channels.summaries(project)) {
            List<String> using = rows.stream().filter(r -> r.channels().contains(c.id()))
                    .map(r -> r.name().isEmpty() ? r.id().toString() : r.name()).toList();
            lines.add(new IntegrationViews.ChannelLine(c.id(), nameOf(c), ChannelForms.label(c.kind()),
                    ChannelForms.summary(c.kind(), c.settings()), c.disabled(), c.disabledReason(),
                    outcome(c.lastOutcome(), c.lastAttempt(), c.lastError(), now),
                    c.lastAttempt() != null && !"sent".equals(c.lastOutcome()),
                    outcome(c.lastTestOutcome(), c.lastTest(), c.lastTestError(), now),
                    c.lastTest() != null && !"sent".equals(c.lastTestOutcome()), using));
        }
        return new Page("integrations.jte", new IntegrationViews.Integrations(web.chrome(), project, lines,
                ChannelForms.all(), role.canChange(), notice, error));
    }

    private Page formPage(WebContext web, UUID project, UUID channel, ChannelForms.KindForm form, String name,
            Map<String, String> typed, JsonObject stored, String error) {
        Map<String, String> values = new HashMap<>(typed);
        List<String> set = new ArrayList<>();
        for (ChannelForms.Field f : form.fields()) {
            if (f.type().secret()) {
                values.remove(f.input()); // a secret typed or stored is never put back into the page
                if (ChannelForms.isSet(stored, f)) {
                    set.add(f.path());
                }
            }
        }
        List<IntegrationViews.CheckChoice> choices = channel == null ? List.of() : checks.listOf(project).stream()
                .map(r -> new IntegrationViews.CheckChoice(r.id(), r.name().isEmpty() ? r.id().toString() : r.name(),
                        r.channels().contains(channel))).toList();
        String disabledReason = null;
        if (channel != null) {
            JsonObject current = channels.find(project, channel);
            if (current.getBoolean("disabled")) {
                disabledReason = current.getString("disabled_reason", "");
            }
        }
        return new Page("channel-form.jte", new IntegrationViews.ChannelForm(web.chrome(), project, channel, form,
                name, values, set, error, choices, disabledReason));
    }

    /** "sent 3 minutes ago", "failed 1 hour ago: HTTP 500", or "never". */
    static String outcome(String outcome, Instant when, String error, Instant now) {
        if (when == null) {
            return "never";
        }
        String line = outcome + " " + RelativeTime.ago(when, now) + " (" + when.toString() + ")";
        return error == null || error.isEmpty() ? line : line + ": " + error;
    }

    private static String nameOf(ChannelSummary c) {
        return c.name().isEmpty() ? ChannelForms.label(c.kind()) : c.name();
    }

    private static Map<String, String> first(MultivaluedMap<String, String> form) {
        Map<String, String> out = new HashMap<>();
        form.forEach((k, v) -> {
            if (!v.isEmpty()) {
                out.put(k, v.get(0));
            }
        });
        return out;
    }
}
