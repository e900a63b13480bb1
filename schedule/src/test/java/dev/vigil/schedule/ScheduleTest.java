package dev.vigil.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ScheduleTest {

    private static final Instant LAST_PING = Instant.parse("2026-05-01T10:17:30Z");

    @Test
    void periodScheduleExpectsTheNextPingOnePeriodAfterTheLast() {
        Schedule schedule = new PeriodSchedule(Duration.ofHours(1), Duration.ofMinutes(15));

        assertThat(schedule.nextExpected(LAST_PING)).isEqualTo(Instant.parse("2026-05-01T11:17:30Z"));
        assertThat(schedule.alertAfter(LAST_PING)).isEqualTo(Instant.parse("2026-05-01T11:32:30Z"));
    }

    @Test
    void cronScheduleExpectsTheNextFireTimeAfterTheLastPing() {
        Schedule schedule = CronSchedule.of("0 9 * * 1-5", "Europe/Dublin", Duration.ofMinutes(30));

        // Friday 1 May 2026 10:17 UTC is 11:17 IST; the next weekday 09:00 IST is Monday 4 May, 08:00Z.
        assertThat(schedule.nextExpected(LAST_PING)).isEqualTo(Instant.parse("2026-05-04T08:00:00Z"));
        assertThat(schedule.alertAfter(LAST_PING)).isEqualTo(Instant.parse("2026-05-04T08:30:00Z"));
    }

    @Test
    void cronScheduleFollowsDebianAcrossDaylightSaving() {
        Schedule schedule = CronSchedule.of("30 2 * * *", "America/New_York", Duration.ofHours(1));

        Instant lastPing = Instant.parse("2026-03-07T07:31:00Z");
        assertThat(schedule.nextExpected(lastPing)).isEqualTo(Instant.parse("2026-03-08T07:00:00Z"));
        assertThat(schedule.alertAfter(lastPing)).isEqualTo(Instant.parse("2026-03-08T08:00:00Z"));
    }

    @Test
    void schedulesAreValues() {
        assertThat(CronSchedule.of("@daily", "UTC", Duration.ofMinutes(5))).isEqualTo(
                new CronSchedule(CronExpression.parse("0 0 * * *"), ZoneId.of("UTC"), Duration.ofMinutes(5)));
        assertThat(new PeriodSchedule(Duration.ofHours(1), Duration.ofMinutes(5)))
                .isEqualTo(new PeriodSchedule(Duration.ofMinutes(60), Duration.ofSeconds(300)))
                .isNotEqualTo(new PeriodSchedule(Duration.ofHours(1), Duration.ofMinutes(6)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', textBlock = """
        PT59S    | period must be at least 1 minute, got 59 seconds
        PT0S     | period must be at least 1 minute, got 0 seconds
        -PT1H    | period must be at least 1 minute, got PT-1H
        PT59.5S  | period must be at least 1 minute, got PT59.5S
        P365DT1S | period must be at most 365 days, got 365 days 1 second
        P400D    | period must be at most 365 days, got 400 days
        """)
    void periodOutsideTheLimitsIsRejected(Duration period, String message) {
        assertThatThrownBy(() -> new PeriodSchedule(period, Duration.ofMinutes(1)))
                .isInstanceOf(InvalidScheduleException.class)
                .hasMessage(message);
    }

    @Test
    void limitsAreInclusive() {
        PeriodSchedule shortest = new PeriodSchedule(Duration.ofMinutes(1), Duration.ofMinutes(1));
        PeriodSchedule longest = new PeriodSchedule(Duration.ofDays(365), Duration.ofDays(365));

        assertThat(shortest.alertAfter(LAST_PING)).isEqualTo(LAST_PING.plusSeconds(120));
        assertThat(longest.nextExpected(LAST_PING)).isEqualTo(LAST_PING.plus(Duration.ofDays(365)));
    }

    @Test
    void graceOutsideTheLimitsIsRejectedForBothKinds() {
        assertThatThrownBy(() -> new PeriodSchedule(Duration.ofHours(1), Duration.ofSeconds(30)))
                .isInstanceOf(InvalidScheduleException.class)
                .hasMessage("grace must be at least 1 minute, got 30 seconds");
        assertThatThrownBy(() -> CronSchedule.of("@daily", "UTC", Duration.ofDays(366).plusHours(2)))
                .isInstanceOf(InvalidScheduleException.class)
                .hasMessage("grace must be at most 365 days, got 366 days 2 hours");
    }

    @Test
    void unknownTimeZonesAreRejectedByName() {
        assertThatThrownBy(() -> CronSchedule.of("@daily", "Mars/Olympus_Mons", Duration.ofMinutes(5)))
                .isInstanceOf(InvalidScheduleException.class)
                .hasMessage("unknown time zone \"Mars/Olympus_Mons\" (expected an IANA name such as Europe/Dublin"
                        + " or UTC)");
        assertThatThrownBy(() -> CronSchedule.parseZone("europe/dublin"))
                .isInstanceOf(InvalidScheduleException.class)
                .hasMessage("unknown time zone \"europe/dublin\" (did you mean \"Europe/Dublin\"?)");
        assertThatThrownBy(() -> CronSchedule.parseZone("+02:00"))
                .isInstanceOf(InvalidScheduleException.class)
                .hasMessageStartingWith("unknown time zone \"+02:00\"");
        assertThatThrownBy(() -> CronSchedule.parseZone("x".repeat(10_000)))
                .isInstanceOf(InvalidScheduleException.class)
                .hasMessage("unknown time zone (the name is 10000 characters long; IANA names are much shorter)");
    }

    @Test
    void knownTimeZonesAreAccepted() {
        assertThat(CronSchedule.parseZone("Australia/Sydney")).isEqualTo(ZoneId.of("Australia/Sydney"));
        assertThat(CronSchedule.parseZone("UTC")).isEqualTo(ZoneId.of("UTC"));
    }

    @Test
    void anInvalidExpressionIsReportedAsSuch() {
        assertThatThrownBy(() -> CronSchedule.of("0 0 30 2 *", "UTC", Duration.ofMinutes(5)))
                .isInstanceOf(InvalidCronExpressionException.class)
                .hasMessage("expression can never fire (day 30 does not exist in February)");
    }
}
