package dev.vigil.app.checks;

import dev.vigil.schedule.CronSchedule;
import dev.vigil.schedule.PeriodSchedule;
import dev.vigil.schedule.Schedule;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class PingRulesTest {

    private static final Schedule HOURLY = new PeriodSchedule(Duration.ofHours(1), Duration.ofMinutes(10));
    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");

    private static CheckState check(CheckStatus status) {
        return new CheckState(status, null, null, null, null, 0, false, "", HOURLY);
    }

    private static PingSignal signal(PingKind kind) {
        return new PingSignal(kind, null, "GET", null);
    }

    @Test
    void firstSuccessBringsANewCheckUpAndSetsTheAlertTime() {
        PingOutcome o = PingRules.apply(check(CheckStatus.NEW), signal(PingKind.SUCCESS), T0, null);
        assertThat(o.kind()).isEqualTo(PingKind.SUCCESS);
        assertThat(o.n()).isEqualTo(1);
        assertThat(o.after().status()).isEqualTo(CheckStatus.UP);
        assertThat(o.flippedFrom()).isEqualTo(CheckStatus.NEW);
        assertThat(o.after().lastPing()).isEqualTo(T0);
        assertThat(o.alertAfter()).isEqualTo(T0.plus(Duration.ofMinutes(70)));
    }

    @Test
    void failBringsItDownWithAFlipAndNoAlertTime() {
        CheckState up = PingRules.apply(check(CheckStatus.NEW), signal(PingKind.SUCCESS), T0, null).after();
        PingOutcome o = PingRules.apply(up, signal(PingKind.FAIL), T0.plusSeconds(60), null);
        assertThat(o.after().status()).isEqualTo(CheckStatus.DOWN);
        assertThat(o.flippedFrom()).isEqualTo(CheckStatus.UP);
        assertThat(o.alertAfter()).isNull();
        assertThat(o.n()).isEqualTo(2);
    }

    @Test
    void successOnAnUpCheckIsNoFlip() {
        CheckState up = PingRules.apply(check(CheckStatus.NEW), signal(PingKind.SUCCESS), T0, null).after();
        assertThat(PingRules.apply(up, signal(PingKind.SUCCESS), T0.plusSeconds(5), null).flipped()).isFalse();
    }

    @Test
    void startThenSuccessMeasuresTheRun() {
        CheckState started = PingRules.apply(check(CheckStatus.UP), signal(PingKind.START), T0, null).after();
        assertThat(started.started()).isTrue();
        PingOutcome done = PingRules.apply(started, signal(PingKind.SUCCESS), T0.plusMillis(83_250), null);
        assertThat(done.durationMs()).isEqualTo(83_250L);
        assertThat(done.after().lastDurationMs()).isEqualTo(83_250L);
        assertThat(done.after().started()).isFalse();
    }

    @Test
    void runIdsPairStartsWithTheirOwnEnds() {
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        CheckState s = PingRules.apply(check(CheckStatus.UP), new PingSignal(PingKind.START, null, "GET", a), T0, null)
                .after();
        s = PingRules.apply(s, new PingSignal(PingKind.START, null, "GET", b), T0.plusSeconds(10), null).after();
        // run a ends while b is still running: its start is found by the caller, b stays started
        PingOutcome endA = PingRules.apply(s, new PingSignal(PingKind.SUCCESS, null, "GET", a), T0.plusSeconds(30), T0);
        assertThat(endA.durationMs()).isEqualTo(30_000L);
        assertThat(endA.after().started()).isTrue();
        assertThat(endA.after().lastStartRid()).isEqualTo(b);
        PingOutcome endB = PingRules.apply(endA.after(), new PingSignal(PingKind.SUCCESS, null, "GET", b),
                T0.plusSeconds(50), null);
        assertThat(endB.durationMs()).isEqualTo(40_000L);
        assertThat(endB.after().started()).isFalse();
    }

    @Test
    void aStartOlderThan72HoursIsNotPaired() {
        CheckState started = PingRules.apply(check(CheckStatus.UP), signal(PingKind.START), T0, null).after();
        PingOutcome done = PingRules.apply(started, signal(PingKind.SUCCESS), T0.plus(Duration.ofHours(73)), null);
        assertThat(done.durationMs()).isNull();
    }

    @Test
    void aPendingStartMakesANewCheckDueAfterGrace() {
        PingOutcome o = PingRules.apply(check(CheckStatus.NEW), signal(PingKind.START), T0, null);
        assertThat(o.after().status()).isEqualTo(CheckStatus.NEW);
        assertThat(o.alertAfter()).isEqualTo(T0.plus(Duration.ofMinutes(10)));
    }

    @Test
    void logChangesNothingButTheSerial() {
        CheckState up = PingRules.apply(check(CheckStatus.NEW), signal(PingKind.SUCCESS), T0, null).after();
        PingOutcome o = PingRules.apply(up, signal(PingKind.LOG), T0.plusSeconds(1), null);
        assertThat(o.kind()).isEqualTo(PingKind.LOG);
        assertThat(o.after().lastPing()).isEqualTo(T0);
        assertThat(o.n()).isEqualTo(2);
        assertThat(o.flipped()).isFalse();
    }

    @Test
    void postOnlyChecksIgnoreOtherMethods() {
        CheckState postOnly = new CheckState(CheckStatus.NEW, null, null, null, null, 4, false, "POST", HOURLY);
        PingOutcome get = PingRules.apply(postOnly, signal(PingKind.SUCCESS), T0, null);
        assertThat(get.kind()).isEqualTo(PingKind.IGN);
        assertThat(get.after().status()).isEqualTo(CheckStatus.NEW);
        assertThat(get.n()).isEqualTo(5);
        PingOutcome post = PingRules.apply(postOnly, new PingSignal(PingKind.SUCCESS, null, "POST", null), T0, null);
        assertThat(post.after().status()).isEqualTo(CheckStatus.UP);
    }

    @Test
    void pausedChecksResumeOnAPingUnlessSetToManualResume() {
        CheckState paused = check(CheckStatus.PAUSED);
        assertThat(PingRules.apply(paused, signal(PingKind.SUCCESS), T0, null).after().status())
                .isEqualTo(CheckStatus.UP);
        CheckState manual = new CheckState(CheckStatus.PAUSED, null, null, null, null, 0, true, "", HOURLY);
        PingOutcome o = PingRules.apply(manual, signal(PingKind.SUCCESS), T0, null);
        assertThat(o.kind()).isEqualTo(PingKind.IGN);
        assertThat(o.after().status()).isEqualTo(CheckStatus.PAUSED);
        assertThat(o.alertAfter()).isNull();
    }

    @Test
    void cronChecksAreDueAtTheNextCronTimeAfterTheLastPingPlusGrace() {
        Schedule daily = CronSchedule.of("30 2 * * *", "America/New_York", Duration.ofMinutes(15));
        CheckState c = new CheckState(CheckStatus.NEW, null, null, null, null, 0, false, "", daily);
        // pinged on the Saturday before spring-forward: the next run is at 03:00 EDT, right after the jump
        PingOutcome o = PingRules.apply(c, signal(PingKind.SUCCESS), Instant.parse("2026-03-07T07:31:00Z"), null);
        assertThat(o.alertAfter()).isEqualTo(Instant.parse("2026-03-08T07:15:00Z"));
    }

    private static CheckState withExtensions(CheckStatus status, int alertAfterFailures, Duration startDeadline) {
        return new CheckState(status, null, null, null, null, 0, false, "", HOURLY, 0, alertAfterFailures,
                startDeadline);
    }

    @Test
    void withAlertAfterFailuresOnlyTheNthFailureInARowTurnsTheCheckDown() {
        CheckState c = PingRules.apply(withExtensions(CheckStatus.NEW, 3, null), signal(PingKind.SUCCESS), T0, null)
                .after();
        PingOutcome first = PingRules.apply(c, signal(PingKind.FAIL), T0.plusSeconds(60), null);
        assertThat(first.after().status()).isEqualTo(CheckStatus.UP);
        assertThat(first.flipped()).isFalse();
        assertThat(first.after().failuresInARow()).isEqualTo(1);
        assertThat(first.alertAfter()).isEqualTo(T0.plusSeconds(60).plus(Duration.ofMinutes(70)));

        PingOutcome second = PingRules.apply(first.after(), signal(PingKind.FAIL), T0.plusSeconds(120), null);
        PingOutcome success = PingRules.apply(second.after(), signal(PingKind.SUCCESS), T0.plusSeconds(180), null);
        assertThat(success.after().failuresInARow()).isZero(); // the streak starts again
        PingOutcome again = PingRules.apply(success.after(), signal(PingKind.FAIL), T0.plusSeconds(240), null);
        assertThat(again.after().status()).isEqualTo(CheckStatus.UP);

        PingOutcome second2 = PingRules.apply(again.after(), signal(PingKind.FAIL), T0.plusSeconds(300), null);
        PingOutcome third = PingRules.apply(second2.after(), signal(PingKind.FAIL), T0.plusSeconds(360), null);
        assertThat(third.after().status()).isEqualTo(CheckStatus.DOWN);
        assertThat(third.flippedFrom()).isEqualTo(CheckStatus.UP);
        assertThat(third.after().failuresInARow()).isEqualTo(3);
    }

    @Test
    void aStartDeadlineReplacesTheGraceTimeForARunInProgress() {
        CheckState up = withExtensions(CheckStatus.UP, 1, Duration.ofMinutes(2));
        PingOutcome started = PingRules.apply(up, signal(PingKind.START), T0, null);
        assertThat(started.alertAfter()).isEqualTo(T0.plus(Duration.ofMinutes(2)));

        CheckState plain = withExtensions(CheckStatus.UP, 1, null);
        assertThat(PingRules.apply(plain, signal(PingKind.START), T0, null).alertAfter())
                .isEqualTo(T0.plus(Duration.ofMinutes(10)));

        CheckState generous = withExtensions(CheckStatus.UP, 1, Duration.ofHours(5));
        CheckState ran = PingRules.apply(generous, signal(PingKind.SUCCESS), T0, null).after();
        PingOutcome longRun = PingRules.apply(ran, signal(PingKind.START), T0.plusSeconds(30), null);
        // the next expected ping (plus grace) comes before the end of the run's allowance
        assertThat(longRun.alertAfter()).isEqualTo(T0.plus(Duration.ofMinutes(70)));
    }
}
