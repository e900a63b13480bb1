package dev.vigil.app.checks;

import java.util.Locale;

/**
 * A check's status at a moment, with Healthchecks' names: new, up, grace (late, within the grace time), down,
 * paused. Healthchecks' sixth name, "started", is not a status of its own since its API v2: it is the separate
 * {@link StatusNow#started()} flag beside one of these.
 */
public enum Status {
    NEW, UP, GRACE, DOWN, PAUSED;

    /** The word the API, badges and metrics use. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }
}
