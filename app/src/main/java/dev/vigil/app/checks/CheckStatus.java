package dev.vigil.app.checks;

import java.util.Locale;

/**
 * The stored status of a check. "grace" (late but not yet down) and "started" are derived ({@link StatusNow}),
 * never stored by Vigil; a stored "grace" (the schema allows it, as older Healthchecks versions stored it) reads
 * as up.
 */
public enum CheckStatus {
    NEW, UP, DOWN, PAUSED;

    public String dbValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static CheckStatus fromDb(String value) {
        return "grace".equals(value) ? UP : valueOf(value.toUpperCase(Locale.ROOT));
    }
}
