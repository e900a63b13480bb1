package dev.vigil.app.accounts;

/** The user a session belongs to. */
public record SignedIn(long userId, String email) {
}
