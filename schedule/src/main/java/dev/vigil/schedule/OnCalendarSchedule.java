package dev.vigil.schedule;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;

/**
 * "My job runs from a systemd timer with these OnCalendar lines": the next ping is due at the first time after
 * the last ping at which the timer, on a machine in {@code zone}, elapses.
 *
 * @param expression the timer's calendar events
 * @param zone       the machine's time zone (a line may name its own)
 * @param grace      between 1 minute and 365 days
 */
public record OnCalendarSchedule(OnCalendarExpression expression, ZoneId zone, Duration grace) implements Schedule {

    /** @throws InvalidScheduleException if grace is outside 1 minute to 365 days */
    public OnCalendarSchedule {
        Objects.requireNonNull(expression, "expression");
        Objects.requireNonNull(zone, "zone");
        ScheduleLimits.requireWithinLimits("grace", grace);
    }

    /**
     * Parses and validates all three parts, as given by a user.
     *
     * @throws InvalidScheduleException (or its subclass {@link InvalidOnCalendarExpressionException}) naming the
     *         part that is wrong
     */
    public static OnCalendarSchedule of(String expression, String zone, Duration grace) {
        return new OnCalendarSchedule(OnCalendarExpression.parse(expression), CronSchedule.parseZone(zone), grace);
    }

    @Override
    public Instant nextExpected(Instant lastPing) {
        return expression.nextAfter(lastPing, zone);
    }
}
