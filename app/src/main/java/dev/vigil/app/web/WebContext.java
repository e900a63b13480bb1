package dev.vigil.app.web;

import dev.vigil.app.accounts.SignedIn;
import jakarta.ws.rs.container.ContainerRequestContext;

import java.util.Optional;

/**
 * What {@link WebFilter} learnt about a page request: the signed-in user, the CSRF token the page's forms carry
 * (new when the browser had none), the session token of the cookie, the client's address, the header's project
 * switcher and the appearance.
 */
public record WebContext(Optional<SignedIn> user, String csrf, boolean csrfIsNew, String sessionToken,
        String address, ProjectSwitcher.Menu projects, Appearance appearance) {

    public WebContext(Optional<SignedIn> user, String csrf, boolean csrfIsNew, String sessionToken, String address) {
        this(user, csrf, csrfIsNew, sessionToken, address, ProjectSwitcher.Menu.NONE, Appearance.SYSTEM);
    }

    static final String PROPERTY = "dev.vigil.web.context";

    public static WebContext of(ContainerRequestContext request) {
        return (WebContext) request.getProperty(PROPERTY);
    }

    /** What the layout shows: who is signed in, the token its logout form carries, and the appearance. */
    public Chrome chrome() {
        return new Chrome(user.map(SignedIn::email).orElse(null), csrf, projects, appearance);
    }
}
