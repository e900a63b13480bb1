package dev.vigil.app.alerts;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SenderSettingsTest {

    @Test
    void backoffTriplesUpToAnHour() {
        SenderSettings s = SenderSettings.defaults();
        assertThat(s.backoff(1)).isEqualTo(Duration.ofSeconds(10));
        assertThat(s.backoff(2)).isEqualTo(Duration.ofSeconds(30));
        assertThat(s.backoff(4)).isEqualTo(Duration.ofSeconds(270));
        assertThat(s.backoff(40)).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void theSenderLooksAtLeastEveryTwoSeconds() {
        assertThatThrownBy(() -> new SenderSettings(Duration.ofSeconds(3), Duration.ofSeconds(60), 4, 5,
                Duration.ofSeconds(10), 100)).hasMessage("VIGIL_ALERTS_POLL_MS must be between 1 and 2000");
    }
}
