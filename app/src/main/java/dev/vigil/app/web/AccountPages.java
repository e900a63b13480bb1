package dev.vigil.app.web;

import dev.vigil.app.accounts.AccountException;
import dev.vigil.app.accounts.AccountSettings;
import dev.vigil.app.accounts.Accounts;
import dev.vigil.app.accounts.LoginLinks;
import dev.vigil.app.accounts.LoginStep;
import dev.vigil.app.accounts.NewSession;
import dev.vigil.app.accounts.SecondFactor;
import dev.vigil.app.accounts.SignUpLinks;
import dev.vigil.app.accounts.WebAuthnCredentials;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
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
import java.util.List;

/**
 * Sign up (finished by an emailed link), log in (with a password or an emailed link, then the second factor when
 * the user has one), password reset by emailed link, the emailed link that confirms a new email,
 * re-authentication before sensitive actions, log out.
 */
@Path("/accounts")
@WebPages
@Produces(MediaType.TEXT_HTML)
public class AccountPages {

    private static final List<AccountViews.Link> TO_LOGIN = List.of(new AccountViews.Link("/accounts/login/", "Log in"));
    private static final List<AccountViews.Link> TO_SIGN_UP =
            List.of(new AccountViews.Link("/accounts/signup/", "Sign up again"));

    @Inject
    Accounts accounts;

    @Inject
    LoginLinks links;

    @Inject
    SignUpLinks signUps;

    @Inject
    SecondFactor secondFactor;

    @Inject
    AccountSettings settings;

    @Inject
    WebAuthnCredentials webAuthn;

    @Inject
    @ConfigProperty(name = "vigil.site.root")
    String siteRoot;

    @GET
    @Path("signup")
    public Page signUpForm(@Context ContainerRequestContext request) {
        return new Page("account-form.jte", new Views.AccountForm(WebContext.of(request).chrome(), true, "", null));
    }

    /** The same answer whether the address has an account or not: the email tells which. */
    @POST
    @Path("signup")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response signUp(@Context ContainerRequestContext request, @FormParam("email") String email,
            @FormParam("password") String password) {
        WebContext web = WebContext.of(request);
        String sentTo;
        try {
            sentTo = signUps.request(email, chars(password), web.address());
        } catch (AccountException e) {
            return refused(web, true, email, e);
        }
        return Response.ok(step(web, "Check your inbox", null, "We sent a link to " + sentTo + " to finish signing"
                + " up. It works once, for " + SignUpLinks.LIFETIME.toMinutes() + " minutes.", null, null,
                List.of(), List.of(), null, List.of(new AccountViews.Link("/accounts/signup/",
                        "Sign up with another address")))).build();
    }

    @GET
    @Path("signup/{token}")
    public Response signUpLinkPage(@Context ContainerRequestContext request, @PathParam("token") String token) {
        WebContext web = WebContext.of(request);
        return signUps.pending(token).map(email -> linkPage(signUpLinkStep(web, token, email, null)))
                .orElseGet(() -> gone(web, "Sign up", TO_SIGN_UP));
    }

    /** Takes the link only with the password chosen at sign-up: see {@link SignUpLinks#signUp}. */
    @POST
    @Path("signup/{token}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response signUpWithLink(@Context ContainerRequestContext request, @PathParam("token") String token,
            @FormParam("password") String password, @HeaderParam("User-Agent") String userAgent) {
        WebContext web = WebContext.of(request);
        try {
            return signedIn(signUps.signUp(token, chars(password), userAgent));
        } catch (AccountException e) {
            if (LoginLinks.LINK_GONE.equals(e.getMessage())) {
                return gone(web, "Sign up", TO_SIGN_UP);
            }
            if (SignUpLinks.WRONG_PASSWORD.equals(e.getMessage())) {
                return signUps.pending(token).map(email -> linkPage(400, signUpLinkStep(web, token, email,
                        e.getMessage()))).orElseGet(() -> gone(web, "Sign up", TO_SIGN_UP));
            }
            return Response.status(409).entity(step(web, "Sign up", null, null, e.getMessage(), null, List.of(),
                    List.of(), null, TO_LOGIN)).build();
        }
    }

