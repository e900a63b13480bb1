package dev.vigil.app.checks;

import java.util.Locale;

/** What a ping says. IGN is a ping that was recorded but did not count (wrong method, paused check). */
public enum PingKind {
    SUCCESS, START, FAIL, LOG, IGN;

    public String dbValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static PingKind fromDb(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
