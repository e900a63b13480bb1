package dev.vigil.schedule;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * "Ping me every {@code period}": the next ping is due one period after the last one.
 *
 * @param period between 1 minute and 365 days
 * @param grace  between 1 minute and 365 days
 */
public record PeriodSchedule(Duration period, Duration grace) implements Schedule {

    /** @throws InvalidScheduleException if period or grace is outside 1 minute to 365 days */
    public PeriodSchedule {
        ScheduleLimits.requireWithinLimits("period", period);
        ScheduleLimits.requireWithinLimits("grace", grace);
    }

    @Override
    public Instant nextExpected(Instant lastPing) {
        Objects.requireNonNull(lastPing, "lastPing");
        return lastPing.plus(period);
    }
}