    private static Page signUpLinkStep(WebContext web, String token, String email, String error) {
        return step(web, "Finish signing up", "Create your Vigil account for " + email + ".", null, error,
                "/accounts/signup/" + token + "/",
                List.of(new AccountViews.Field("password", "Enter the password you chose when you signed up",
                        "password", "current-password")),
                List.of(), "Create my account", TO_SIGN_UP);
    }

    // --- the link that proves a new email (asked for on the settings page) ----------------------------------

    @GET
    @Path("email/{token}")
    public Response emailLinkPage(@Context ContainerRequestContext request, @PathParam("token") String token) {
        WebContext web = WebContext.of(request);
        return settings.emailChangeTarget(token).map(email -> linkPage(step(web, "Confirm your new email",
                        "Make " + email + " the email of your Vigil account.", null, null,
                        "/accounts/email/" + token + "/", List.of(), List.of(), "Change my email", List.of())))
                .orElseGet(() -> gone(web, "Confirm your new email"));
    }

    @POST
    @Path("email/{token}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response changeEmailWithLink(@Context ContainerRequestContext request, @PathParam("token") String token) {
        WebContext web = WebContext.of(request);
        String email;
        try {
            email = settings.confirmEmailChange(token);
        } catch (AccountException e) {
            if (LoginLinks.LINK_GONE.equals(e.getMessage())) {
                return gone(web, "Confirm your new email");
            }
            return Response.status(409).entity(step(web, "Confirm your new email", null, null, e.getMessage(), null,
                    List.of(), List.of(), null, List.of())).build();
        }
        return Response.ok(step(web, "Your email is changed", null, "The email of your Vigil account is now " + email
                + ". We have told the old address.", null, null, List.of(), List.of(), null,
                List.of(new AccountViews.Link("/accounts/settings/", "Account settings")))).build();
    }

    /** The login form; {@code next}, a path of this site, is where the login goes once done (else the dashboard). */
    @GET
    @Path("login")
    public Page loginForm(@Context ContainerRequestContext request, @QueryParam("next") String next) {
        return new Page("account-form.jte", new Views.AccountForm(WebContext.of(request).chrome(), false, "", null,
                next));
    }

    @POST
    @Path("login")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response logIn(@Context ContainerRequestContext request, @FormParam("email") String email,
            @FormParam("password") String password, @FormParam("next") String next,
            @HeaderParam("User-Agent") String userAgent) {
        WebContext web = WebContext.of(request);
        try {
            return next(web, accounts.logIn(email, chars(password), web.address(), userAgent), next);
        } catch (AccountException e) {
            return refused(web, false, email, e, next);
        }
    }

    // --- "email me a login link" ------------------------------------------------------------------------------

    @GET
    @Path("login/link")
    public Page linkForm(@Context ContainerRequestContext request) {
        return linkRequest(WebContext.of(request), false, null, null);
    }

    @POST
    @Path("login/link")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response requestLink(@Context ContainerRequestContext request, @FormParam("email") String email) {
        WebContext web = WebContext.of(request);
        try {
            links.requestLogin(email, web.address());
            return Response.ok(linkRequest(web, false, LoginLinks.SENT, null)).build();
        } catch (AccountException e) {
            return Response.status(e.tooMany() ? 429 : 400).entity(linkRequest(web, false, null, e.getMessage()))
                    .build();
        }
    }

    @GET
    @Path("login/link/{token}")
    public Response linkPage(@Context ContainerRequestContext request, @PathParam("token") String token) {
        WebContext web = WebContext.of(request);
        if (!links.live(token, false)) {
            return gone(web, "Log in");
        }
        return linkPage(step(web, "Log in", "Log in to Vigil with the link you were sent.", null, null,
                "/accounts/login/link/" + token + "/", List.of(), List.of(), "Log in", List.of()));
    }

    /**
     * The page an emailed link opens: a button, not the action on GET, because mail scanners that open links must
     * not use them up; neither cached nor sent on as a referrer, as it holds the token.
     */
    private static Response linkPage(Page page) {
        return linkPage(200, page);
    }

    private static Response linkPage(int status, Page page) {
        return Response.status(status).entity(page).header("Cache-Control", "no-store")
                .header("Referrer-Policy", "no-referrer").build();
    }

