package dev.vigil.app.api;

import dev.vigil.schedule.CronSchedule;
import dev.vigil.schedule.PeriodSchedule;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class DerivedStatusTest {

    private static final PeriodSchedule HOURLY = new PeriodSchedule(Duration.ofHours(1), Duration.ofMinutes(10));
    private static final Instant T = Instant.parse("2026-03-01T12:00:00Z");

    @Test
    void upCheckGoesLateThenDown() {
        assertThat(DerivedStatus.of("up", T, null, HOURLY, T.plusSeconds(3599)))
                .isEqualTo(new DerivedStatus("up", false, T.plusSeconds(3600)));
        assertThat(DerivedStatus.of("up", T, null, HOURLY, T.plusSeconds(3600)).status()).isEqualTo("grace");
        assertThat(DerivedStatus.of("up", T, null, HOURLY, T.plusSeconds(4199)).status()).isEqualTo("grace");
        assertThat(DerivedStatus.of("up", T, null, HOURLY, T.plusSeconds(4200)).status()).isEqualTo("down");
    }

    @Test
    void newPausedAndDownStayAsStoredWithoutNextPing() {
        for (String s : new String[] {"new", "paused", "down"}) {
            assertThat(DerivedStatus.of(s, T, null, HOURLY, T.plusSeconds(99_999)))
                    .isEqualTo(new DerivedStatus(s, false, null));
        }
    }

    @Test
    void aRunStartedLongerThanGraceAgoIsDown() {
        Instant start = T.plusSeconds(100);
        assertThat(DerivedStatus.of("new", null, start, HOURLY, start.plusSeconds(599)))
                .isEqualTo(new DerivedStatus("new", true, null));
        assertThat(DerivedStatus.of("new", null, start, HOURLY, start.plusSeconds(600)).status()).isEqualTo("down");
    }

    @Test
    void cronChecksAreDueAtTheNextFireTime() {
        CronSchedule daily = CronSchedule.of("30 2 * * *", "UTC", Duration.ofHours(1));
        assertThat(DerivedStatus.of("up", T, null, daily, T.plusSeconds(60)).nextPing())
                .isEqualTo(Instant.parse("2026-03-02T02:30:00Z"));
    }

    @Test
    void anUnusableScheduleLeavesTheStoredStatus() {
        assertThat(DerivedStatus.of("up", T, null, null, T.plusSeconds(999_999)))
                .isEqualTo(new DerivedStatus("up", false, null));
    }
}
