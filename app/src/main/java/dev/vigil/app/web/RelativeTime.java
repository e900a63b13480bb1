package dev.vigil.app.web;

import java.time.Duration;
import java.time.Instant;

/** "3 minutes ago", as the dashboard shows a last ping; the coarsest unit that fits, rounded down. */
public final class RelativeTime {

    private RelativeTime() {
    }

    public static String ago(Instant then, Instant now) {
        if (then == null) {
            return "never";
        }
        long s = Math.max(0, Duration.between(then, now).toSeconds());
        if (s < 5) {
            return "just now";
        }
        if (s < 60) {
            return plural(s, "second");
        }
        if (s < 3600) {
            return plural(s / 60, "minute");
        }
        if (s < 86400) {
            return plural(s / 3600, "hour");
        }
        return plural(s / 86400, "day");
    }

    private static String plural(long n, String unit) {
        return n + " " + unit + (n == 1 ? "" : "s") + " ago";
    }
}
