package dev.vigil.app.web;

import dev.vigil.app.accounts.AccountException;
import dev.vigil.app.accounts.Accounts;
import dev.vigil.app.accounts.Invitations;
import dev.vigil.app.accounts.ProjectRole;
import dev.vigil.app.accounts.Projects;
import dev.vigil.app.accounts.Team;
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
import java.util.Optional;
import java.util.UUID;

/**
 * A project's team page: the members and their roles, invitations by email, role changes, removal and leaving.
 * Every member sees it; what they may do is {@link ProjectRole}'s, and a change they may not make is 403.
 */
@Path("/projects/{project}/team")
@WebPages
@Produces(MediaType.TEXT_HTML)
public class TeamPages {

    @Inject
    Accounts accounts;

    @Inject
    Team team;

    @Inject
    Invitations invitations;

    @Inject
    Projects projects;

    @Inject
    InvitationMail mail;

    @Inject
    @ConfigProperty(name = "vigil.site.root")
    String siteRoot;

    @GET
    public Response list(@Context ContainerRequestContext request, @PathParam("project") String project) {
        WebContext web = WebContext.of(request);
        return PageAccess.member(accounts, web, project,
                (id, role) -> Response.ok(page(web, id, role, null, null)).build());
    }

    @POST
    @Path("invite")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response invite(@Context ContainerRequestContext request, @PathParam("project") String project,
            @FormParam("email") String email, @FormParam("role") String roleLabel) {
        WebContext web = WebContext.of(request);
        return PageAccess.member(accounts, web, project, (id, role) -> {
            Optional<ProjectRole> given = ProjectRole.ofLabel(roleLabel);
            if (given.isEmpty()) {
                return refused(web, id, role, 400, "Please choose a role: owner, manager, member or read-only.");
            }
            if (!role.mayGrant(given.get())) {
                return refused(web, id, role, 403, role.managesTeam() ? "Only an owner can invite another owner."
                        : "Only owners and managers can invite people.");
            }
            Invitations.Made made;
            try {
                made = invitations.invite(id, web.user().get().userId(), email, given.get());
            } catch (AccountException e) {
                return refused(web, id, role, e.tooMany() ? 429 : 400, e.getMessage());
            }
            Optional<String> failed = mail.send(made, projects.name(id).orElse(""), web.user().get().email(),
                    siteRoot);
            if (failed.isPresent()) {
                return Response.status(502).entity(page(web, id, role, null, "The invitation to " + made.email()
                        + " is saved, but the email could not be sent (" + failed.get() + "). Try again later."))
                        .build();
            }
            return Response.ok(page(web, id, role, "Invitation sent to " + made.email() + ".", null)).build();
        });
    }

    @POST
    @Path("invitations/withdraw")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response withdraw(@Context ContainerRequestContext request, @PathParam("project") String project,
            @FormParam("email") String email) {
        WebContext web = WebContext.of(request);
        return PageAccess.member(accounts, web, project, (id, role) -> {
            if (!role.managesTeam()) {
                return refused(web, id, role, 403, "Only owners and managers can withdraw invitations.");
            }
            invitations.withdraw(id, email);
            return backToTeam(id);
        });
    }

    @POST
    @Path("{user}/role")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response changeRole(@Context ContainerRequestContext request, @PathParam("project") String project,
            @PathParam("user") String user, @FormParam("role") String roleLabel) {
        WebContext web = WebContext.of(request);
        return PageAccess.member(accounts, web, project, (id, role) -> {
            Optional<ProjectRole> target = userId(user).flatMap(u -> accounts.role(u, id));
            if (target.isEmpty()) {
                return PageAccess.notFound(web);
            }
            Optional<ProjectRole> to = ProjectRole.ofLabel(roleLabel);
            if (to.isEmpty()) {
                return refused(web, id, role, 400, "Please choose a role: owner, manager, member or read-only.");
            }
            if (!role.mayManage(target.get()) || !role.mayGrant(to.get())) {
                return refused(web, id, role, 403, "You cannot give this member that role.");
            }
            try {
                return team.changeRole(id, userId(user).get(), to.get()) ? backToTeam(id) : PageAccess.notFound(web);
            } catch (AccountException e) {
                return refused(web, id, role, 400, e.getMessage());
            }
        });
    }

    @POST
    @Path("{user}/remove")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response remove(@Context ContainerRequestContext request, @PathParam("project") String project,
            @PathParam("user") String user) {
        WebContext web = WebContext.of(request);
        return PageAccess.member(accounts, web, project, (id, role) -> {
            Optional<ProjectRole> target = userId(user).flatMap(u -> accounts.role(u, id));
            if (target.isEmpty()) {
                return PageAccess.notFound(web);
            }
            if (!role.mayManage(target.get())) {
                return refused(web, id, role, 403, "You cannot remove this member.");
            }
            try {
                return team.remove(id, userId(user).get()) ? backToTeam(id) : PageAccess.notFound(web);
            } catch (AccountException e) {
                return refused(web, id, role, 400, e.getMessage());
            }
        });
    }

    @POST
    @Path("leave")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response leave(@Context ContainerRequestContext request, @PathParam("project") String project) {
        WebContext web = WebContext.of(request);
        return PageAccess.member(accounts, web, project, (id, role) -> {
            try {
                team.remove(id, web.user().get().userId());
            } catch (AccountException e) {
                return refused(web, id, role, 400, e.getMessage());
            }
            return Response.seeOther(URI.create("/projects/")).build();
        });
    }

    private static Response backToTeam(UUID project) {
        return Response.seeOther(URI.create("/projects/" + project + "/team/")).build();
    }

    private Response refused(WebContext web, UUID project, ProjectRole role, int status, String error) {
        return Response.status(status).entity(page(web, project, role, null, error)).build();
    }

    private Page page(WebContext web, UUID project, ProjectRole role, String notice, String error) {
        return new Page("team.jte", new TeamViews.TeamPage(web.chrome(), project, projects.name(project).orElse(""),
                web.user().get().userId(), role, team.members(project),
                role.managesTeam() ? invitations.pending(project) : java.util.List.of(), notice, error));
    }

    private static Optional<Long> userId(String text) {
        try {
            return text != null && text.length() < 20 ? Optional.of(Long.parseLong(text)) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
