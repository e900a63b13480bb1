package dev.vigil.app.reports;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DowntimeTest {

    private static final Instant START = Instant.parse("2026-11-01T00:00:00Z");
    private static final Instant END = Instant.parse("2026-12-01T00:00:00Z");

    private static Downtime.Flip flip(String at, String status) {
        return new Downtime.Flip(Instant.parse(at), status);
    }

    @Test
    void downStretchesInsideThePeriodAddUp() {
        assertThat(Downtime.within(START, END, "up", List.of(flip("2026-11-02T10:00:00Z", "down"),
                flip("2026-11-02T11:30:00Z", "up"), flip("2026-11-20T00:00:00Z", "down"),
                flip("2026-11-20T00:00:45Z", "up")))).isEqualTo(Duration.ofMinutes(90).plusSeconds(45));
    }

    @Test
    void aCheckDownAtTheStartOrAtTheEndCountsFromTheEdge() {
        assertThat(Downtime.within(START, END, "down", List.of(flip("2026-11-01T02:00:00Z", "up"),
                flip("2026-11-30T23:00:00Z", "down"), flip("2026-12-03T00:00:00Z", "up"))))
                .isEqualTo(Duration.ofHours(3));
        assertThat(Downtime.within(START, END, "down", List.of())).isEqualTo(Duration.ofDays(30));
        assertThat(Downtime.within(START, END, "paused", List.of())).isEqualTo(Duration.ZERO);
    }

    @Test
    void describedForPeople() {
        assertThat(Downtime.describe(Duration.ZERO)).isEqualTo("none");
        assertThat(Downtime.describe(Duration.ofSeconds(45))).isEqualTo("45 s");
        assertThat(Downtime.describe(Duration.ofMinutes(12))).isEqualTo("12 min");
        assertThat(Downtime.describe(Duration.ofMinutes(185))).isEqualTo("3 h 5 min");
        assertThat(Downtime.describe(Duration.ofHours(52))).isEqualTo("2 d 4 h");
    }
}
