package dev.vigil.schedule;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
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
    default List<Instant> nextTimes(Instant after, ZoneId zone, int count) {
        if (count < 0 || count > 10_000) {
            throw new IllegalArgumentException("count must be between 0 and 10000, got " + count);
        }
        List<Instant> times = new ArrayList<>(count);
        Instant cursor = after;
        for (int i = 0; i < count; i++) {
            cursor = nextAfter(cursor, zone);
            times.add(cursor);
        }
        return List.copyOf(times);
    }

    /** An English description. */
    String describe();

    /** The text as written (normalised whitespace). */
    String text();
}
