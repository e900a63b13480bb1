package dev.vigil.schedule;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** The bounds every period and grace time must respect, and the wording used when they do not. */
final class ScheduleLimits {

    static final Duration MINIMUM = Duration.ofMinutes(1);
    // A year is the longest silence anyone can mean; anything longer is almost always a typo.
    static final Duration MAXIMUM = Duration.ofDays(365);

    private ScheduleLimits() {
    }

    static Duration requireWithinLimits(String name, Duration value) {
        Objects.requireNonNull(value, name);
        if (value.compareTo(MINIMUM) < 0) {
            throw new InvalidScheduleException(name + " must be at least 1 minute, got " + describe(value));
        }
        if (value.compareTo(MAXIMUM) > 0) {
            throw new InvalidScheduleException(name + " must be at most 365 days, got " + describe(value));
        }
        return value;
    }

    /** "1 day 2 hours", "30 seconds"; ISO-8601 for negative or sub-second values, which have no plain wording. */
    static String describe(Duration value) {
        if (value.isNegative() || value.getNano() != 0) {
            return value.toString();
        }
        if (value.isZero()) {
            return "0 seconds";
        }
        List<String> parts = new ArrayList<>();
        addPart(parts, value.toDaysPart(), "day");
        addPart(parts, value.toHoursPart(), "hour");
        addPart(parts, value.toMinutesPart(), "minute");
        addPart(parts, value.toSecondsPart(), "second");
        return String.join(" ", parts);
    }

    private static void addPart(List<String> parts, long amount, String unit) {
        if (amount != 0) {
            parts.add(amount + " " + unit + (amount == 1 ? "" : "s"));
        }
    }
}
