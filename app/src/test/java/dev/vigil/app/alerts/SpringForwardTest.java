package dev.vigil.app.alerts;

import dev.vigil.app.checks.CheckState;
import dev.vigil.app.checks.CheckStatus;
import dev.vigil.app.checks.PingKind;
import dev.vigil.app.checks.PingOutcome;
import dev.vigil.app.checks.PingRules;
import dev.vigil.app.checks.PingSignal;
import dev.vigil.schedule.CronSchedule;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A daily cron job across the night the clocks go forward: the alert time the sender acts on must not come before
 * the job's real run. In New York on 8 March 2026 02:00 EST jumps to 03:00 EDT, so Debian's cron runs
 * {@code 30 2 * * *} at 03:00 EDT (07:00 UTC).
 */
class SpringForwardTest {

    private static final CronSchedule DAILY_0230 = CronSchedule.of("30 2 * * *", "America/New_York",
            Duration.ofMinutes(5));

    private static CheckState upAfterPingAt(Instant lastPing) {
        return new CheckState(CheckStatus.UP, lastPing, null, null, null, 10, false, "", DAILY_0230);
    }

    @Test
    void theRunRightAfterTheJumpComesBeforeTheAlertTime() {
        Instant saturdayRun = Instant.parse("2026-03-07T07:30:10Z"); // 02:30:10 EST
        Instant alertAfter = PingRules.alertAfter(upAfterPingAt(saturdayRun));
        assertThat(alertAfter).isEqualTo(Instant.parse("2026-03-08T07:05:00Z")); // 03:00 EDT + 5 min grace

        Instant sundayRun = Instant.parse("2026-03-08T07:00:20Z"); // the job ran at 03:00 EDT and took 20 s
        assertThat(sundayRun).isBefore(alertAfter); // so the sender never sees the check as due

        PingOutcome o = PingRules.apply(upAfterPingAt(saturdayRun), new PingSignal(PingKind.SUCCESS, null, "GET",
                null), sundayRun, null);
        assertThat(o.flipped()).isFalse();
        assertThat(o.after().status()).isEqualTo(CheckStatus.UP);
        assertThat(o.alertAfter()).isEqualTo(Instant.parse("2026-03-09T06:35:00Z")); // 02:30 EDT Monday + grace
    }

    @Test
    void aWholeDayBetweenTheRunsIsNotMistakenForTwoHoursOfGrace() {
        // the last ping just before the jump: the next run is a day later in local time, 23 hours in real time
        Instant alertAfter = PingRules.alertAfter(upAfterPingAt(Instant.parse("2026-03-08T07:00:20Z")));
        assertThat(alertAfter).isEqualTo(Instant.parse("2026-03-09T06:35:00Z"));
    }
}
