package dev.vigil.app.checks;

import dev.vigil.schedule.CronSchedule;
import dev.vigil.schedule.PeriodSchedule;
import dev.vigil.schedule.Schedule;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class StatusNowTest {

    private static final PeriodSchedule HOURLY = new PeriodSchedule(Duration.ofHours(1), Duration.ofMinutes(10));
    private static final Instant T = Instant.parse("2026-03-01T12:00:00Z");

    private static CheckState check(CheckStatus status, Instant lastPing, Instant lastStart, Schedule schedule,
            Duration startDeadline) {
        return new CheckState(status, lastPing, lastStart, null, null, 3, false, "", schedule, 0, 1, startDeadline);
    }

    private static StatusNow at(CheckState check, long secondsAfterT) {
        return StatusNow.of(check, T.plusSeconds(secondsAfterT));
    }

    @Test
    void upCheckGoesLateThenDown() {
        CheckState up = check(CheckStatus.UP, T, null, HOURLY, null);
        assertThat(at(up, 3599)).isEqualTo(new StatusNow(Status.UP, false, T.plusSeconds(3600), T.plusSeconds(4200)));
        assertThat(at(up, 3600).status()).isEqualTo(Status.GRACE);
        assertThat(at(up, 4199).status()).isEqualTo(Status.GRACE);
        assertThat(at(up, 4200).status()).isEqualTo(Status.DOWN);
    }

    @Test
    void newPausedAndDownStayAsStoredWithoutNextPing() {
        assertThat(at(check(CheckStatus.NEW, null, null, HOURLY, null), 99_999))
                .isEqualTo(new StatusNow(Status.NEW, false, null, null));
        assertThat(at(check(CheckStatus.PAUSED, T, null, HOURLY, null), 99_999))
                .isEqualTo(new StatusNow(Status.PAUSED, false, null, null));
        assertThat(at(check(CheckStatus.DOWN, T, null, HOURLY, null), 99_999))
                .isEqualTo(new StatusNow(Status.DOWN, false, null, null));
    }

    @Test
    void aRunStartedLongerThanGraceAgoIsDown() {
        Instant start = T.plusSeconds(100);
        CheckState started = check(CheckStatus.NEW, null, start, HOURLY, null);
        assertThat(StatusNow.of(started, start.plusSeconds(599)))
                .isEqualTo(new StatusNow(Status.NEW, true, null, start.plusSeconds(600)));
        assertThat(StatusNow.of(started, start.plusSeconds(600)).status()).isEqualTo(Status.DOWN);
        CheckState pausedThenStarted = check(CheckStatus.PAUSED, T, start, HOURLY, null);
        assertThat(StatusNow.of(pausedThenStarted, start.plusSeconds(600)).status()).isEqualTo(Status.DOWN);
    }

    /**
     * Issue 13's report: timeout 60, grace 60, start deadline 300, pinged and then started. 75 s after the start the
     * API said down (it gave the run the grace time, not its start deadline) while the sender rightly left it alone.
     */
    @Test
    void aStartedRunHasItsStartDeadlineNotTheGraceTime() {
        PeriodSchedule minutely = new PeriodSchedule(Duration.ofSeconds(60), Duration.ofSeconds(60));
        CheckState pinged = check(CheckStatus.UP, T, null, minutely, Duration.ofSeconds(300));
        CheckState started = PingRules.apply(pinged, new PingSignal(PingKind.START, null, "GET", null),
                T.plusSeconds(1), null).after();

        StatusNow later = at(started, 76);
        assertThat(later.status()).isEqualTo(Status.GRACE); // late by the schedule, but not down
        assertThat(later.started()).isTrue();
        // the schedule's own deadline (next ping + grace) still comes first here
        assertThat(later.goingDown()).isEqualTo(T.plusSeconds(120));
        assertThat(at(started, 120).status()).isEqualTo(Status.DOWN);
    }

    @Test
    void cronChecksAreDueAtTheNextFireTime() {
        CronSchedule daily = CronSchedule.of("30 2 * * *", "UTC", Duration.ofHours(1));
        assertThat(at(check(CheckStatus.UP, T, null, daily, null), 60).nextPing())
                .isEqualTo(Instant.parse("2026-03-02T02:30:00Z"));
    }

    @Test
    void anUnusableScheduleLeavesTheStoredStatus() {
        assertThat(at(check(CheckStatus.UP, T, null, null, null), 999_999))
                .isEqualTo(new StatusNow(Status.UP, false, null, null));
    }

    @Test
    void aStoredGraceReadsAsUp() {
        assertThat(CheckStatus.fromDb("grace")).isEqualTo(CheckStatus.UP);
        assertThat(new CheckState(CheckStatus.fromDb("grace"), T, null, UUID.randomUUID(), null, 1, false, "",
                HOURLY).status()).isEqualTo(CheckStatus.UP);
    }
}
