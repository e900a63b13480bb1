package dev.vigil.app.ping;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PingListenerSettingsTest {

    @Test
    void aPortTurnsTheListenerOn() {
        PingListenerSettings s = PingListenerSettings.parse(" 8001 ", "8000", 30_000);
        assertThat(s.enabled()).isTrue();
        assertThat(s.port()).isEqualTo(8001);
        assertThat(s.timeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(PingListenerSettings.parse("9100", "18000", 1).port()).isEqualTo(9100);
    }

    @Test
    void withoutAPortTheListenerIsNextToTheMainPort() {
        assertThat(PingListenerSettings.parse(null, "8000", 1).port()).isEqualTo(8001);
        assertThat(PingListenerSettings.parse(null, "18000", 1).port()).isEqualTo(18001);
        assertThatThrownBy(() -> PingListenerSettings.parse(null, "65535", 1))
                .hasMessage("the fast ping listener's port is VIGIL_PORT + 1 unless VIGIL_PING_PORT is set, and 65536 "
                        + "is no port: set VIGIL_PING_PORT (or off)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "off", "OFF", " off "})
    void zeroOrOffTurnsItOff(String port) {
        assertThat(PingListenerSettings.parse(port, "8000", 30_000).enabled()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"65536", "-1", "eighty", "80a", ""})
    void anythingElseIsAMistakeThatStopsTheStart(String port) {
        assertThatThrownBy(() -> PingListenerSettings.parse(port, "8000", 30_000))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("VIGIL_PING_PORT must be a port number from 1 to 65535, or 0 or off");
    }

    @Test
    void theTimeoutMustBePositive() {
        assertThatThrownBy(() -> PingListenerSettings.parse("8001", "8000", 0))
                .hasMessageContaining("VIGIL_PING_TIMEOUT_MS");
    }
}
