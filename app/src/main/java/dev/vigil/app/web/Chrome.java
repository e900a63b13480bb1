package dev.vigil.app.web;

/**
 * The layout's part of every page: the signed-in user's email (null when nobody is), the CSRF token, the project
 * switcher's entries (read only if the layout shows them) and the appearance (the class on {@code <html>}).
 */
public record Chrome(String email, String csrf, ProjectSwitcher.Menu projects, Appearance appearance) {

    public Chrome(String email, String csrf) {
        this(email, csrf, ProjectSwitcher.Menu.NONE, Appearance.SYSTEM);
    }

    public boolean signedIn() {
        return email != null;
    }
}
