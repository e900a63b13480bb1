package dev.vigil.app.admin;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class AdminTokenTest {

    @Test
    void blankTokenTurnsTheAdminApiOff() {
        assertThat(new AdminToken(" ").enabled()).isFalse();
        assertThat(new AdminToken(" ").accepts("Bearer  ")).isFalse();
        assertThat(new AdminToken(null).accepts(null)).isFalse();
    }

    @Test
    void acceptsOnlyTheExactBearerToken() {
        AdminToken token = new AdminToken("s3cret-token");
        assertThat(token.accepts("Bearer s3cret-token")).isTrue();
        assertThat(token.accepts("Bearer s3cret-tokeN")).isFalse();
        assertThat(token.accepts("Bearer s3cret")).isFalse();
        assertThat(token.accepts("s3cret-token")).isFalse();
        assertThat(token.accepts(null)).isFalse();
    }

    @Test
    void rateLimitRefillsPerWindow() {
        RateLimit limit = new RateLimit(2, Duration.ofMinutes(1));
        Instant t = Instant.parse("2026-03-01T12:00:00Z");
        assertThat(limit.tryAcquire(t)).isTrue();
        assertThat(limit.tryAcquire(t.plusSeconds(1))).isTrue();
        assertThat(limit.tryAcquire(t.plusSeconds(59))).isFalse();
        assertThat(limit.tryAcquire(t.plusSeconds(60))).isTrue();
    }
}
