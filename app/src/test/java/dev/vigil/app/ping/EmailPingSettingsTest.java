package dev.vigil.app.ping;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EmailPingSettingsTest {

    @Test
    void offByDefault() {
        assertThat(EmailPingSettings.parse(null, null, null).enabled()).isFalse();
        assertThat(EmailPingSettings.parse("off", null, null).enabled()).isFalse();
        assertThat(EmailPingSettings.parse(null, null, null).maxBytes()).isEqualTo(1_048_576);
    }

    @Test
    void aPortNeedsADomain() {
        EmailPingSettings s = EmailPingSettings.parse("2525", "HC.Example.com", "65536");
        assertThat(s.port()).isEqualTo(2525);
        assertThat(s.domain()).isEqualTo("hc.example.com");
        assertThat(s.maxBytes()).isEqualTo(65536);
        assertThatThrownBy(() -> EmailPingSettings.parse("2525", null, null))
                .hasMessageStartingWith("VIGIL_PING_EMAIL_DOMAIN must be set when VIGIL_EMAIL_PING_PORT is");
        assertThatThrownBy(() -> EmailPingSettings.parse("2525", "not a domain", null))
                .hasMessageContaining("VIGIL_PING_EMAIL_DOMAIN must be a domain name");
    }

    @Test
    void badNumbersAreNamed() {
        assertThatThrownBy(() -> EmailPingSettings.parse("smtp", "a.b", null))
                .hasMessageStartingWith("VIGIL_EMAIL_PING_PORT must be a port number");
        assertThatThrownBy(() -> EmailPingSettings.parse("70000", "a.b", null))
                .hasMessageStartingWith("VIGIL_EMAIL_PING_PORT must be a port number");
        assertThatThrownBy(() -> EmailPingSettings.parse("25", "a.b", "10"))
                .hasMessageStartingWith("VIGIL_EMAIL_PING_MAX_BYTES must be a number of bytes");
    }
}
