package dev.vigil.app.web;

/**
 * The layout's part of every page: the signed-in user's email (null when nobody is), the CSRF token, and the
 * project switcher's entries (read only if the layout shows them).
 */
public record Chrome(String email, String csrf, ProjectSwitcher.Menu projects) {

    public Chrome(String email, String csrf) {
        this(email, csrf, ProjectSwitcher.Menu.NONE);
    }

    public boolean signedIn() {
        return email != null;
    }
}
