package dev.vigil.app.checks;

import java.util.Locale;

/** The stored status of a check. "grace" (late but not yet down) and "started" are derived, never stored. */
public enum CheckStatus {
    NEW, UP, DOWN, PAUSED;

    public String dbValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static CheckStatus fromDb(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
