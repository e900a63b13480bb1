package dev.vigil.app.web;

import dev.vigil.app.accounts.AccountException;
import dev.vigil.app.accounts.Accounts;
import dev.vigil.app.accounts.ProjectRole;
import dev.vigil.app.accounts.Projects;
import dev.vigil.app.accounts.Team;
import dev.vigil.app.api.ApiUrls;
import dev.vigil.app.api.ChecksService;
import jakarta.inject.Inject;
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
import java.util.List;
import java.util.UUID;

/**
 * A project's settings: its ping key (shown to every member, made anew by owners and managers), its name, UUID or
 * slug URLs in lists, and, for owners, transfer to another member and deletion.
 */
@Path("/projects/{project}/settings")
@WebPages
@Produces(MediaType.TEXT_HTML)
public class ProjectSettingsPages {

    @Inject
    Accounts accounts;

    @Inject
    Projects projects;

    @Inject
    Team team;

    @Inject
    ChecksService checks;

    @Inject
    @ConfigProperty(name = "vigil.site.root")
    String siteRoot;

    @GET
    public Response show(@Context ContainerRequestContext request, @PathParam("project") String project) {
        WebContext web = WebContext.of(request);
        return PageAccess.member(accounts, web, project, (id, role) -> Response.ok(page(web, id, role, null, null))
                .build());
    }

    @POST
    @Path("rename")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response rename(@Context ContainerRequestContext request, @PathParam("project") String project,
            @FormParam("name") String name) {
        WebContext web = WebContext.of(request);
        return PageAccess.member(accounts, web, project, (id, role) -> {
            if (!role.managesSettings()) {
                return refused(web, id, role, 403, "Only owners and managers can rename the project.");
            }
            try {
                projects.rename(id, name);
            } catch (AccountException e) {
                return refused(web, id, role, 400, e.getMessage());
            }
            return Response.ok(page(web, id, role, "The project is renamed.", null)).build();
        });
    }

    @POST
    @Path("ping-key")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response newPingKey(@Context ContainerRequestContext request, @PathParam("project") String project) {
        WebContext web = WebContext.of(request);
        return PageAccess.member(accounts, web, project, (id, role) -> {
            if (!role.managesSettings()) {
                return refused(web, id, role, 403, "Only owners and managers can make a new ping key.");
            }
            projects.regeneratePingKey(id);
            return Response.ok(page(web, id, role, "The project has a new ping key.", null)).build();
        });
    }

    @POST
    @Path("urls")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response urls(@Context ContainerRequestContext request, @PathParam("project") String project,
            @FormParam("urls") String urls) {
        WebContext web = WebContext.of(request);
        return PageAccess.member(accounts, web, project, (id, role) -> {
            if (!role.managesSettings()) {
                return refused(web, id, role, 403, "Only owners and managers can change the project's settings.");
            }
            if (!"uuid".equals(urls) && !"slug".equals(urls)) {
                return refused(web, id, role, 400, "Please choose UUID or slug URLs.");
            }
            projects.setShowSlugs(id, "slug".equals(urls));
            return Response.ok(page(web, id, role, "Saved.", null)).build();
        });
    }

    @POST
    @Path("transfer")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response transfer(@Context ContainerRequestContext request, @PathParam("project") String project,
            @FormParam("to") String to) {
        WebContext web = WebContext.of(request);
        return PageAccess.member(accounts, web, project, (id, role) -> {
            if (!role.ownsProject()) {
                return refused(web, id, role, 403, "Only an owner can transfer the project.");
            }
            long target;
            try {
                target = Long.parseLong(to == null ? "" : to);
            } catch (NumberFormatException e) {
                return refused(web, id, role, 400, "Please choose the member who will own the project.");
            }
            if (!team.transfer(id, web.user().get().userId(), target)) {
                return refused(web, id, role, 400, "Please choose another member of the project.");
            }
            return Response.seeOther(URI.create("/projects/" + id + "/team/")).build();
        });
    }

    @POST
    @Path("delete")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response delete(@Context ContainerRequestContext request, @PathParam("project") String project,
            @FormParam("confirm") String confirm) {
        WebContext web = WebContext.of(request);
        return PageAccess.member(accounts, web, project, (id, role) -> {
            if (!role.ownsProject()) {
                return refused(web, id, role, 403, "Only an owner can delete the project.");
            }
            if (confirm == null || !confirm.strip().equals(projects.name(id).orElse(""))) {
                return refused(web, id, role, 400, "Type the project's name to confirm the deletion.");
            }
            projects.delete(id);
            return Response.seeOther(URI.create("/projects/")).build();
        });
    }

    private Response refused(WebContext web, UUID project, ProjectRole role, int status, String error) {
        return Response.status(status).entity(page(web, project, role, null, error)).build();
    }

    private Page page(WebContext web, UUID project, ProjectRole role, String notice, String error) {
        String pingKey = checks.pingKey(project).orElse(null);
        String example = new ApiUrls(siteRoot).pingBySlug(pingKey == null ? "<ping key>" : pingKey, "<slug>");
        long viewer = web.user().get().userId();
        List<Team.Member> others = role.ownsProject()
                ? team.members(project).stream().filter(m -> m.userId() != viewer).toList() : List.of();
        return new Page("project-settings.jte", new TeamViews.Settings(web.chrome(), project,
                projects.name(project).orElse(""), role, pingKey, example, projects.showsSlugs(project), others,
                notice, error));
    }
}
