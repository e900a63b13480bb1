package dev.vigil.app.web;

import dev.vigil.app.accounts.AccountException;
import dev.vigil.app.accounts.AccountSettings;
import dev.vigil.app.accounts.SecondFactor;
import dev.vigil.app.accounts.SignedIn;
import dev.vigil.app.accounts.WebAuthnCredentials;
import dev.vigil.app.db.Transactions;
import dev.vigil.app.reports.ReminderFrequency;
import dev.vigil.app.reports.ReportFrequency;
import dev.vigil.app.reports.ReportSettings;
import dev.vigil.app.reports.ReportSettingsStore;
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
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The signed-in user's account settings: password, email, sessions, the TOTP second factor, and the email reports
 * with the reminders while checks are down. Changing the
 * email, turning the second factor off and deleting the account need a recent re-authentication; changing the
 * password needs the current one.
 */
@Path("/accounts/settings")
@WebPages
@Produces(MediaType.TEXT_HTML)
public class SettingsPages {

    private static final String HERE = "/accounts/settings/";
    /** The notices a redirect back here may name (never user text from the query). */
    private static final Map<String, String> NOTICES = Map.of(
            "password", "Your password is changed. Your other sessions are logged out.",
            "email", "We sent a link to the new address: your email changes when you follow it.",
            "sessions", "The other sessions are logged out.",
            "session", "That session is logged out.",
            "totp-off", "Two-factor authentication is off.",
            "key-added", "The security key is added.",
            "key-removed", "The security key is removed.",
            "key-refused", WebAuthnCredentials.REFUSED,
            "reports", "Your email reports and reminders are saved.");

    @Inject
    AccountSettings settings;

    @Inject
    SecondFactor secondFactor;

    @Inject
    WebAuthnCredentials webAuthn;

    @Inject
    @ConfigProperty(name = "vigil.site.root")
    String siteRoot;

    @Inject
    Transactions tx;

    @GET
    public Response page(@Context ContainerRequestContext request, @QueryParam("done") String done) {
        WebContext web = WebContext.of(request);
        return signedIn(web, user -> Response.ok(page(web, user, done == null ? null : NOTICES.get(done), null))
                .header("Cache-Control", "no-store").build());
    }

    @POST
    @Path("password")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response changePassword(@Context ContainerRequestContext request, @FormParam("current") String current,
            @FormParam("password") String password) {
        WebContext web = WebContext.of(request);
        return signedIn(web, user -> {
            try {
                settings.changePassword(web.sessionToken(), AccountPages.chars(current),
                        AccountPages.chars(password));
                return done("password");
            } catch (AccountException e) {
                return refused(web, user, e);
            }
        });
    }

    @POST
    @Path("email")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response changeEmail(@Context ContainerRequestContext request, @FormParam("email") String email) {
        WebContext web = WebContext.of(request);
        return signedIn(web, user -> {
            if (!settings.recentlyAuthenticated(web.sessionToken())) {
                return Reauthentication.required(HERE);
            }
            try {
                settings.changeEmail(web.sessionToken(), email);
                return done("email");
            } catch (AccountException e) {
                return refused(web, user, e);
            }
        });
    }

    @POST
    @Path("reports")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response saveReports(@Context ContainerRequestContext request, @FormParam("reports") String reports,
            @FormParam("reminders") String reminders) {
        WebContext web = WebContext.of(request);
        return signedIn(web, user -> {
            Optional<ReportFrequency> often = ReportFrequency.of(reports);
            Optional<ReminderFrequency> remind = ReminderFrequency.of(reminders);
            if (often.isEmpty() || remind.isEmpty()) {
                return Response.status(400).entity(page(web, user, null, often.isEmpty()
                        ? "Choose how often the report comes: off, daily, weekly or monthly."
                        : "Choose the reminders while a check is down: off, every hour or every day.")).build();
            }
            tx.run(c -> {
                new ReportSettingsStore(c).save(user.userId(), new ReportSettings(often.get(), remind.get()));
                return null;
            });
            return done("reports");
        });
    }

    @POST
    @Path("sessions/others")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response logOutOthers(@Context ContainerRequestContext request) {
        WebContext web = WebContext.of(request);
        return signedIn(web, user -> {
            settings.logOutOthers(web.sessionToken());
            return done("sessions");
        });
    }

