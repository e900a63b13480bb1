package dev.vigil.schedule;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Set;

/**
 * "My job runs on this crontab schedule": the next ping is due at the first time after the last
 * ping at which Debian's cron, running in {@code zone}, would start the job.
 *
 * @param expression the job's schedule
 * @param zone       the time zone the cron daemon runs in
 * @param grace      between 1 minute and 365 days
 */
public record CronSchedule(CronExpression expression, ZoneId zone, Duration grace) implements Schedule {

    // IANA names only. ZoneId.of also takes offsets like "+02:00" or "GMT+2", which do not follow
    // daylight saving and so almost never describe where a cron daemon actually runs.
    private static final Set<String> ZONE_NAMES = Set.copyOf(ZoneId.getAvailableZoneIds());
    private static final int MAX_ZONE_NAME_LENGTH = 64;

    /** @throws InvalidScheduleException if grace is outside 1 minute to 365 days */
    public CronSchedule {
        Objects.requireNonNull(expression, "expression");
        Objects.requireNonNull(zone, "zone");
        ScheduleLimits.requireWithinLimits("grace", grace);
    }

    /**
     * Parses and validates all three parts, as given by a user.
     *
     * @throws InvalidScheduleException (or its subclass {@link InvalidCronExpressionException})
     *         naming the part that is wrong
     */
    public static CronSchedule of(String expression, String zone, Duration grace) {
        return new CronSchedule(CronExpression.parse(expression), parseZone(zone), grace);
    }

    /**
     * An IANA time zone such as {@code Europe/Dublin} or {@code UTC}.
     *
     * @throws InvalidScheduleException naming the zone if it is unknown
     */
    public static ZoneId parseZone(String name) {
        Objects.requireNonNull(name, "zone");
        if (ZONE_NAMES.contains(name)) {
            return ZoneId.of(name);
        }
        if (name.length() > MAX_ZONE_NAME_LENGTH) {
            throw new InvalidScheduleException("unknown time zone (the name is " + name.length()
                    + " characters long; IANA names are much shorter)");
        }
        String hint = ZONE_NAMES.stream().filter(known -> known.equalsIgnoreCase(name)).findFirst()
                .map(known -> " (did you mean \"" + known + "\"?)")
                .orElse(" (expected an IANA name such as Europe/Dublin or UTC)");
        throw new InvalidScheduleException("unknown time zone \"" + name + "\"" + hint);
    }

    @Override
    public Instant nextExpected(Instant lastPing) {
        return expression.nextAfter(lastPing, zone);
    }
}
