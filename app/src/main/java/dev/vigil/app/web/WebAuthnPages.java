package dev.vigil.app.web;

import dev.vigil.app.JsonBuilders;
import dev.vigil.app.accounts.AccountException;
import dev.vigil.app.accounts.AccountSettings;
import dev.vigil.app.accounts.LoginLinks;
import dev.vigil.app.accounts.WebAuthnCredentials;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HeaderParam;
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
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Security keys (WebAuthn, {@code static/webauthn.js}): adding one on the settings page (behind re-authentication),
 * removing one (likewise), and the login's second step with one. The options are JSON for the script; the
 * authenticator's answer comes back as a form, so that the CSRF check and the redirects are those of every form.
 */
@Path("/accounts/webauthn")
@WebPages
@Produces(MediaType.TEXT_HTML)
public class WebAuthnPages {

    private static final String SETTINGS = "/accounts/settings/";

    @Inject
    WebAuthnCredentials credentials;

    @Inject
    AccountSettings settings;

    @Inject
    @ConfigProperty(name = "vigil.site.root")
    String siteRoot;

    /**
     * second-step.jte: the login's second step, offering the factors the user has; {@code next} is the login's
     * return path (a path of this site, or null).
     */
    public record SecondStep(Chrome chrome, String pending, boolean totp, boolean keys, String error, String next) {
    }

    @POST
    @Path("register/options")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    public Response registrationOptions(@Context ContainerRequestContext request) {
        WebContext web = WebContext.of(request);
        if (web.user().isEmpty()) {
            return json(401, JsonBuilders.object().add("error", "Please log in.").add("next", "/accounts/login/")
                    .build().toString());
        }
        if (!settings.recentlyAuthenticated(web.sessionToken())) {
            return json(403, JsonBuilders.object().add("error", "Please enter your password again first.")
                    .add("next", "/accounts/reauth/?next=" + URLEncoder.encode(SETTINGS, StandardCharsets.UTF_8))
                    .build().toString());
        }
        return json(200, credentials.registrationOptions(web.user().get().userId()).toString());
    }

    @POST
    @Path("register")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response register(@Context ContainerRequestContext request, @FormParam("name") String name,
            @FormParam("client_data") String clientData, @FormParam("attestation") String attestation) {
        WebContext web = WebContext.of(request);
        if (web.user().isEmpty()) {
            return PageAccess.toLogin();
        }
        if (!settings.recentlyAuthenticated(web.sessionToken())) {
            return Reauthentication.required(SETTINGS);
        }
        try {
            credentials.register(web.user().get().userId(), name,
                    new WebAuthnCredentials.Attestation(clientData, attestation));
            return Response.seeOther(URI.create(SETTINGS + "?done=key-added")).build();
        } catch (AccountException e) {
            return Response.seeOther(URI.create(SETTINGS + "?done=key-refused")).build();
        }
    }

    @POST
    @Path("keys/{id}/remove")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response remove(@Context ContainerRequestContext request, @PathParam("id") String id) {
        WebContext web = WebContext.of(request);
        if (web.user().isEmpty()) {
            return PageAccess.toLogin();
        }
        long key;
        try {
            key = Long.parseLong(id);
        } catch (NumberFormatException e) {
            return PageAccess.notFound(web);
        }
        if (!settings.recentlyAuthenticated(web.sessionToken())) {
            return Reauthentication.required(SETTINGS);
        }
        return credentials.remove(web.user().get().userId(), key)
                ? Response.seeOther(URI.create(SETTINGS + "?done=key-removed")).build() : PageAccess.notFound(web);
    }

    @POST
    @Path("login/options")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    public Response loginOptions(@FormParam("pending") String pending) {
        try {
            return json(200, credentials.loginOptions(pending).toString());
        } catch (AccountException e) {
            return json(400, JsonBuilders.object().add("error", e.getMessage()).build().toString());
        }
    }

    @POST
    @Path("login")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response logIn(@Context ContainerRequestContext request, @FormParam("pending") String pending,
            @FormParam("credential_id") String credentialId, @FormParam("client_data") String clientData,
            @FormParam("authenticator_data") String authenticatorData, @FormParam("signature") String signature,
            @FormParam("user_handle") String userHandle, @FormParam("next") String next,
            @HeaderParam("User-Agent") String userAgent) {
        WebContext web = WebContext.of(request);
        try {
            return AccountPages.signedIn(siteRoot, credentials.logIn(pending, new WebAuthnCredentials.Assertion(
                    credentialId, clientData, authenticatorData, signature, userHandle), userAgent), next);
        } catch (AccountException e) {
            if (LoginLinks.LINK_GONE.equals(e.getMessage())) {
                return AccountPages.expiredLogin(web);
            }
            return Response.status(e.tooMany() ? 429 : 401)
                    .entity(secondStep(web, credentials.factors(pending), pending, e.getMessage(), next)).build();
        }
    }

    /** The second step's page: a code form when the user has TOTP, a security key button when it has keys. */
    static Page secondStep(WebContext web, WebAuthnCredentials.Factors factors, String pending, String error,
            String next) {
        return new Page("second-step.jte", new SecondStep(web.chrome(), pending == null ? "" : pending,
                factors.totp() || !factors.keys(), factors.keys(), error,
                Reauthentication.isLocal(next) ? next : null));
    }

    private static Response json(int status, String body) {
        return Response.status(status).entity(body).type(MediaType.APPLICATION_JSON)
                .header("Cache-Control", "no-store").build();
    }

}
