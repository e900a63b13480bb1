package dev.vigil.app.web;

import jakarta.ws.rs.core.NewCookie;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Light, dark, or following the system's setting: kept with the account once chosen while signed in
 * ({@code users.appearance}), and per browser in the {@code vigil_appearance} cookie (a year; {@code HttpOnly;
 * SameSite=Lax}, {@code Secure} under https), which signed-out pages follow and which is set to match the account's.
 * Applied as a class on {@code <html>} that {@code vigil.css} gives its colours, so no script and no inline style is
 * needed. The one reading of the stored, cookie and form values.
 */
public enum Appearance {
    SYSTEM("Follow the system"),
    LIGHT("Light"),
    DARK("Dark");

    public static final String COOKIE = "vigil_appearance";
    private static final int ONE_YEAR = 365 * 24 * 3600;

    private final String label;

    Appearance(String label) {
        this.label = label;
    }

    /** The cookie's and the form's value: "system", "light", "dark". */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String label() {
        return label;
    }

    /** The class on {@code <html>}. */
    public String cssClass() {
        return "theme-" + value();
    }

    /** The appearance a cookie or form value names; empty for anything else. */
    public static Optional<Appearance> of(String value) {
        return Arrays.stream(values()).filter(a -> a.value().equals(value)).findFirst();
    }

    /**
     * The appearance of a request: the account's when one is kept with it, else the cookie's, else following the
     * system.
     *
     * @param account the signed-in account's stored value, null when nobody is signed in or none was chosen
     */
    public static Appearance ofRequest(String account, String cookie) {
        return of(account).or(() -> of(cookie)).orElse(SYSTEM);
    }

    /**
     * The cookie a response sets so that this browser's signed-out pages keep the account's choice: empty when the
     * account has none or the cookie already says it.
     */
    public static Optional<Appearance> cookieToMatch(String account, String cookie) {
        return of(account).filter(a -> !a.value().equals(cookie));
    }

    public NewCookie cookie(boolean secure) {
        return new NewCookie.Builder(COOKIE).value(value()).path("/").httpOnly(true).secure(secure)
                .sameSite(NewCookie.SameSite.LAX).maxAge(ONE_YEAR).build();
    }
}
