package dev.vigil.app.accounts;

/**
 * The user a session belongs to.
 *
 * @param appearance the appearance kept with the account ("system", "light", "dark"; web/Appearance reads it), or
 *                   null when none was chosen while signed in
 */
public record SignedIn(long userId, String email, String appearance) {
}
