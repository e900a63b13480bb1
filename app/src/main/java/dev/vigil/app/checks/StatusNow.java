package dev.vigil.app.checks;

import dev.vigil.schedule.InvalidScheduleException;

import java.time.Instant;

/**
 * The one rule for a check's status at a moment, used by the alert sender (which marks a check down when this says
 * down), the API, badges and metrics. A check is down when it is stored down, or when the moment
 * {@link PingRules#alertAfter} gives has come: its next expected ping plus the grace time, or the end of a started
 * run's allowance (its start deadline, else the grace time), whichever is earlier. Otherwise a new or paused check
 * is what it is stored as, and an up check is late ({@link Status#GRACE}) from its next expected ping on.
 *
 * @param status    the status now
 * @param started   a run is in progress (a start without its success or failure)
 * @param nextPing  when the next ping is expected (the start of the grace time), or null
 * @param goingDown when the check goes down if nothing arrives (or went down, for a check not stored down yet);
 *                  null for a check that cannot go down
 */
public record StatusNow(Status status, boolean started, Instant nextPing, Instant goingDown) {

    public static StatusNow of(CheckState check, Instant now) {
        Instant nextPing = nextExpected(check);
        Instant goingDown = PingRules.alertAfter(check);
        Status status;
        if (check.status() == CheckStatus.DOWN || goingDown != null && !now.isBefore(goingDown)) {
            status = Status.DOWN;
        } else {
            status = switch (check.status()) {
                case NEW -> Status.NEW;
                case PAUSED -> Status.PAUSED;
                default -> nextPing != null && !now.isBefore(nextPing) ? Status.GRACE : Status.UP;
            };
        }
        return new StatusNow(status, check.started(), nextPing, goingDown);
    }

    private static Instant nextExpected(CheckState check) {
        if (check.status() != CheckStatus.UP || check.lastPing() == null || check.schedule() == null) {
            return null;
        }
        try {
            return check.schedule().nextExpected(check.lastPing());
        } catch (InvalidScheduleException e) {
            return null; // a cron line that never fires in its zone: nothing is ever due
        }
    }
}
