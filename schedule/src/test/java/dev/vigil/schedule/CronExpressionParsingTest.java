package dev.vigil.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class CronExpressionParsingTest {

    private static CronExpression parse(String text) {
        return CronExpression.parse(text);
    }

    @Test
    void fieldsAreMinuteHourDayOfMonthMonthDayOfWeek() {
        Instant next = parse("5 4 3 2 *").nextAfter(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);

        assertThat(next).isEqualTo(Instant.parse("2026-02-03T04:05:00Z"));
    }

    @Test
    void namesAreCaseInsensitiveAndMeanTheirNumbers() {
        assertThat(parse("0 0 * jan-Mar mon-FRI")).isEqualTo(parse("0 0 * 1-3 1-5"));
        assertThat(parse("0 0 * DEC sat")).isEqualTo(parse("0 0 * 12 6"));
    }

    @Test
    void sundayIsZeroSevenOrSun() {
        assertThat(parse("0 0 * * 7")).isEqualTo(parse("0 0 * * 0")).isEqualTo(parse("0 0 * * SUN"));
        assertThat(parse("0 0 * * 5-7")).isEqualTo(parse("0 0 * * 0,5,6"));
    }

    @Test
    void listsCombineValuesRangesAndSteps() {
        assertThat(parse("1,5-7,*/20 * * * *")).isEqualTo(parse("1,0,5,6,7,20,40 * * * *"));
        assertThat(parse("10-30/10 * * * *")).isEqualTo(parse("10,20,30 * * * *"));
        assertThat(parse("0 0 * JAN,MAR-MAY/2 *")).isEqualTo(parse("0 0 * 1,3,5 *"));
    }

    @Test
    void aSingleValueWithAStepRunsToTheEndOfTheField() {
        // Debian reads "a/n" as "a-max/n".
        assertThat(parse("50/3 * * * *")).isEqualTo(parse("50,53,56,59 * * * *"));
        assertThat(parse("0 0 * * MON/2")).isEqualTo(parse("0 0 * * 1,3,5,7"));
    }

    @Test
    void stepsUpToTheFieldSizeAreAccepted() {
        Instant start = Instant.parse("2026-05-01T10:30:00Z");

        // Equal fire times, yet not equal expressions: the leading '*' makes them wildcard jobs.
        assertThat(parse("*/60 * * * *").nextTimes(start, ZoneOffset.UTC, 3))
                .isEqualTo(parse("0 * * * *").nextTimes(start, ZoneOffset.UTC, 3));
        assertThat(parse("0 */24 * * *").nextTimes(start, ZoneOffset.UTC, 3))
                .isEqualTo(parse("0 0 * * *").nextTimes(start, ZoneOffset.UTC, 3));
        assertThat(parse("0 */24 * * *")).isNotEqualTo(parse("0 0 * * *"));
    }

    @Test
    void aStepLargerThanTheFieldKeepsOnlyTheFirstValueAsDebianAndHealthchecksDo() {
        Instant start = Instant.parse("2026-05-01T10:30:00Z");
        assertThat(parse("*/100 * * * *").nextTimes(start, ZoneOffset.UTC, 3))
                .isEqualTo(parse("0 * * * *").nextTimes(start, ZoneOffset.UTC, 3));
        assertThat(parse("*/61 * * * *").nextTimes(start, ZoneOffset.UTC, 2))
                .isEqualTo(parse("*/60 * * * *").nextTimes(start, ZoneOffset.UTC, 2));
        assertThat(parse("0 */25 * * *").nextTimes(start, ZoneOffset.UTC, 2))
                .isEqualTo(parse("0 0 * * *").nextTimes(start, ZoneOffset.UTC, 2));
        assertThat(parse("10/100 * * * *").nextTimes(start, ZoneOffset.UTC, 2))
                .isEqualTo(parse("10 * * * *").nextTimes(start, ZoneOffset.UTC, 2));
        assertThat(parse("*/99999999999999999999 * * * *").nextTimes(start, ZoneOffset.UTC, 2))
                .isEqualTo(parse("0 * * * *").nextTimes(start, ZoneOffset.UTC, 2));
    }

    @Test
    void aDayOfMonthStepPastTheMonthPicksTheFirstMondayWithTheLeadingStar() {
        // "*/100" is day 1 only, and its leading '*' makes both day fields have to match: days 1-7 that are Mondays
        assertThat(parse("0 0 */100,1-7 * MON").nextTimes(Instant.parse("2026-05-01T00:00:00Z"), ZoneOffset.UTC, 3))
                .containsExactly(Instant.parse("2026-05-04T00:00:00Z"), Instant.parse("2026-06-01T00:00:00Z"),
                        Instant.parse("2026-07-06T00:00:00Z"));
    }

    @Test
    void whitespaceAroundAndBetweenFieldsIsNormalised() {
        CronExpression expression = parse("  0\t0  *  * *  ");

        assertThat(expression.text()).isEqualTo("0 0 * * *");
        assertThat(expression).hasToString("0 0 * * *").isEqualTo(parse("0 0 * * *"));
    }

    @ParameterizedTest
    @CsvSource({
        "@yearly,   0 0 1 1 *",
        "@annually, 0 0 1 1 *",
        "@monthly,  0 0 1 * *",
        "@weekly,   0 0 * * 0",
        "@daily,    0 0 * * *",
        "@midnight, 0 0 * * *",
        "@hourly,   0 * * * *",
    })
    void aliasesMeanWhatDebianExpandsThemTo(String alias, String expansion) {
        CronExpression expression = parse(alias);

        assertThat(expression).isEqualTo(parse(expansion));
        assertThat(expression.text()).isEqualTo(alias);
    }

    @Test
    void fixedTimeJobsAreThoseWhoseMinuteAndHourDoNotStartWithAStar() {
        assertThat(parse("30 2 * * *").isFixedTime()).isTrue();
        assertThat(parse("0,30 1-3 * * *").isFixedTime()).isTrue();
        assertThat(parse("0-59 0-23 * * *").isFixedTime()).isTrue();
        assertThat(parse("@daily").isFixedTime()).isTrue();
        assertThat(parse("*/5 2 * * *").isFixedTime()).isFalse();
        assertThat(parse("30 * * * *").isFixedTime()).isFalse();
        assertThat(parse("0 */2 * * *").isFixedTime()).isFalse();
        assertThat(parse("@hourly").isFixedTime()).isFalse();
    }

    @Test
    void daysThatExistOnlyInSomeMonthsOrYearsAreAccepted() {
        assertThat(parse("0 0 29 2 *").nextAfter(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC))
                .isEqualTo(Instant.parse("2028-02-29T00:00:00Z"));
        assertThat(parse("0 0 31 * *").nextAfter(Instant.parse("2026-04-01T00:00:00Z"), ZoneOffset.UTC))
                .isEqualTo(Instant.parse("2026-05-31T00:00:00Z"));
        // Under the OR rule the weekday alone makes this fire: every Monday in February.
        assertThat(parse("0 0 31 2 MON").nextAfter(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC))
                .isEqualTo(Instant.parse("2026-02-02T00:00:00Z"));
    }

    static Stream<Arguments> invalidExpressions() {
        return Stream.of(
                Arguments.of("", "expression is empty"),
                Arguments.of(" \t ", "expression is empty"),
                Arguments.of("* * * *", "expected 5 fields (minute hour day-of-month month day-of-week), got 4"),
                Arguments.of("0 0 0 * * *", "expected 5 fields (minute hour day-of-month month day-of-week), got 6"),
                Arguments.of("60 * * * *", "minute field: value 60 is out of range 0-59"),
                Arguments.of("0 24 * * *", "hour field: value 24 is out of range 0-23"),
                Arguments.of("0 0 0 * *", "day-of-month field: value 0 is out of range 1-31"),
                Arguments.of("0 0 32 * *", "day-of-month field: value 32 is out of range 1-31"),
                Arguments.of("0 0 * 13 *", "month field: value 13 is out of range 1-12"),
                Arguments.of("0 0 * * 8", "day-of-week field: value 8 is out of range 0-7"),
                Arguments.of("0-1000000000 * * * *", "minute field: value 1000000000 is out of range 0-59"),
                Arguments.of("*/0 * * * *", "minute field: step must be a positive number"),
                Arguments.of("*/ * * * *", "minute field: step must be a positive number"),
                Arguments.of("*/-1 * * * *", "minute field: step must be a positive number"),
                Arguments.of("0 0 */MON * *", "day-of-month field: step must be a positive number"),
                Arguments.of("/5 * * * *", "minute field: \"/5\" has nothing before the step (write */5)"),
                Arguments.of("5-1 * * * *", "minute field: range 5-1 is reversed"),
                Arguments.of("0 0 * * FRI-SUN",
                        "day-of-week field: range FRI-SUN is reversed (write Sunday as 7 at the end of a range)"),
                Arguments.of("1,,2 * * * *", "minute field: empty item in list \"1,,2\""),
                Arguments.of("1, * * * *", "minute field: empty item in list \"1,\""),
                Arguments.of("1-/2 * * * *", "minute field: missing value in \"1-/2\""),
                Arguments.of("*-5 * * * *", "minute field: invalid value \"*\" in \"*-5\""),
                Arguments.of("5x * * * *", "minute field: invalid value \"5x\""),
                Arguments.of("a * * * *", "minute field: \"a\" is not a number"),
                Arguments.of("0 0 * * FOO", "day-of-week field: unknown name \"FOO\""),
                Arguments.of("0 0 * FOO *", "month field: unknown name \"FOO\""),
                Arguments.of("0 0 * * MONDAY",
                        "day-of-week field: unknown name \"MONDAY\" (names have three letters, e.g. MON)"),
                Arguments.of("0 0 L * *",
                        "day-of-month field: \"L\" is not a number (Quartz-style L, W, # and ? are not supported)"),
                Arguments.of("0 0 ? * MON",
                        "day-of-month field: invalid value \"?\" (Quartz-style L, W, # and ? are not supported)"),
                Arguments.of("@reboot", "@reboot has no schedule to monitor"),
                Arguments.of("@DAILY", "unknown alias \"@DAILY\" (aliases are lower-case, e.g. @daily)"),
                Arguments.of("@fortnightly", "unknown alias \"@fortnightly\" (expected one of @yearly, @annually,"
                        + " @monthly, @weekly, @daily, @midnight, @hourly)"),
                Arguments.of("@daily 5", "@daily must stand alone, got 1 more field(s) after it"),
                Arguments.of("0 0 30 2 *", "expression can never fire (day 30 does not exist in February)"),
                Arguments.of("0 0 30,31 2 *", "expression can never fire (days 30 and 31 do not exist in February)"),
                Arguments.of("0 0 31 4,6,9,11 *",
                        "expression can never fire (day 31 does not exist in April, June, September or November)"),
                Arguments.of("0 0 31 APR */2", "expression can never fire (day 31 does not exist in April)"),
                Arguments.of("0 0 \u00e9 * *", "expression contains a non-ASCII character (U+00E9) at position 5"),
                Arguments.of("0 0 * * 1\u0000", "expression contains a control character (U+0000) at position 10"),
                Arguments.of("0 0 * * *\n", "expression contains a control character (U+000A) at position 10"));
    }

    @ParameterizedTest(name = "[{index}] \"{0}\"")
    @MethodSource("invalidExpressions")
    void invalidExpressionsAreRejectedWithAPreciseMessage(String text, String message) {
        assertThatThrownBy(() -> parse(text))
                .isInstanceOf(InvalidCronExpressionException.class)
                .hasMessage(message);
    }

    static Stream<Arguments> hostileExpressions() {
        return Stream.of(
                Arguments.of("x".repeat(10_240), "expression is too long (10240 characters, at most 256)"),
                Arguments.of("* ".repeat(5_000), "expression is too long (10000 characters, at most 256)"),
                Arguments.of("99999999999999999999 * * * *",
                        "minute field: value 99999999999999999999 is out of range 0-59"),
                Arguments.of("0-1000000000 * * * *", "minute field: value 1000000000 is out of range 0-59"),
                Arguments.of("0-2147483648/2147483647 * * * *", "minute field: value 2147483648 is out of range 0-59"),
                Arguments.of("0 0 * * 0" + "0".repeat(240) + "9",
                        "day-of-week field: value 0" + "0".repeat(240) + "9 is out of range 0-7"),
                Arguments.of(",".repeat(200) + " * * * *", "minute field: empty item in list \""
                        + ",".repeat(200) + "\""),
                Arguments.of("- - - - -", "minute field: missing value in \"-\""),
                Arguments.of("*/0 * * * *", "minute field: step must be a positive number"),
                Arguments.of("* * * * * * * * * * * *",
                        "expected 5 fields (minute hour day-of-month month day-of-week), got 12"),
                Arguments.of("0 0 * * \u202eNOM", "expression contains a non-ASCII character (U+202E) at position 9"));
    }

    @ParameterizedTest(name = "[{index}] {1}")
    @MethodSource("hostileExpressions")
    void hostileInputIsRejectedWithAClearMessage(String text, String message) {
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> // a guard against runaway parsing, not a speed target
                assertThatThrownBy(() -> parse(text))
                        .isInstanceOf(InvalidCronExpressionException.class)
                        .hasMessage(message));
    }

    @Test
    void aLongButValidListIsAccepted() {
        String minutes = "0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,"
                + "30,31,32,33,34,35,36,37,38,39,40,41,42,43,44,45,46,47,48,49,50,51,52,53,54,55,56,57,58,59";

        assertThat(parse(minutes + " * * * *")).isEqualTo(parse("0-59 * * * *"));
    }

    @Test
    void nullIsAProgrammingErrorNotAValidationFailure() {
        assertThatThrownBy(() -> parse(null)).isInstanceOf(NullPointerException.class);
    }
}
