package dev.vigil.app.web;

import dev.vigil.app.accounts.Accounts;
import dev.vigil.app.accounts.SignedIn;
import dev.vigil.app.ping.PingClient;
import dev.vigil.app.ping.PingSettings;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * Runs around every web page: finds the session from its cookie, gives the page its CSRF token (setting the cookie
 * when the browser has none) and refuses a POST whose form does not repeat the cookie's token with 403. The page's
 * appearance is the signed-in account's, else the cookie's; a cookie that differs from the account's is set to match.
 */
@Provider
@WebPages
@Priority(Priorities.AUTHENTICATION)
public class WebFilter implements ContainerRequestFilter, ContainerResponseFilter {

    /** The hidden form field that carries the CSRF token. */
    public static final String CSRF_FIELD = "csrf";

    @Inject
    Accounts accounts;

    @Inject
    PingSettings pingSettings;

    @Inject
    ProjectSwitcher switcher;

    @Inject
    @ConfigProperty(name = "vigil.site.root")
    String siteRoot;

    @Context
    HttpServletRequest servletRequest;

    @Override
    public void filter(ContainerRequestContext request) throws IOException {
        String sessionToken = value(request.getCookies().get(WebCookies.SESSION));
        String csrfCookie = value(request.getCookies().get(WebCookies.CSRF));
        if ("POST".equals(request.getMethod())) {
            byte[] body = request.getEntityStream().readAllBytes();
            request.setEntityStream(new ByteArrayInputStream(body));
            String sent = MediaType.APPLICATION_FORM_URLENCODED_TYPE.isCompatible(request.getMediaType())
                    ? FormFields.parse(new String(body, StandardCharsets.ISO_8859_1)).get(CSRF_FIELD) : null;
            if (csrfCookie == null || sent == null || !MessageDigest.isEqual(
                    csrfCookie.getBytes(StandardCharsets.UTF_8), sent.getBytes(StandardCharsets.UTF_8))) {
                request.abortWith(Response.status(403).type("text/plain; charset=UTF-8")
                        .entity("Forbidden: the form's CSRF token is missing or wrong. Reload the page and try again.")
                        .build());
                return;
            }
        }
        Optional<SignedIn> user = accounts.signedIn(sessionToken);
        boolean fresh = csrfCookie == null || csrfCookie.isEmpty();
        String address = PingClient.of(pingSettings.trustedProxies(), servletRequest.getRemoteAddr(),
                servletRequest.getScheme(), request::getHeaderString).remoteAddr();
        request.setProperty(WebContext.PROPERTY, new WebContext(user, fresh ? WebCookies.newToken() : csrfCookie,
                fresh, sessionToken, address, switcher.menu(user),
                Appearance.ofRequest(user.map(SignedIn::appearance).orElse(null),
                        value(request.getCookies().get(Appearance.COOKIE)))));
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        WebContext web = WebContext.of(request);
        if (web != null && web.csrfIsNew() && !response.getHeaders().containsKey("Set-Cookie")) {
            response.getHeaders().add("Set-Cookie", WebCookies.forSiteRoot(siteRoot).csrf(web.csrf()));
        }
        if (web != null && !setsCookie(response, Appearance.COOKIE)) {
            Appearance.cookieToMatch(web.user().map(SignedIn::appearance).orElse(null),
                    value(request.getCookies().get(Appearance.COOKIE))).ifPresent(a ->
                    response.getHeaders().add("Set-Cookie", a.cookie(siteRoot.startsWith("https://"))));
        }
    }

    /** Whether the page itself sets the cookie (the appearance page saving a new choice, say). */
    private static boolean setsCookie(ContainerResponseContext response, String name) {
        return response.getHeaders().getOrDefault("Set-Cookie", List.of()).stream()
                .anyMatch(v -> String.valueOf(v).startsWith(name + "="));
    }

    private static String value(Cookie c) {
        return c == null ? null : c.getValue();
    }
}
