package dev.vigil.app.api;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FlipFilterTest {

    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

    @Test
    void secondsStartAndEnd() {
        assertThat(FlipFilter.parse(null, null, null, NOW)).isEqualTo(new FlipFilter(null, null));
        assertThat(FlipFilter.parse("60", null, null, NOW).from()).isEqualTo(NOW.minusSeconds(60));
        assertThat(FlipFilter.parse("60", "100", "200", NOW))
                .isEqualTo(new FlipFilter(NOW.minusSeconds(60), Instant.ofEpochSecond(200)));
        assertThat(FlipFilter.parse(null, "100", null, NOW).from()).isEqualTo(Instant.ofEpochSecond(100));
    }

    @Test
    void refusesAnythingButWholeNumbersInRange() {
        assertThatThrownBy(() -> FlipFilter.parse("-1", null, null, NOW))
                .hasMessage("seconds must be a whole number from 0 to 31536000");
        assertThatThrownBy(() -> FlipFilter.parse("31536001", null, null, NOW)).isInstanceOf(ApiException.class);
        assertThatThrownBy(() -> FlipFilter.parse(null, "1.5", null, NOW))
                .hasMessage("start must be a whole number from 0 to 10000000000");
        assertThatThrownBy(() -> FlipFilter.parse(null, null, "99999999999999999999", NOW))
                .hasMessage("end must be a whole number from 0 to 10000000000");
    }
}
