package dev.vigil.app.api;

import dev.vigil.schedule.InvalidScheduleException;
import dev.vigil.schedule.Schedule;

import java.time.Instant;

/**
 * A check's status as the API reports it, derived from the stored one the way Healthchecks does: a run that started
 * longer than the grace time ago is down; a new, paused or down check is what it is stored as; an up check is late
 * ("grace") from its next expected ping and down once the grace time has passed too.
 *
 * @param status   new, up, grace, down or paused
 * @param started  a run is in progress
 * @param nextPing when the next ping is expected (the start of the grace time), or null
 */
public record DerivedStatus(String status, boolean started, Instant nextPing) {

    public static DerivedStatus of(String stored, Instant lastPing, Instant lastStart, Schedule schedule,
            Instant now) {
        boolean started = lastStart != null;
        Instant nextPing = nextExpected(stored, lastPing, schedule);
        if (started && schedule != null && !now.isBefore(lastStart.plus(schedule.grace()))) {
            return new DerivedStatus("down", true, nextPing);
        }
        if (!"up".equals(stored) || nextPing == null) {
            return new DerivedStatus("grace".equals(stored) ? "up" : stored, started, nextPing);
        }
        if (!now.isBefore(nextPing.plus(schedule.grace()))) {
            return new DerivedStatus("down", started, nextPing);
        }
        return new DerivedStatus(now.isBefore(nextPing) ? "up" : "grace", started, nextPing);
    }

    private static Instant nextExpected(String stored, Instant lastPing, Schedule schedule) {
        if (!"up".equals(stored) || lastPing == null || schedule == null) {
            return null;
        }
        try {
            return schedule.nextExpected(lastPing);
        } catch (InvalidScheduleException e) {
            return null; // a cron line that never fires in its zone: nothing is ever due
        }
    }
}
