package dev.vigil.schedule;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/** A schedule written as text: a cron expression or OnCalendar lines, told apart as Healthchecks does. */
public sealed interface ScheduleExpression permits CronExpression, OnCalendarExpression {

    /**
     * Parses {@code text} in the language {@link ScheduleSyntax#of} names.
     *
     * @throws InvalidScheduleException naming the problem
     */
    static ScheduleExpression parse(String text) {
        return ScheduleSyntax.of(text) == ScheduleSyntax.CRON ? CronExpression.parse(text)
                : OnCalendarExpression.parse(text);
    }

    /** The first fire time strictly after {@code after} in {@code zone}. */
    Instant nextAfter(Instant after, ZoneId zone);

    /** The next {@code count} fire times after {@code after}, strictly increasing. */
    List<Instant> nextTimes(Instant after, ZoneId zone, int count);

    /** An English description. */
    String describe();

    /** The text as written (normalised whitespace). */
    String text();
}
