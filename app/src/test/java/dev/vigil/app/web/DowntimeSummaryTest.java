package dev.vigil.app.web;

import dev.vigil.app.api.FlipEvent;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DowntimeSummaryTest {

    private static final Instant NOW = Instant.parse("2026-03-15T12:00:00Z");

    private static FlipEvent flip(String at, String from, String to) {
        return new FlipEvent(Instant.parse(at), from, to, "");
    }

    @Test
    void theLastThreeMonthsStartAtTheFirstOfTheOldest() {
        assertThat(DowntimeSummary.from(NOW, 3)).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
    }

    @Test
    void downtimeIsReplayedFromTheFlipsAcrossMonthBoundariesNewestMonthFirst() {
        List<FlipEvent> flips = List.of( // newest first, as the store gives them
                flip("2026-03-02T00:00:00Z", "down", "up"),
                flip("2026-02-28T23:00:00Z", "up", "down"),   // 1 h in February, 2 days in March
                flip("2026-01-10T10:30:00Z", "down", "up"),
                flip("2026-01-10T10:00:00Z", "up", "down"));  // 30 min in January
        List<DowntimeSummary.Month> months = DowntimeSummary.of(NOW, 3, "up", "up", flips);
        assertThat(months).extracting(DowntimeSummary.Month::label)
                .containsExactly("March 2026", "February 2026", "January 2026");
        assertThat(months).extracting(DowntimeSummary.Month::down)
                .containsExactly(Duration.ofDays(1), Duration.ofHours(1), Duration.ofMinutes(30));
        assertThat(months).extracting(DowntimeSummary.Month::downs).containsExactly(0, 1, 1);
        assertThat(months.get(0).downtime()).isEqualTo("1 d 0 h");
        assertThat(months.get(2).downtime()).isEqualTo("30 min");
        assertThat(months.get(1).uptime()).isEqualTo("99.85%"); // 1 h of 672
    }

    @Test
    void aCheckDownSinceBeforeTheWindowIsDownUntilItsNextFlipAndTheCurrentMonthEndsNow() {
        List<DowntimeSummary.Month> months = DowntimeSummary.of(NOW, 3, "down", "down", List.of());
        assertThat(months.get(0).down()).isEqualTo(Duration.ofDays(14).plusHours(12));
        assertThat(months.get(0).uptime()).isEqualTo("0.00%");
        assertThat(months).extracting(DowntimeSummary.Month::downs).containsExactly(0, 0, 0);
        // never flipped and not down: no downtime at all
        assertThat(DowntimeSummary.of(NOW, 3, null, "new", List.of())).allSatisfy(m -> {
            assertThat(m.downtime()).isEqualTo("none");
            assertThat(m.uptime()).isEqualTo("100%");
        });
        // no flip before the window: the first flip's old status is the status at its start
        assertThat(DowntimeSummary.of(NOW, 3, null, "up", List.of(flip("2026-01-01T06:00:00Z", "down", "up")))
                .get(2).down()).isEqualTo(Duration.ofHours(6));
    }

    @Test
    void aLittleDowntimeIsNeverRoundedUpToAFullUptime() {
        assertThat(DowntimeSummary.uptime(Duration.ofSeconds(1), Duration.ofDays(31))).isEqualTo("99.99%");
    }
}
