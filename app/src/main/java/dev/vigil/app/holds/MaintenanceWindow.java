package dev.vigil.app.holds;

import dev.vigil.schedule.InvalidScheduleException;
import dev.vigil.schedule.ScheduleExpression;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A planned time during which a check's down flips are recorded but not told. It covers one check, the checks with
 * a tag, or a whole project; it is one-off (from {@code start} to {@code end}) or recurring (opening at each fire
 * time of a cron or OnCalendar expression in {@code zone}, for {@code duration}).
 *
 * @param target the check's UUID for {@link Scope#CHECK}, the tag for {@link Scope#TAG}, "" for the project
 */
public record MaintenanceWindow(UUID id, Scope scope, String target, Instant start, Instant end,
        ScheduleExpression schedule, ZoneId zone, Duration duration, String reason) {

    /** The longest opening of a recurring window: longer ones would hide a check for good. */
    public static final Duration MAX_DURATION = Duration.ofDays(7);

    public enum Scope {
        CHECK, TAG, PROJECT;

        public String word() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public MaintenanceWindow {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(reason, "reason");
        if (schedule == null) {
            if (start == null || end == null) {
                throw new IllegalArgumentException("a window needs a start and an end, or a schedule and a duration");
            }
            if (!end.isAfter(start)) {
                throw new IllegalArgumentException("the end must be after the start");
            }
        } else {
            if (start != null || end != null) {
                throw new IllegalArgumentException("a window has a start and an end, or a schedule, not both");
            }
            Objects.requireNonNull(zone, "zone");
            if (duration == null || duration.compareTo(Duration.ofMinutes(1)) < 0
                    || duration.compareTo(MAX_DURATION) > 0) {
                throw new IllegalArgumentException("a recurring window's duration must be from 60 seconds to "
                        + MAX_DURATION.toSeconds() + " seconds (7 days)");
            }
        }
    }

    public static MaintenanceWindow oneOff(UUID id, Scope scope, String target, Instant start, Instant end,
            String reason) {
        return new MaintenanceWindow(id, scope, target, start, end, null, null, null, reason);
    }

    public static MaintenanceWindow recurring(UUID id, Scope scope, String target, ScheduleExpression schedule,
            ZoneId zone, Duration duration, String reason) {
        return new MaintenanceWindow(id, scope, target, null, null, schedule, zone, duration, reason);
    }

    public boolean recurring() {
        return schedule != null;
    }

    /** Whether the window is about this check (by its UUID and its tags). */
    public boolean covers(UUID checkId, List<String> tags) {
        return switch (scope) {
            case CHECK -> target.equals(checkId.toString());
            case TAG -> tags.contains(target);
            case PROJECT -> true;
        };
    }

    /**
     * When the opening that contains {@code now} ends, or empty when the window is closed at {@code now}. An opening
     * includes its start and excludes its end. A recurring window is open when a fire time lies in
     * {@code (now - duration, now]}; of overlapping openings, the one ending last counts.
     */
    public Optional<Instant> openUntil(Instant now) {
        if (!recurring()) {
            return !now.isBefore(start) && now.isBefore(end) ? Optional.of(end) : Optional.empty();
        }
        Instant until = null;
        Instant cursor = now.minus(duration);
        for (int i = 0; i < 10_000; i++) { // bounded: a per-minute cron in a 7-day window fires 10,080 times
            Instant fire;
            try {
                fire = schedule.nextAfter(cursor, zone);
            } catch (InvalidScheduleException e) {
                break; // never fires again
            }
            if (fire.isAfter(now)) {
                break;
            }
            until = fire.plus(duration);
            cursor = fire;
        }
        return Optional.ofNullable(until);
    }
}
