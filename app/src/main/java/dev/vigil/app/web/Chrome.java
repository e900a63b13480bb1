package dev.vigil.app.web;

/**
 * The layout's part of every page: the signed-in user's email (null when nobody is), the CSRF token and the
 * appearance (the class on {@code <html>}).
 */
public record Chrome(String email, String csrf, Appearance appearance) {

    public Chrome(String email, String csrf) {
        this(email, csrf, Appearance.SYSTEM);
    }

    public boolean signedIn() {
        return email != null;
    }
}
