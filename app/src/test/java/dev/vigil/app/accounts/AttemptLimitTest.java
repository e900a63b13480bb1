package dev.vigil.app.accounts;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class AttemptLimitTest {

    private static final Instant T = Instant.parse("2026-12-03T12:00:00Z");

    @Test
    void blocksAKeyAfterItsLimitUntilItsWindowEnds() {
        AttemptLimit limit = new AttemptLimit(3, Duration.ofMinutes(15));
        for (int i = 0; i < 3; i++) {
            assertThat(limit.blocked("a", T.plusSeconds(i))).isFalse();
            limit.count("a", T.plusSeconds(i));
        }
        assertThat(limit.blocked("a", T.plusSeconds(10))).isTrue();
        assertThat(limit.blocked("b", T.plusSeconds(10))).isFalse();
        assertThat(limit.blocked("a", T.plus(Duration.ofMinutes(15)))).isFalse();
        limit.count("a", T.plus(Duration.ofMinutes(15)));
        assertThat(limit.blocked("a", T.plus(Duration.ofMinutes(16)))).isFalse(); // a new window, one use
    }
}
