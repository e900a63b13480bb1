package dev.vigil.ops;

import org.junit.jupiter.api.Test;
import picocli.CommandLine.TypeConversionException;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OpsConvertersTest {

    @Test
    void durationsAreSecondsByDefault() {
        assertThat(OpsConverters.duration("600")).isEqualTo(Duration.ofSeconds(600));
        assertThat(OpsConverters.duration("250ms")).isEqualTo(Duration.ofMillis(250));
        assertThat(OpsConverters.duration("90s")).isEqualTo(Duration.ofSeconds(90));
        assertThat(OpsConverters.duration("10m")).isEqualTo(Duration.ofMinutes(10));
        assertThat(OpsConverters.duration("2H")).isEqualTo(Duration.ofHours(2));
        assertThat(OpsConverters.duration("1d")).isEqualTo(Duration.ofDays(1));
        assertThat(OpsConverters.duration("PT1M30S")).isEqualTo(Duration.ofSeconds(90));
    }

    @Test
    void badDurationsNameTheValue() {
        for (String bad : new String[] {"", "-5", "PT-1S", "5 minutes", "1w", "9999999999"}) {
            assertThatThrownBy(() -> OpsConverters.duration(bad)).as(bad)
                    .isInstanceOf(TypeConversionException.class)
                    .hasMessage("\"" + bad + "\" is not a duration: give seconds (600) or a number with a unit "
                            + "(90s, 10m, 2h, 1d)");
        }
    }

    @Test
    void instantsNeedAnOffset() {
        assertThat(OpsConverters.instant("2026-03-08T01:30-05:00")).isEqualTo(Instant.parse("2026-03-08T06:30:00Z"));
        assertThat(OpsConverters.instant("2026-03-08T06:30Z")).isEqualTo(Instant.parse("2026-03-08T06:30:00Z"));
        assertThatThrownBy(() -> OpsConverters.instant("2026-03-08T06:30"))
                .isInstanceOf(TypeConversionException.class).hasMessageStartingWith("\"2026-03-08T06:30\" is not");
    }

    @Test
    void zonesAreIanaNames() {
        assertThat(OpsConverters.zone("Europe/Dublin")).isEqualTo(ZoneId.of("Europe/Dublin"));
        assertThatThrownBy(() -> OpsConverters.zone("europe/dublin")).isInstanceOf(TypeConversionException.class)
                .hasMessage("unknown time zone \"europe/dublin\" (did you mean \"Europe/Dublin\"?)");
    }
}
