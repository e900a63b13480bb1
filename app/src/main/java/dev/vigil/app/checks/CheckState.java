package dev.vigil.app.checks;

import dev.vigil.schedule.Schedule;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * What the ping path needs to know about a check, and what a ping changes.
 *
 * @param lastStart    time of a start signal whose run has not ended yet, or null
 * @param lastStartRid run id of that start, or null
 * @param lastDurationMs duration of the last run that ended with a matching start, or null
 * @param nPings       serial number of the last ping (pings are numbered 1, 2, ... per check)
 * @param methods      "" when any HTTP method counts, "POST" when only POST does
 * @param schedule     null when the stored schedule is unusable: the check then never becomes due
 * @param failuresInARow    failures since the last success (Vigil extension)
 * @param alertAfterFailures the failure in a row that turns the check down; 1 (the default) is the first
 * @param startDeadline  how long a started run may take before the check goes down; null: the grace time
 */
public record CheckState(
        CheckStatus status,
        Instant lastPing,
        Instant lastStart,
        UUID lastStartRid,
        Long lastDurationMs,
        long nPings,
        boolean manualResume,
        String methods,
        Schedule schedule,
        int failuresInARow,
        int alertAfterFailures,
        Duration startDeadline) {

    public CheckState {
        if (alertAfterFailures < 1) {
            throw new IllegalArgumentException("alertAfterFailures must be at least 1, got " + alertAfterFailures);
        }
    }

    /** A check with Healthchecks' behaviour: the first failure turns it down, a started run has the grace time. */
    public CheckState(CheckStatus status, Instant lastPing, Instant lastStart, UUID lastStartRid, Long lastDurationMs,
            long nPings, boolean manualResume, String methods, Schedule schedule) {
        this(status, lastPing, lastStart, lastStartRid, lastDurationMs, nPings, manualResume, methods, schedule, 0, 1,
                null);
    }

    /** A run is in progress: started, and neither succeeded nor failed since. */
    public boolean started() {
        return lastStart != null;
    }
}
