package dev.vigil.client;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PingBodyTest {

    @Test
    void aLongBodyKeepsItsEndAtACharacterBoundary() {
        String body = "x".repeat(10) + "üü" + "end";
        assertThat(new String(VigilCheck.tail(body, 6), StandardCharsets.UTF_8)).isEqualTo("üend");
        assertThat(new String(VigilCheck.tail(body, 100), StandardCharsets.UTF_8)).isEqualTo(body);
    }

    @Test
    void noCheckMeansNoPings() {
        VigilCheck none = VigilCheck.none();
        assertThat(none.enabled()).isFalse();
        assertThat(none.start().describe()).isEqualTo("ping /start skipped (no ping URL)");
        assertThat(none.fail("x").delivered()).isTrue();
    }

    @Test
    void onlyHttpUrlsAreChecksAndTheirSecretStaysOutOfDescriptions() {
        assertThatThrownBy(() -> VigilCheck.at(URI.create("ftp://x/ping/abc"), Retry.once(),
                s -> { })).isInstanceOf(IllegalArgumentException.class);
        assertThat(VigilCheck.at(URI.create("https://vigil.example/ping/0b6c-secret/"), Retry.once(),
                s -> { }).toString()).isEqualTo("VigilCheck[https://vigil.example/ping/…]");
    }
}
