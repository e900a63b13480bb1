package dev.vigil.app.reports;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One user's report for one period.
 *
 * @param period           "daily", "weekly" or "monthly"
 * @param unsubscribeToken the token of the user's unsubscribe link (reports and reminders)
 */
public record Report(long userId, String email, String period, Instant start, Instant end, List<Line> checks,
        UUID unsubscribeToken) {

    /** One check in the report; lastPing null when it never had one. */
    public record Line(UUID checkId, String project, String name, String status, Instant lastPing,
            Duration downtime) {
    }
}
