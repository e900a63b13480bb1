package dev.vigil.app.checks;

import dev.vigil.schedule.PeriodSchedule;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class StoredAlertTimeTest {

    private static final PeriodSchedule HOURLY = new PeriodSchedule(Duration.ofHours(1), Duration.ofMinutes(5));
    private static final Instant T = Instant.parse("2026-11-23T10:00:00Z");

    private static CheckState state(CheckStatus status, Instant lastPing, Instant lastStart) {
        return new CheckState(status, lastPing, lastStart, lastStart == null ? null : UUID.randomUUID(), null, 5,
                false, "", HOURLY);
    }

    @Test
    void aPingThatMovesTheRealTimeLaterKeepsTheStoredOne() {
        Instant stored = T.plus(Duration.ofMinutes(65));
        CheckState after = state(CheckStatus.UP, T.plus(Duration.ofMinutes(30)), null);
        assertThat(PingRules.alertAfter(after)).isEqualTo(T.plus(Duration.ofMinutes(95)));
        assertThat(StoredAlertTime.afterPings(stored, CheckStatus.UP, after)).isEqualTo(stored);
    }

    @Test
    void aPingThatMovesTheRealTimeEarlierIsStored() {
        // a started run must end within the grace time: earlier than the next expected ping
        Instant stored = T.plus(Duration.ofMinutes(65));
        CheckState started = state(CheckStatus.UP, T, T.plus(Duration.ofMinutes(1)));
        assertThat(StoredAlertTime.afterPings(stored, CheckStatus.UP, started))
                .isEqualTo(T.plus(Duration.ofMinutes(6)));
    }

    @Test
    void aStatusChangeStoresTheRealTime() {
        CheckState up = state(CheckStatus.UP, T, null);
        assertThat(StoredAlertTime.afterPings(null, CheckStatus.NEW, up)).isEqualTo(T.plus(Duration.ofMinutes(65)));
        assertThat(StoredAlertTime.afterPings(T.minus(Duration.ofDays(1)), CheckStatus.DOWN, up))
                .isEqualTo(T.plus(Duration.ofMinutes(65)));
    }

    @Test
    void aCheckThatCannotGoDownStoresNoTime() {
        CheckState down = state(CheckStatus.DOWN, T, null);
        assertThat(StoredAlertTime.afterPings(T, CheckStatus.UP, down)).isNull();
        assertThat(StoredAlertTime.afterPings(T, CheckStatus.PAUSED, state(CheckStatus.PAUSED, T, null))).isNull();
    }

    @Test
    void theStoredTimeIsNeverLaterThanTheRealOne() {
        Instant stored = T.plus(Duration.ofMinutes(65));
        for (int minutes = -120; minutes <= 120; minutes += 7) {
            CheckState after = state(CheckStatus.UP, T.plus(Duration.ofMinutes(minutes)), null);
            Instant kept = StoredAlertTime.afterPings(stored, CheckStatus.UP, after);
            assertThat(kept).isBeforeOrEqualTo(PingRules.alertAfter(after));
        }
    }
}
