package dev.vigil.app.web;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class RelativeTimeTest {

    private static final Instant NOW = Instant.parse("2026-12-03T12:00:00Z");

    @Test
    void picksTheCoarsestUnitAndRoundsDown() {
        assertThat(RelativeTime.ago(null, NOW)).isEqualTo("never");
        assertThat(RelativeTime.ago(NOW.minusSeconds(2), NOW)).isEqualTo("just now");
        assertThat(RelativeTime.ago(NOW.plusSeconds(3), NOW)).isEqualTo("just now"); // another server's clock
        assertThat(RelativeTime.ago(NOW.minusSeconds(59), NOW)).isEqualTo("59 seconds ago");
        assertThat(RelativeTime.ago(NOW.minusSeconds(60), NOW)).isEqualTo("1 minute ago");
        assertThat(RelativeTime.ago(NOW.minusSeconds(3599), NOW)).isEqualTo("59 minutes ago");
        assertThat(RelativeTime.ago(NOW.minusSeconds(7200), NOW)).isEqualTo("2 hours ago");
        assertThat(RelativeTime.ago(NOW.minusSeconds(86400 * 3 + 5), NOW)).isEqualTo("3 days ago");
    }
}
