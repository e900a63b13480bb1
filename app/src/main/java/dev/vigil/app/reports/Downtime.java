package dev.vigil.app.reports;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** How long a check was down within a period, from its status at the start and its flips. */
public final class Downtime {

    /** A change of status at a time. */
    public record Flip(Instant at, String newStatus) {
    }

    private Downtime() {
    }

    /**
     * @param flips the check's flips in {@code [start, end)}, oldest first (later ones are ignored)
     */
    public static Duration within(Instant start, Instant end, String statusAtStart, List<Flip> flips) {
        Duration down = Duration.ZERO;
        Instant since = start;
        String status = statusAtStart;
        for (Flip f : flips) {
            if (f.at().isBefore(start) || !f.at().isBefore(end)) {
                continue;
            }
            if ("down".equals(status)) {
                down = down.plus(Duration.between(since, f.at()));
            }
            since = f.at();
            status = f.newStatus();
        }
        if ("down".equals(status)) {
            down = down.plus(Duration.between(since, end));
        }
        return down;
    }

    /** "none", "45 s", "12 min", "3 h 5 min", "2 d 4 h". */
    public static String describe(Duration d) {
        long s = d.toSeconds();
        if (s == 0) {
            return "none";
        }
        if (s < 60) {
            return s + " s";
        }
        if (s < 3600) {
            return s / 60 + " min";
        }
        if (s < 86400) {
            return s / 3600 + " h " + (s % 3600) / 60 + " min";
        }
        return s / 86400 + " d " + (s % 86400) / 3600 + " h";
    }
}
