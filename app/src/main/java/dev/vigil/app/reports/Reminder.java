package dev.vigil.app.reports;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One reminder to one user that checks they can see are still down.
 *
 * @param at   when it was made (for "down for ...")
 * @param down the down checks only, by project; never empty
 */
public record Reminder(long userId, String email, ReminderFrequency frequency, UUID unsubscribeToken, Instant at,
        List<Line> down) {

    /** One down check; {@code since} is when it went down, null when that is not known. */
    public record Line(UUID checkId, String project, String name, Instant since) {
    }
}