    @POST
    @Path("sessions/{id}/revoke")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response revoke(@Context ContainerRequestContext request, @PathParam("id") String id) {
        WebContext web = WebContext.of(request);
        return signedIn(web, user -> {
            long session;
            try {
                session = Long.parseLong(id);
            } catch (NumberFormatException e) {
                return PageAccess.notFound(web);
            }
            return settings.revoke(web.sessionToken(), session) ? done("session") : PageAccess.notFound(web);
        });
    }

    @POST
    @Path("totp")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response startTotp(@Context ContainerRequestContext request) {
        WebContext web = WebContext.of(request);
        return signedIn(web, user -> {
            try {
                SecondFactor.Enrolment e = secondFactor.start(user.userId());
                return Response.ok(enrolment(web, e, null)).header("Cache-Control", "no-store").build();
            } catch (AccountException e) {
                return refused(web, user, e);
            }
        });
    }

    @GET
    @Path("totp")
    public Response pendingTotp(@Context ContainerRequestContext request) {
        WebContext web = WebContext.of(request);
        return signedIn(web, user -> secondFactor.pending(user.userId())
                .map(e -> Response.ok(enrolment(web, e, null)).header("Cache-Control", "no-store").build())
                .orElseGet(() -> Response.seeOther(URI.create(HERE)).build()));
    }

    @POST
    @Path("totp/confirm")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response confirmTotp(@Context ContainerRequestContext request, @FormParam("code") String code) {
        WebContext web = WebContext.of(request);
        return signedIn(web, user -> {
            try {
                List<String> codes = secondFactor.confirm(user.userId(), code);
                return Response.ok(new Page("totp.jte", new AccountViews.TotpPage(web.chrome(), null, null, null,
                        null, codes))).header("Cache-Control", "no-store").build();
            } catch (AccountException e) {
                Optional<SecondFactor.Enrolment> pending = secondFactor.pending(user.userId());
                if (pending.isEmpty()) {
                    return refused(web, user, e);
                }
                return Response.status(e.tooMany() ? 429 : 400).entity(enrolment(web, pending.get(), e.getMessage()))
                        .header("Cache-Control", "no-store").build();
            }
        });
    }

    @POST
    @Path("totp/disable")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response disableTotp(@Context ContainerRequestContext request) {
        WebContext web = WebContext.of(request);
        return signedIn(web, user -> {
            if (!settings.recentlyAuthenticated(web.sessionToken())) {
                return Reauthentication.required(HERE);
            }
            secondFactor.disable(user.userId());
            return done("totp-off");
        });
    }

    @POST
    @Path("delete")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response deleteAccount(@Context ContainerRequestContext request, @FormParam("confirm") String confirm) {
        WebContext web = WebContext.of(request);
        return signedIn(web, user -> {
            if (!"yes".equals(confirm)) {
                return Response.status(400).entity(page(web, user, null,
                        "Please tick the box to confirm that the account is to be deleted.")).build();
            }
            if (!settings.recentlyAuthenticated(web.sessionToken())) {
                return Reauthentication.required(HERE);
            }
            settings.deleteAccount(web.sessionToken());
            WebCookies cookies = WebCookies.forSiteRoot(siteRoot);
            return Response.seeOther(URI.create("/")).cookie(cookies.sessionGone(),
                    cookies.csrf(WebCookies.newToken())).build();
        });
    }

    @FunctionalInterface
    private interface UserPage {
        Response render(SignedIn user);
    }

    private static Response signedIn(WebContext web, UserPage page) {
        return web.user().isEmpty() ? PageAccess.toLogin() : page.render(web.user().get());
    }

    private static Response done(String what) {
        return Response.seeOther(URI.create(HERE + "?done=" + what)).build();
    }

    private Response refused(WebContext web, SignedIn user, AccountException e) {
        return Response.status(e.tooMany() ? 429 : 400).entity(page(web, user, null, e.getMessage())).build();
    }

    private Page page(WebContext web, SignedIn user, String notice, String error) {
        return new Page("settings.jte", new AccountViews.Settings(web.chrome(), user.email(),
                settings.recentlyAuthenticated(web.sessionToken()), settings.sessions(web.sessionToken()),
                secondFactor.enabled(user.userId()), notice, error, webAuthn.keys(user.userId()),
                settings.pendingEmail(web.sessionToken()).orElse(null),
                tx.run(c -> new ReportSettingsStore(c).read(user.userId())).orElseThrow()));
    }

    private static Page enrolment(WebContext web, SecondFactor.Enrolment e, String error) {
        return new Page("totp.jte", new AccountViews.TotpPage(web.chrome(), e.secret(), e.uri(), QrSvg.of(e.uri()),
                error, null));
    }
}