    @POST
    @Path("login/link/{token}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response logInWithLink(@Context ContainerRequestContext request, @PathParam("token") String token,
            @HeaderParam("User-Agent") String userAgent) {
        WebContext web = WebContext.of(request);
        try {
            return next(web, links.logIn(token, userAgent), null);
        } catch (AccountException e) {
            return gone(web, "Log in");
        }
    }

    // --- the second step -------------------------------------------------------------------------------------

    @POST
    @Path("login/code")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response logInWithCode(@Context ContainerRequestContext request, @FormParam("pending") String pending,
            @FormParam("code") String code, @FormParam("next") String next,
            @HeaderParam("User-Agent") String userAgent) {
        WebContext web = WebContext.of(request);
        try {
            return signedIn(siteRoot, secondFactor.logIn(pending, code, userAgent), next);
        } catch (AccountException e) {
            if (LoginLinks.LINK_GONE.equals(e.getMessage())) {
                return expiredLogin(web);
            }
            return Response.status(e.tooMany() ? 429 : 401).entity(codePage(web, pending, e.getMessage(), next))
                    .build();
        }
    }

    // --- password reset ---------------------------------------------------------------------------------------

    @GET
    @Path("reset")
    public Page resetForm(@Context ContainerRequestContext request) {
        return linkRequest(WebContext.of(request), true, null, null);
    }

    @POST
    @Path("reset")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response requestReset(@Context ContainerRequestContext request, @FormParam("email") String email) {
        WebContext web = WebContext.of(request);
        try {
            links.requestReset(email, web.address());
            return Response.ok(linkRequest(web, true, LoginLinks.SENT, null)).build();
        } catch (AccountException e) {
            return Response.status(e.tooMany() ? 429 : 400).entity(linkRequest(web, true, null, e.getMessage()))
                    .build();
        }
    }

    @GET
    @Path("reset/{token}")
    public Response newPasswordForm(@Context ContainerRequestContext request, @PathParam("token") String token) {
        WebContext web = WebContext.of(request);
        if (!links.live(token, true)) {
            return gone(web, "Reset your password");
        }
        return Response.ok(newPassword(web, token, null)).header("Cache-Control", "no-store")
                .header("Referrer-Policy", "no-referrer").build();
    }

    @POST
    @Path("reset/{token}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response reset(@Context ContainerRequestContext request, @PathParam("token") String token,
            @FormParam("password") String password) {
        WebContext web = WebContext.of(request);
        try {
            links.reset(token, chars(password));
        } catch (AccountException e) {
            if (LoginLinks.LINK_GONE.equals(e.getMessage())) {
                return gone(web, "Reset your password");
            }
            return Response.status(400).entity(newPassword(web, token, e.getMessage())).build();
        }
        WebCookies cookies = WebCookies.forSiteRoot(siteRoot);
        return Response.ok(step(new WebContext(java.util.Optional.empty(), web.csrf(), web.csrfIsNew(), null, web.address()), "Reset your password", null,
                        "Your password is changed, and every session of your account is logged out.", null, null,
                        List.of(), List.of(), null, TO_LOGIN))
                .cookie(cookies.sessionGone()).build();
    }

    // --- re-authentication ------------------------------------------------------------------------------------

    @GET
    @Path("reauth")
    public Response reauthForm(@Context ContainerRequestContext request, @QueryParam("next") String next) {
        WebContext web = WebContext.of(request);
        if (web.user().isEmpty()) {
            return PageAccess.toLogin();
        }
        return Response.ok(reauthPage(web, next, null)).build();
    }

