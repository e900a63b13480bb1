package dev.vigil.app.web;

/** The layout's part of every page: the signed-in user's email (null when nobody is) and the CSRF token. */
public record Chrome(String email, String csrf) {

    public boolean signedIn() {
        return email != null;
    }
}
