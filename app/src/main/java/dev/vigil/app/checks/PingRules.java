package dev.vigil.app.checks;

import dev.vigil.schedule.InvalidScheduleException;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * How a ping changes a check, as Healthchecks does it:
 * <ul>
 *   <li>a check set to "POST only" ignores other methods; a paused check set to manual resume ignores everything;</li>
 *   <li>start marks a run in progress; success and fail end it (measuring its duration when the run ids match) and
 *       set the status up or down, resuming a paused check; log records the ping and changes nothing;</li>
 *   <li>every ping gets the next serial number and the time the alert sender looks at the check is recomputed.</li>
 * </ul>
 * Two Vigil extensions: with {@code alertAfterFailures} N above 1, the first N - 1 failures in a row count as
 * runs that happened (the check stays up) and the Nth turns it down; with a {@code startDeadline}, a started run
 * must end within that time instead of the grace time.
 */
public final class PingRules {

    /** A start older than this is not paired with a success or fail: the run is taken as lost. */
    public static final Duration MAX_RUN_TIME = Duration.ofHours(72);

    private PingRules() {
    }

    /**
     * Applies one ping.
     *
     * @param startOfRun for a success or fail whose run id differs from the pending start's: the time of the most
     *                   recent start ping with that run id, if the caller found one; otherwise null
     */
    public static PingOutcome apply(CheckState check, PingSignal ping, Instant now, Instant startOfRun) {
        PingKind kind = ping.kind();
        if ("POST".equals(check.methods()) && !"POST".equals(ping.method())) {
            kind = PingKind.IGN;
        } else if (check.status() == CheckStatus.PAUSED && check.manualResume()) {
            kind = PingKind.IGN;
        }
        long n = check.nPings() + 1;
        CheckStatus status = check.status();
        Instant lastPing = check.lastPing();
        Instant lastStart = check.lastStart();
        UUID lastStartRid = check.lastStartRid();
        Long lastDuration = check.lastDurationMs();
        Long duration = null;
        CheckStatus flippedFrom = null;
        int failures = check.failuresInARow();

        switch (kind) {
            case START -> {
                lastStart = now;
                lastStartRid = ping.rid();
            }
            case SUCCESS, FAIL -> {
                lastPing = now;
                lastDuration = null;
                if (lastStart != null && Objects.equals(lastStartRid, ping.rid())) {
                    duration = runTime(lastStart, now);
                    lastDuration = duration;
                    lastStart = null;
                    lastStartRid = null;
                } else {
                    if (startOfRun != null) {
                        duration = runTime(startOfRun, now); // a concurrent run, started with its own id
                    }
                    if (kind == PingKind.FAIL || ping.rid() == null) {
                        lastStart = null;
                        lastStartRid = null;
                    }
                }
                failures = kind == PingKind.FAIL ? Math.min(failures + 1, Integer.MAX_VALUE - 1) : 0;
                boolean tolerated = kind == PingKind.FAIL && failures < check.alertAfterFailures();
                CheckStatus next = kind == PingKind.FAIL && !tolerated ? CheckStatus.DOWN : CheckStatus.UP;
                if (next != status) {
                    flippedFrom = status;
                    status = next;
                }
            }
            case LOG, IGN -> {
                // recorded, no change of state
            }
        }
        CheckState after = new CheckState(status, lastPing, lastStart, lastStartRid, lastDuration, n,
                check.manualResume(), check.methods(), check.schedule(), failures, check.alertAfterFailures(),
                check.startDeadline());
        return new PingOutcome(kind, n, duration, after, flippedFrom, alertAfter(after));
    }

    /**
     * When the check goes down if nothing else arrives: the next expected ping plus the grace time, or the end of
     * the pending run's allowance (its start plus the start deadline, else the grace time), whichever is earlier.
     * Null for checks that cannot go down: new or paused with no run in progress, or down.
     */
    public static Instant alertAfter(CheckState check) {
        if (check.schedule() == null) {
            return null;
        }
        Instant late = null;
        if (check.status() == CheckStatus.UP && check.lastPing() != null) {
            try {
                late = check.schedule().nextExpected(check.lastPing()).plus(check.schedule().grace());
            } catch (InvalidScheduleException e) {
                late = null; // a cron schedule with no future time in its zone: nothing is ever due
            }
        }
        if (check.lastStart() != null && check.status() != CheckStatus.DOWN) {
            Instant overdue = check.lastStart().plus(
                    check.startDeadline() != null ? check.startDeadline() : check.schedule().grace());
            late = late == null || overdue.isBefore(late) ? overdue : late;
        }
        return late;
    }

    private static Long runTime(Instant start, Instant end) {
        Duration d = Duration.between(start, end);
        return d.isNegative() || d.compareTo(MAX_RUN_TIME) > 0 ? null : d.toMillis();
    }
}