    @POST
    @Path("reauth")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response reauthenticate(@Context ContainerRequestContext request, @FormParam("next") String next,
            @FormParam("password") String password) {
        WebContext web = WebContext.of(request);
        if (web.user().isEmpty()) {
            return PageAccess.toLogin();
        }
        try {
            settings.reauthenticate(web.sessionToken(), chars(password));
            return Response.seeOther(URI.create(Reauthentication.localPath(next))).build();
        } catch (AccountException e) {
            return Response.status(e.tooMany() ? 429 : 401).entity(reauthPage(web, next, e.getMessage())).build();
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

    private Response next(WebContext web, LoginStep step, String next) {
        if (step instanceof LoginStep.NeedsCode needs) {
            return Response.ok(codePage(web, needs.token(), null, next)).header("Cache-Control", "no-store").build();
        }
        return signedIn(siteRoot, ((LoginStep.Done) step).session(), next);
    }

    /** To the dashboard, with the new session and a new CSRF token (the old one was known before login). */
    private Response signedIn(NewSession s) {
        return signedIn(siteRoot, s);
    }

    static Response signedIn(String siteRoot, NewSession s) {
        return signedIn(siteRoot, s, null);
    }

    /** As {@link #signedIn(String, NewSession)}, but to {@code next} when it is a path of this site. */
    static Response signedIn(String siteRoot, NewSession s, String next) {
        WebCookies cookies = WebCookies.forSiteRoot(siteRoot);
        String to = Reauthentication.isLocal(next) ? next
                : s.project() == null ? "/" : "/projects/" + s.project() + "/checks/";
        return Response.seeOther(URI.create(to)).cookie(
                cookies.session(s.token(), Accounts.SESSION_LIFETIME.toSeconds()),
                cookies.csrf(WebCookies.newToken())).build();
    }

    /** The second step's page, with the factors the user has (a code, a security key). */
    private Page codePage(WebContext web, String pending, String error, String next) {
        return WebAuthnPages.secondStep(web, webAuthn.factors(pending), pending, error, next);
    }

    static Response expiredLogin(WebContext web) {
        return Response.status(400).entity(step(web, "Two-factor authentication", null, null,
                "This login has expired. Please log in again.", null, List.of(), List.of(), null, TO_LOGIN)).build();
    }

    private static Page linkRequest(WebContext web, boolean reset, String notice, String error) {
        return step(web, reset ? "Reset your password" : "Email me a login link",
                reset ? "We will email you a link to choose a new password."
                        : "We will email you a link that logs you in, without your password.",
                notice, error, reset ? "/accounts/reset/" : "/accounts/login/link/",
                List.of(new AccountViews.Field("email", "Email", "email", "email")), List.of(),
                reset ? "Email me a reset link" : "Email me a login link", TO_LOGIN);
    }

    private static Page newPassword(WebContext web, String token, String error) {
        return step(web, "Reset your password", "Choose a new password (at least 8 characters).", null, error,
                "/accounts/reset/" + token + "/",
                List.of(new AccountViews.Field("password", "New password", "password", "new-password")), List.of(),
                "Set password", List.of());
    }

    private static Page reauthPage(WebContext web, String next, String error) {
        return step(web, "Enter your password again",
                "For this change, please confirm it is you: it stays allowed for a few minutes.", null, error,
                "/accounts/reauth/",
                List.of(new AccountViews.Field("password", "Password", "password", "current-password")),
                List.of(new AccountViews.Hidden("next", Reauthentication.localPath(next))), "Continue", List.of());
    }

    private static Response gone(WebContext web, String title) {
        return gone(web, title, TO_LOGIN);
    }

    private static Response gone(WebContext web, String title, List<AccountViews.Link> links) {
        return Response.status(410).entity(step(web, title, null, null, LoginLinks.LINK_GONE, null, List.of(),
                List.of(), null, links)).type(MediaType.TEXT_HTML).build();
    }

    private static Page step(WebContext web, String title, String intro, String notice, String error, String action,
            List<AccountViews.Field> fields, List<AccountViews.Hidden> hidden, String submit,
            List<AccountViews.Link> links) {
        return new Page("account-step.jte", new AccountViews.Step(web.chrome(), title, intro, notice, error, action,
                fields, hidden, submit, links));
    }

    private static Response refused(WebContext web, boolean signUp, String email, AccountException e) {
        return refused(web, signUp, email, e, null);
    }

    private static Response refused(WebContext web, boolean signUp, String email, AccountException e, String next) {
        return Response.status(e.tooMany() ? 429 : signUp ? 400 : 401)
                .entity(new Page("account-form.jte", new Views.AccountForm(web.chrome(), signUp,
                        email == null ? "" : email, e.getMessage(), next))).type(MediaType.TEXT_HTML).build();
    }

    static char[] chars(String password) {
        return password == null ? new char[0] : password.toCharArray();
    }
}
