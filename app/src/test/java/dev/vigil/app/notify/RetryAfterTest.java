package dev.vigil.app.notify;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

import static org.assertj.core.api.Assertions.assertThat;

class RetryAfterTest {

    @Test
    void secondsDatesAndNonsense() {
        assertThat(OutgoingHttp.retryAfter("120")).isEqualTo(Duration.ofMinutes(2));
        assertThat(OutgoingHttp.retryAfter(" 0 ")).isEqualTo(Duration.ZERO);
        assertThat(OutgoingHttp.retryAfter("-5")).isEqualTo(Duration.ZERO);
        assertThat(OutgoingHttp.retryAfter("999999")).isEqualTo(Duration.ofHours(1));
        assertThat(OutgoingHttp.retryAfter("soon")).isNull();
        assertThat(OutgoingHttp.retryAfter(null)).isNull();
        String inTenMinutes = DateTimeFormatter.RFC_1123_DATE_TIME.format(
                ZonedDateTime.now(ZoneOffset.UTC).plusMinutes(10));
        assertThat(OutgoingHttp.retryAfter(inTenMinutes)).isBetween(Duration.ofMinutes(9), Duration.ofMinutes(10));
    }
}
