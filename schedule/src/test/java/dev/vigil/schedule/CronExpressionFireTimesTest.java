package dev.vigil.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which days and times match, in zones without daylight saving (see the DST tests for the rest). */
class CronExpressionFireTimesTest {

    private static final ZoneId UTC = ZoneOffset.UTC;

    private static List<Instant> next(String expression, String after, int count) {
        return CronExpression.parse(expression).nextTimes(Instant.parse(after), UTC, count);
    }

    private static List<Instant> instants(String... isoInstants) {
        return Arrays.stream(isoInstants).map(Instant::parse).toList();
    }

    @Test
    void nextIsStrictlyAfterTheGivenInstant() {
        CronExpression hourly = CronExpression.parse("0 * * * *");

        assertThat(hourly.nextAfter(Instant.parse("2026-05-01T10:00:00Z"), UTC))
                .isEqualTo(Instant.parse("2026-05-01T11:00:00Z"));
        assertThat(hourly.nextAfter(Instant.parse("2026-05-01T09:59:59.999Z"), UTC))
                .isEqualTo(Instant.parse("2026-05-01T10:00:00Z"));
    }

    @Test
    void bothDayFieldsRestrictedMeansEitherMatches() {
        // 1 March 2026 is a Sunday; the 15th is a Sunday too.
        assertThat(next("0 0 1,15 * MON", "2026-03-01T00:00:00Z", 7)).isEqualTo(instants(
                "2026-03-02T00:00:00Z", "2026-03-09T00:00:00Z", "2026-03-15T00:00:00Z", "2026-03-16T00:00:00Z",
                "2026-03-23T00:00:00Z", "2026-03-30T00:00:00Z", "2026-04-01T00:00:00Z"));
    }

    @Test
    void aDayFieldStartingWithAStarMeansBothMustMatch() {
        // Mondays whose day of the month is odd: */2 still starts with '*'.
        assertThat(next("0 0 */2 * MON", "2026-03-01T00:00:00Z", 4)).isEqualTo(instants(
                "2026-03-09T00:00:00Z", "2026-03-23T00:00:00Z", "2026-04-13T00:00:00Z", "2026-04-27T00:00:00Z"));
        // The classic "first Sunday of the month": */7 is Sunday (0 and 7), and it starts with '*'.
        assertThat(next("0 0 1-7 * */7", "2026-02-01T00:00:00Z", 3)).isEqualTo(instants(
                "2026-03-01T00:00:00Z", "2026-04-05T00:00:00Z", "2026-05-03T00:00:00Z"));
    }

    @Test
    void anUnrestrictedDayFieldLeavesTheOtherAlone() {
        assertThat(next("0 0 1,15 * *", "2026-03-01T00:00:00Z", 3)).isEqualTo(instants(
                "2026-03-15T00:00:00Z", "2026-04-01T00:00:00Z", "2026-04-15T00:00:00Z"));
        assertThat(next("0 0 * * MON", "2026-03-01T00:00:00Z", 2)).isEqualTo(instants(
                "2026-03-02T00:00:00Z", "2026-03-09T00:00:00Z"));
    }

    @Test
    void aFullRangeWithoutAStarStillUsesTheOrRule() {
        // "1-31" matches every day and does not start with '*', so Monday adds nothing: every day.
        assertThat(next("0 0 1-31 * MON", "2026-03-03T00:00:00Z", 2)).isEqualTo(instants(
                "2026-03-04T00:00:00Z", "2026-03-05T00:00:00Z"));
    }

    @Test
    void stepsRangesAndListsSelectTheRightMinutes() {
        assertThat(next("*/20 * * * *", "2026-05-01T10:00:00Z", 3)).isEqualTo(instants(
                "2026-05-01T10:20:00Z", "2026-05-01T10:40:00Z", "2026-05-01T11:00:00Z"));
        assertThat(next("5-59/20 9-10 * * *", "2026-05-01T00:00:00Z", 4)).isEqualTo(instants(
                "2026-05-01T09:05:00Z", "2026-05-01T09:25:00Z", "2026-05-01T09:45:00Z", "2026-05-01T10:05:00Z"));
        assertThat(next("0 8,12-13 * * *", "2026-05-01T09:00:00Z", 3)).isEqualTo(instants(
                "2026-05-01T12:00:00Z", "2026-05-01T13:00:00Z", "2026-05-02T08:00:00Z"));
    }

    @Test
    void monthAndWeekdayNamesSelectTheRightDays() {
        // 2026-12-31 is a Thursday; the next weekday in JAN-FEB is Friday 2027-01-01.
        assertThat(next("30 6 * jan-feb MON-fri", "2026-06-01T00:00:00Z", 2)).isEqualTo(instants(
                "2027-01-01T06:30:00Z", "2027-01-04T06:30:00Z"));
    }

    @Test
    void leapDaysComeEveryFourYearsExceptInCenturiesNotDivisibleBy400() {
        assertThat(next("0 0 29 2 *", "2096-03-01T00:00:00Z", 2)).isEqualTo(instants(
                "2104-02-29T00:00:00Z", "2108-02-29T00:00:00Z"));
    }

    @Test
    void rareDatesAreFoundWithoutARunawaySearch() {
        // 29 February on a Sunday: 28 years apart, and 40 around 2100.
        CronExpression rare = CronExpression.parse("0 0 29 2 */7");

        // the timeout guards against a runaway search; it is no speed target (that lives in bench/)
        List<Instant> times = assertTimeoutPreemptively(Duration.ofSeconds(20),
                () -> rare.nextTimes(Instant.parse("2026-01-01T00:00:00Z"), ZoneId.of("America/New_York"), 200));

        assertThat(times.subList(0, 3)).isEqualTo(instants(
                "2032-02-29T05:00:00Z", "2060-02-29T05:00:00Z", "2088-02-29T05:00:00Z"));
        assertThat(times).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void nextTimesAreStrictlyIncreasing() {
        List<Instant> times = CronExpression.parse("*/7 */5 * * *")
                .nextTimes(Instant.parse("2026-01-01T00:00:00Z"), UTC, 500);

        assertThat(times).hasSize(500).isSorted().doesNotHaveDuplicates();
        assertThat(times.get(0)).isEqualTo(Instant.parse("2026-01-01T00:07:00Z"));
        // Nine minutes per matching hour (0, 7, ..., 56); the first of them at midnight is excluded.
        assertThat(times.get(8)).isEqualTo(Instant.parse("2026-01-01T05:00:00Z"));
    }

    @Test
    void nextTimesBoundsTheCount() {
        CronExpression expression = CronExpression.parse("* * * * *");
        Instant start = Instant.parse("2026-01-01T00:00:00Z");

        assertThat(expression.nextTimes(start, UTC, 0)).isEmpty();
        assertThatThrownBy(() -> expression.nextTimes(start, UTC, -1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("count must be between 0 and 10000, got -1");
    }

    @Test
    void instantsOutsideTheSupportedYearsAreRejected() {
        CronExpression expression = CronExpression.parse("* * * * *");

        assertThatThrownBy(() -> expression.nextAfter(Instant.MAX, UTC))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("fire times can only be computed for years 1 to 9999");
        assertThat(expression.nextAfter(Instant.parse("9999-12-31T23:59:00Z"), UTC))
                .isEqualTo(Instant.parse("+10000-01-01T00:00:00Z"));
    }
}
