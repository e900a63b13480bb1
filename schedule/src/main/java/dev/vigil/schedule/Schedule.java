package dev.vigil.schedule;

import java.time.Duration;
import java.time.Instant;

/**
 * When a check expects its next ping, and when it is late enough to alert.
 *
 * <p>Sealed: there are exactly three kinds, and code that stores or displays schedules may rely on it.
 */
public sealed interface Schedule permits PeriodSchedule, CronSchedule, OnCalendarSchedule {

    /** When the ping following {@code lastPing} is due. Always after {@code lastPing}. */
    Instant nextExpected(Instant lastPing);

    /** How long after the due time the check may stay silent before it counts as down. */
    Duration grace();

    /** The instant after which a check whose last ping was {@code lastPing} is down. */
    default Instant alertAfter(Instant lastPing) {
        return nextExpected(lastPing).plus(grace());
    }
}
