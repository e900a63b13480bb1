package dev.vigil.app.web;

import dev.vigil.app.accounts.AccountException;
import dev.vigil.app.accounts.Accounts;
import dev.vigil.app.accounts.NewSession;
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
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.net.URI;

/** Sign up, log in, log out. */
@Path("/accounts")
@WebPages
@Produces(MediaType.TEXT_HTML)
public class AccountPages {

    @Inject
    Accounts accounts;

    @Inject
    @ConfigProperty(name = "vigil.site.root")
    String siteRoot;

    @GET
    @Path("signup")
    public Page signUpForm(@Context ContainerRequestContext request) {
        return new Page("account-form.jte", new Views.AccountForm(WebContext.of(request).chrome(), true, "", null));
    }

    @POST
    @Path("signup")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response signUp(@Context ContainerRequestContext request, @FormParam("email") String email,
            @FormParam("password") String password) {
        WebContext web = WebContext.of(request);
        try {
            return signedIn(accounts.signUp(email, chars(password), web.address()));
        } catch (AccountException e) {
            return refused(web, true, email, e);
        }
    }

    @GET
    @Path("login")
    public Page loginForm(@Context ContainerRequestContext request) {
        return new Page("account-form.jte", new Views.AccountForm(WebContext.of(request).chrome(), false, "", null));
    }

    @POST
    @Path("login")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response logIn(@Context ContainerRequestContext request, @FormParam("email") String email,
            @FormParam("password") String password) {
        WebContext web = WebContext.of(request);
        try {
            return signedIn(accounts.logIn(email, chars(password), web.address()));
        } catch (AccountException e) {
            return refused(web, false, email, e);
        }
    }

    @POST
    @Path("logout")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response logOut(@Context ContainerRequestContext request) {
        accounts.logOut(WebContext.of(request).sessionToken());
        WebCookies cookies = WebCookies.forSiteRoot(siteRoot);
        return Response.seeOther(URI.create("/")).cookie(cookies.sessionGone(), cookies.csrf(WebCookies.newToken()))
                .build();
    }

    /** To the dashboard, with the new session and a new CSRF token (the old one was known before login). */
    private Response signedIn(NewSession s) {
        WebCookies cookies = WebCookies.forSiteRoot(siteRoot);
        String to = s.project() == null ? "/" : "/projects/" + s.project() + "/checks/";
        return Response.seeOther(URI.create(to)).cookie(
                cookies.session(s.token(), Accounts.SESSION_LIFETIME.toSeconds()),
                cookies.csrf(WebCookies.newToken())).build();
    }

    private static Response refused(WebContext web, boolean signUp, String email, AccountException e) {
        return Response.status(e.tooMany() ? 429 : signUp ? 400 : 401)
                .entity(new Page("account-form.jte", new Views.AccountForm(web.chrome(), signUp,
                        email == null ? "" : email, e.getMessage()))).type(MediaType.TEXT_HTML).build();
    }

    private static char[] chars(String password) {
        return password == null ? new char[0] : password.toCharArray();
    }
}
