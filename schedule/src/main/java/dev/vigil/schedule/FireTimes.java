package dev.vigil.schedule;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.Objects;

/**
 * When Debian's cron actually starts a job, given the wall-clock minutes its expression matches.
 *
 * <p>Debian's cron keeps a "virtual" wall clock and compares it with the real one every minute
 * (cron.c, main loop). Transitions move the real clock, and what happens depends on the jump and on
 * the kind of job. A <em>fixed-time</em> job has neither minute nor hour starting with '*'; the rest
 * are <em>wildcard</em> jobs.
 * <ul>
 *   <li>Clock forward by 5 minutes to 3 hours (a normal DST start): wildcard jobs run for the new
 *       minute only; fixed-time jobs that matched any skipped minute run right away, at the
 *       transition, once.</li>
 *   <li>Clock forward by less than 5 minutes: every job, wildcard included, catches up at the
 *       transition.</li>
 *   <li>Clock forward by 3 hours or more: treated as the clock being set; skipped minutes are lost.</li>
 *   <li>Clock back by up to 3 hours (a normal DST end): only wildcard jobs run while the clock
 *       repeats minutes it has shown, so fixed-time jobs run once, at the first occurrence.</li>
 *   <li>Clock back by more than 3 hours: treated as the clock being set; every job runs again.</li>
 * </ul>
 * Several runs that Debian starts at the same transition count as one fire time here; fire times are
 * strictly increasing.
 */
final class FireTimes {

    // One Gregorian cycle: any date pattern that exists at all recurs within it.
    private static final Duration HORIZON = Duration.ofDays(146_097);

    // The thresholds of cron.c, in minutes of wall-clock difference between two ticks.
    private static final long CATCH_UP_EVERYTHING_BELOW = 5;
    private static final long CLOCK_SET_FROM = 3 * 60;

    private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999999Z");

    private FireTimes() {
    }

    static Instant nextAfter(CronExpression cron, Instant after, ZoneId zone) {
        Objects.requireNonNull(zone, "zone");
        return nextAfter(cron, after, zone.getRules(), zone.getId());
    }

    /** As above, for any rules; tests use this to build transitions no real zone has today. */
    static Instant nextAfter(CronExpression cron, Instant after, ZoneRules rules, String zoneName) {
        Objects.requireNonNull(after, "after");
        if (after.isBefore(EARLIEST) || after.isAfter(LATEST)) {
            throw new IllegalArgumentException("fire times can only be computed for years 1 to 9999, not " + after);
        }
        Instant horizon = after.plus(HORIZON);
        Instant cursor = after;
        boolean cursorIncluded = false;
        // The transition that started the offset period we are in, if any: it tells which wall-clock
        // minutes of this period are repeats.
        ZoneOffsetTransition entered = rules.previousTransition(after.plusNanos(1));
        while (cursor.isBefore(horizon)) {
            ZoneOffset offset = rules.getOffset(cursor);
            ZoneOffsetTransition next = rules.nextTransition(cursor);
            Instant periodEnd = next == null || next.getInstant().isAfter(horizon) ? horizon : next.getInstant();
            LocalDateTime from = firstCandidate(LocalDateTime.ofInstant(cursor, offset), cursorIncluded);
            LocalDateTime limit = LocalDateTime.ofInstant(periodEnd, offset);
            LocalDateTime match = cron.firstMatch(from, limit);
            if (match != null && isRepeat(entered, match) && runsOnlyOnce(cron, entered)) {
                match = cron.firstMatch(entered.getDateTimeBefore(), limit);
            }
            if (match != null) {
                return match.toInstant(offset);
            }
            if (periodEnd.equals(horizon)) {
                break;
            }
            if (next.isGap() && catchesUp(cron, next)) {
                return next.getInstant();
            }
            cursor = next.getInstant();
            cursorIncluded = true;
            entered = next;
        }
        throw new InvalidScheduleException("\"" + cron.text() + "\" does not fire in " + zoneName
                + " within 400 years after " + after + " (all its times fall into daylight-saving gaps)");
    }

    /** The first whole wall-clock minute whose instant is after (or, when included, at) the cursor. */
    private static LocalDateTime firstCandidate(LocalDateTime cursor, boolean included) {
        LocalDateTime minute = cursor.truncatedTo(ChronoUnit.MINUTES);
        return included && minute.equals(cursor) ? minute : minute.plusMinutes(1);
    }

    /** Whether the wall-clock minute was already shown before the clock went back at {@code entered}. */
    private static boolean isRepeat(ZoneOffsetTransition entered, LocalDateTime wallClock) {
        return entered != null && entered.isOverlap()
                && !wallClock.isBefore(entered.getDateTimeAfter())
                && wallClock.isBefore(entered.getDateTimeBefore());
    }

    private static boolean runsOnlyOnce(CronExpression cron, ZoneOffsetTransition overlap) {
        return cron.isFixedTime() && -overlap.getDuration().toMinutes() <= CLOCK_SET_FROM;
    }

    /** Whether a job whose time was skipped by {@code gap} runs at the transition instead. */
    private static boolean catchesUp(CronExpression cron, ZoneOffsetTransition gap) {
        // cron.c compares minute numbers one tick apart, so a gap of g minutes shows as g + 1.
        long jump = gap.getDuration().toMinutes() + 1;
        if (jump > CLOCK_SET_FROM) {
            return false;
        }
        if (jump > CATCH_UP_EVERYTHING_BELOW && !cron.isFixedTime()) {
            return false;
        }
        return cron.firstMatch(gap.getDateTimeBefore(), gap.getDateTimeAfter()) != null;
    }
}
