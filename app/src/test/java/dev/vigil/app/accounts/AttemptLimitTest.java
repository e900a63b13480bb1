package dev.vigil.app.accounts;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AttemptLimitTest {

    @Test
    void aLimitNeedsAnEventAndAWindowAndSaysWhichLimitHasNone() {
        assertThatThrownBy(() -> new AttemptLimit("logins", 0, Duration.ofMinutes(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("logins");
        assertThatThrownBy(() -> new AttemptLimit("codes", 1, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("codes");
    }
}
