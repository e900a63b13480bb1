package dev.vigil.app.web;

import dev.vigil.app.accounts.AccountException;
import dev.vigil.app.accounts.Accounts;
import dev.vigil.app.accounts.Invitations;
import dev.vigil.app.accounts.LoginStep;
import dev.vigil.app.accounts.NewSession;
import dev.vigil.app.accounts.Projects;
import dev.vigil.app.accounts.SignedIn;
import dev.vigil.app.accounts.WebAuthnCredentials;
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
 * An invitation link: accepted by a user signed in with the invited email, or by logging in or signing up with
 * that email on the page itself. A user with a second factor gets the login's second step, which comes back here
 * (the login's return path), signed in, to accept. A used, expired or unknown link is 404.
 */
@Path("/invitations/{token}")
@WebPages
@Produces(MediaType.TEXT_HTML)
public class InvitationPages {

    @Inject
    Accounts accounts;

    @Inject
    Invitations invitations;

    @Inject
    Projects projects;

    @Inject
    WebAuthnCredentials webAuthn;

    @Inject
    @ConfigProperty(name = "vigil.site.root")
    String siteRoot;

    @GET
    public Response show(@Context ContainerRequestContext request, @PathParam("token") String token) {
        WebContext web = WebContext.of(request);
        return invitations.find(token).map(i -> Response.ok(page(web, token, i, null)).build())
                .orElseGet(() -> PageAccess.notFound(web));
    }

    @POST
    @Path("accept")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response accept(@Context ContainerRequestContext request, @PathParam("token") String token) {
        WebContext web = WebContext.of(request);
        if (web.user().isEmpty()) {
            return Response.seeOther(URI.create("/invitations/" + token + "/")).build();
        }
        return accepted(web, token, web.user().get(), null);
    }

    @POST
    @Path("login")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response logIn(@Context ContainerRequestContext request, @PathParam("token") String token,
            @FormParam("password") String password) {
        return withNewSession(WebContext.of(request), token, false, password);
    }

    @POST
    @Path("signup")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response signUp(@Context ContainerRequestContext request, @PathParam("token") String token,
            @FormParam("password") String password) {
        return withNewSession(WebContext.of(request), token, true, password);
    }

    /** Logs in or signs up as the invited email (the one way: {@link Accounts}), then accepts. */
    private Response withNewSession(WebContext web, String token, boolean signUp, String password) {
        Optional<Invitations.Pending> invitation = invitations.find(token);
        if (invitation.isEmpty()) {
            return PageAccess.notFound(web);
        }
        char[] chars = password == null ? new char[0] : password.toCharArray();
        NewSession session;
        try {
            if (signUp) {
                session = accounts.signUp(invitation.get().email(), chars, web.address());
            } else {
                LoginStep step = accounts.logIn(invitation.get().email(), chars, web.address(), null);
                if (step instanceof LoginStep.NeedsCode needs) { // the login's own second step, then back here
                    return Response.ok(WebAuthnPages.secondStep(web, webAuthn.factors(needs.token()), needs.token(),
                            null, "/invitations/" + token + "/")).header("Cache-Control", "no-store").build();
                }
                session = ((LoginStep.Done) step).session();
            }
        } catch (AccountException e) {
            return Response.status(e.tooMany() ? 429 : signUp ? 400 : 401)
                    .entity(page(web, token, invitation.get(), e.getMessage())).build();
        }
        return accepted(web, token, session.user(), session);
    }

    private Response accepted(WebContext web, String token, SignedIn user, NewSession session) {
        Optional<Invitations.Pending> invitation = invitations.find(token);
        Optional<UUID> project;
        try {
            project = invitations.accept(token, user);
        } catch (AccountException e) {
            return Response.status(403).entity(page(web, token, invitation.orElseThrow(), e.getMessage())).build();
        }
        if (project.isEmpty()) {
            return PageAccess.notFound(web);
        }
        Response.ResponseBuilder to = Response.seeOther(URI.create("/projects/" + project.get() + "/checks/"));
        if (session != null) { // a new session, and a new CSRF token: the old one was known before login
            WebCookies cookies = WebCookies.forSiteRoot(siteRoot);
            to.cookie(cookies.session(session.token(), Accounts.SESSION_LIFETIME.toSeconds()),
                    cookies.csrf(WebCookies.newToken()));
        }
        return to.build();
    }

    private Page page(WebContext web, String token, Invitations.Pending i, String error) {
        return new Page("invitation.jte", new TeamViews.Invitation(web.chrome(), token,
                projects.name(i.project()).orElse(""), i.email(), i.role(),
                web.user().map(SignedIn::email).orElse(null), error));
    }
}
