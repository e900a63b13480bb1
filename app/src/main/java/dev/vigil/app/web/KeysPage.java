package dev.vigil.app.web;

import dev.vigil.app.accounts.AccountSettings;
import dev.vigil.app.accounts.Accounts;
import dev.vigil.app.api.ProjectKeys;
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

import java.net.URI;
import java.util.UUID;

/**
 * A project's API keys: listed by label, created (the key is shown on the answer page only) and revoked. Read-only
 * members never see this page: it is 404 to them, as to non-members. Making or revoking a key needs a recent
 * re-authentication (the password again).
 */
@Path("/projects/{project}/keys")
@WebPages
@Produces(MediaType.TEXT_HTML)
public class KeysPage {

    private static final int MAX_LABEL = 100;

    @Inject
    Accounts accounts;

    @Inject
    ProjectKeys keys;

    @Inject
    AccountSettings settings;

    @GET
    public Response list(@Context ContainerRequestContext request, @PathParam("project") String project) {
        WebContext web = WebContext.of(request);
        return manager(web, project, id -> Response.ok(page(web, id, null, null)).build());
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(@Context ContainerRequestContext request, @PathParam("project") String project,
            @FormParam("label") String label, @FormParam("kind") String kind) {
        WebContext web = WebContext.of(request);
        return manager(web, project, id -> {
            if (!settings.recentlyAuthenticated(web.sessionToken())) {
                return Reauthentication.required("/projects/" + id + "/keys/");
            }
            String text = label == null ? "" : label.strip();
            if (text.length() > MAX_LABEL) {
                return Response.status(400).entity(page(web, id, null,
                        "The label may have at most " + MAX_LABEL + " characters.")).build();
            }
            ProjectKeys.NewKey made = keys.create(id, "read-only".equals(kind), text);
            return Response.ok(page(web, id, made, null)).header("Cache-Control", "no-store").build();
        });
    }

    @POST
    @Path("{key}/revoke")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response revoke(@Context ContainerRequestContext request, @PathParam("project") String project,
            @PathParam("key") long key) {
        WebContext web = WebContext.of(request);
        return manager(web, project, id -> !settings.recentlyAuthenticated(web.sessionToken())
                ? Reauthentication.required("/projects/" + id + "/keys/")
                : keys.revoke(id, key) ? Response.seeOther(URI.create("/projects/" + id + "/keys/")).build()
                : PageAccess.notFound(web));
    }

    @FunctionalInterface
    private interface ManagerPage {
        Response render(UUID project);
    }

    private Response manager(WebContext web, String project, ManagerPage page) {
        return PageAccess.member(accounts, web, project,
                (id, role) -> !role.seesKeys() ? PageAccess.notFound(web) : page.render(id));
    }

    private Page page(WebContext web, UUID project, ProjectKeys.NewKey made, String error) {
        return new Page("keys.jte", new Views.Keys(web.chrome(), project, keys.list(project), made, error));
    }
}
