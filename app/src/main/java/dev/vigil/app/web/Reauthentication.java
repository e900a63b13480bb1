package dev.vigil.app.web;

import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The way to the password-again page before a sensitive action ({@code accounts/AccountSettings.REAUTH_WINDOW}),
 * and back: only to a path of this site, never to another site ({@code //host} or a scheme). The login's return
 * path follows the same rule ({@link #isLocal}).
 */
final class Reauthentication {

    private Reauthentication() {
    }

    /** 303 to the re-authentication page, which comes back to {@code back} (a page to submit the form again). */
    static Response required(String back) {
        return Response.seeOther(URI.create("/accounts/reauth/?next="
                + URLEncoder.encode(localPath(back), StandardCharsets.UTF_8))).build();
    }

    /** {@code next} when it is a path of this site, else the settings page. */
    static String localPath(String next) {
        return isLocal(next) ? next : "/accounts/settings/";
    }

    /** Whether {@code next} is a path of this site: no scheme, no {@code //host}, no query, nothing to decode. */
    static boolean isLocal(String next) {
        return next != null && next.length() < 500 && next.matches("/[A-Za-z0-9/_.~-]*") && !next.startsWith("//");
    }
}
