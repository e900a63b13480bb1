package dev.vigil.app.web;

import jakarta.ws.rs.core.NewCookie;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * The pages' two cookies, both {@code HttpOnly; SameSite=Lax; Path=/}, and {@code Secure} when the site root is
 * https: the session token, and the CSRF token that every form repeats in a hidden field (a double-submit token,
 * replaced at login and logout).
 */
public record WebCookies(boolean secure) {

    public static final String SESSION = "vigil_session";
    public static final String CSRF = "vigil_csrf";
    private static final SecureRandom RANDOM = new SecureRandom();

    public static WebCookies forSiteRoot(String siteRoot) {
        return new WebCookies(siteRoot.startsWith("https://"));
    }

    public NewCookie session(String token, long maxAgeSeconds) {
        return cookie(SESSION, token, (int) maxAgeSeconds);
    }

    public NewCookie sessionGone() {
        return cookie(SESSION, "", 0);
    }

    /** A browser-session cookie (no Max-Age): the token lives as long as the browser's session. */
    public NewCookie csrf(String token) {
        return cookie(CSRF, token, NewCookie.DEFAULT_MAX_AGE);
    }

    public static String newToken() {
        byte[] raw = new byte[24];
        RANDOM.nextBytes(raw);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    }

    private NewCookie cookie(String name, String value, int maxAge) {
        return new NewCookie.Builder(name).value(value).path("/").httpOnly(true).secure(secure)
                .sameSite(NewCookie.SameSite.LAX).maxAge(maxAge).build();
    }
}
