package dev.vigil.app.web;

import dev.vigil.app.accounts.AccountException;
import dev.vigil.app.accounts.Projects;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.util.UUID;

/** Makes a project; the signed-in user owns it and goes to its (empty) dashboard. */
@Path("/projects/new")
@WebPages
@Produces(MediaType.TEXT_HTML)
public class NewProjectPage {

    @Inject
    Projects projects;

    @GET
    public Response form(@Context ContainerRequestContext request) {
        WebContext web = WebContext.of(request);
        if (web.user().isEmpty()) {
            return PageAccess.toLogin();
        }
        return Response.ok(new Page("project-new.jte", new TeamViews.NewProject(web.chrome(), "", null))).build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(@Context ContainerRequestContext request, @FormParam("name") String name) {
        WebContext web = WebContext.of(request);
        if (web.user().isEmpty()) {
            return PageAccess.toLogin();
        }
        try {
            UUID project = projects.create(web.user().get().userId(), name);
            return Response.seeOther(URI.create("/projects/" + project + "/checks/")).build();
        } catch (AccountException e) {
            return Response.status(400).entity(new Page("project-new.jte", new TeamViews.NewProject(web.chrome(),
                    name == null ? "" : name, e.getMessage()))).build();
        }
    }
}
