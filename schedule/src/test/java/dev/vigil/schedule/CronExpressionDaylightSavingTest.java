package dev.vigil.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Fire times around real 2026 transitions, as Debian's cron produces them.
 *
 * <p>America/New_York: 8 March 02:00 EST (07:00Z) becomes 03:00 EDT; 1 November 02:00 EDT (06:00Z)
 * becomes 01:00 EST. Europe/Dublin: 29 March 01:00 GMT (01:00Z) becomes 02:00 IST; 25 October 02:00
 * IST (01:00Z) becomes 01:00 GMT. Australia/Sydney: 5 April 03:00 AEDT (4 April 16:00Z) becomes 02:00
 * AEST; 4 October 02:00 AEST (3 October 16:00Z) becomes 03:00 AEDT.
 */
class CronExpressionDaylightSavingTest {

    private static List<Instant> next(String expression, String zone, String after, int count) {
        return CronExpression.parse(expression).nextTimes(Instant.parse(after), ZoneId.of(zone), count);
    }

    private static List<Instant> instants(String... isoInstants) {
        return Arrays.stream(isoInstants).map(Instant::parse).toList();
    }

    @Nested
    class NewYork {

        private static final String ZONE = "America/New_York";

        @Test
        void fixedTimeJobInTheSkippedHourRunsAtTheJump() {
            assertThat(next("30 2 * * *", ZONE, "2026-03-07T00:00:00Z", 3)).isEqualTo(instants(
                    "2026-03-07T07:30:00Z", // 02:30 EST
                    "2026-03-08T07:00:00Z", // 02:30 does not exist: runs at 03:00 EDT
                    "2026-03-09T06:30:00Z")); // 02:30 EDT
        }

        @Test
        void severalSkippedTimesCollapseIntoOneRun() {
            assertThat(next("0,30 2 * * *", ZONE, "2026-03-07T12:00:00Z", 3)).isEqualTo(instants(
                    "2026-03-08T07:00:00Z", "2026-03-09T06:00:00Z", "2026-03-09T06:30:00Z"));
            // 02:00 is skipped and 03:00 exists: both run at 03:00 EDT, counted once.
            assertThat(next("0 1-3 * * *", ZONE, "2026-03-08T05:30:00Z", 3)).isEqualTo(instants(
                    "2026-03-08T06:00:00Z", "2026-03-08T07:00:00Z", "2026-03-09T05:00:00Z"));
        }

        @Test
        void wildcardJobsSkipTimesThatDoNotExist() {
            assertThat(next("30 * * * *", ZONE, "2026-03-08T06:00:00Z", 3)).isEqualTo(instants(
                    "2026-03-08T06:30:00Z", // 01:30 EST
                    "2026-03-08T07:30:00Z", // 03:30 EDT; 02:30 never happened
                    "2026-03-08T08:30:00Z"));
            assertThat(next("*/15 * * * *", ZONE, "2026-03-08T06:40:00Z", 3)).isEqualTo(instants(
                    "2026-03-08T06:45:00Z", "2026-03-08T07:00:00Z", "2026-03-08T07:15:00Z"));
            // A star in the minute field makes it a wildcard job even with a fixed hour.
            assertThat(next("*/30 2 * * *", ZONE, "2026-03-08T00:00:00Z", 2)).isEqualTo(instants(
                    "2026-03-09T06:00:00Z", "2026-03-09T06:30:00Z"));
        }

        @Test
        void fixedTimeJobRunsOnceWhenTheHourRepeats() {
            assertThat(next("30 1 * * *", ZONE, "2026-10-31T12:00:00Z", 2)).isEqualTo(instants(
                    "2026-11-01T05:30:00Z", // 01:30 EDT
                    "2026-11-02T06:30:00Z")); // not 01:30 EST on 1 November
            assertThat(next("0 1-3 * * *", ZONE, "2026-11-01T04:00:00Z", 3)).isEqualTo(instants(
                    "2026-11-01T05:00:00Z", "2026-11-01T07:00:00Z", "2026-11-01T08:00:00Z"));
        }

        @Test
        void fixedTimeJobDoesNotRunAgainWhenAskedDuringTheRepeatedHour() {
            // 01:45 EDT, then 01:10 EST: the 01:30 of this night has already run.
            assertThat(next("30 1 * * *", ZONE, "2026-11-01T05:45:00Z", 1))
                    .isEqualTo(instants("2026-11-02T06:30:00Z"));
            assertThat(next("30 1 * * *", ZONE, "2026-11-01T06:10:00Z", 1))
                    .isEqualTo(instants("2026-11-02T06:30:00Z"));
        }

        @Test
        void wildcardJobsRunAtEveryWallClockMatchIncludingTheRepeatedHour() {
            assertThat(next("30 * * * *", ZONE, "2026-11-01T05:00:00Z", 3)).isEqualTo(instants(
                    "2026-11-01T05:30:00Z", // 01:30 EDT
                    "2026-11-01T06:30:00Z", // 01:30 EST
                    "2026-11-01T07:30:00Z")); // 02:30 EST
            assertThat(next("*/15 * * * *", ZONE, "2026-11-01T05:40:00Z", 6)).isEqualTo(instants(
                    "2026-11-01T05:45:00Z", "2026-11-01T06:00:00Z", "2026-11-01T06:15:00Z",
                    "2026-11-01T06:30:00Z", "2026-11-01T06:45:00Z", "2026-11-01T07:00:00Z"));
        }

        @Test
        void aWildcardJobRunsOncePerWallClockMinuteOnTheLongAndShortDays() {
            CronExpression quarterly = CronExpression.parse("*/15 * * * *");
            ZoneId zone = ZoneId.of(ZONE);
            // The local day of 1 November 2026 lasts 25 hours, that of 8 March 23 hours.
            assertThat(countBetween(quarterly, zone, "2026-11-01T04:00:00Z", "2026-11-02T05:00:00Z"))
                    .isEqualTo(25 * 4);
            assertThat(countBetween(quarterly, zone, "2026-03-08T05:00:00Z", "2026-03-09T04:00:00Z"))
                    .isEqualTo(23 * 4);
        }

        private static int countBetween(CronExpression expression, ZoneId zone, String from, String until) {
            // Counts fire times in [from, until).
            Instant cursor = Instant.parse(from).minusNanos(1);
            int count = 0;
            while ((cursor = expression.nextAfter(cursor, zone)).isBefore(Instant.parse(until))) {
                count++;
            }
            return count;
        }
    }

    @Nested
    class Dublin {

        private static final String ZONE = "Europe/Dublin";

        @Test
        void fixedTimeJobInTheSkippedHourRunsAtTheJump() {
            assertThat(next("30 1 * * *", ZONE, "2026-03-28T12:00:00Z", 2)).isEqualTo(instants(
                    "2026-03-29T01:00:00Z", // 01:30 does not exist: runs at 02:00 IST
                    "2026-03-30T00:30:00Z")); // 01:30 IST
        }

        @Test
        void wildcardJobInTheSkippedHourDoesNotRun() {
            assertThat(next("*/20 1 * * *", ZONE, "2026-03-28T12:00:00Z", 2)).isEqualTo(instants(
                    "2026-03-30T00:00:00Z", "2026-03-30T00:20:00Z"));
        }

        @Test
        void fixedTimeJobRunsOnceWhenTheHourRepeats() {
            assertThat(next("30 1 * * *", ZONE, "2026-10-24T12:00:00Z", 2)).isEqualTo(instants(
                    "2026-10-25T00:30:00Z", // 01:30 IST
                    "2026-10-26T01:30:00Z")); // 01:30 GMT, next day
        }

        @Test
        void wildcardJobRunsInBothCopiesOfTheRepeatedHour() {
            assertThat(next("*/30 1 * * *", ZONE, "2026-10-24T12:00:00Z", 5)).isEqualTo(instants(
                    "2026-10-25T00:00:00Z", "2026-10-25T00:30:00Z", // 01:00 and 01:30 IST
                    "2026-10-25T01:00:00Z", "2026-10-25T01:30:00Z", // 01:00 and 01:30 GMT
                    "2026-10-26T01:00:00Z"));
            assertThat(next("0,30 * * * *", ZONE, "2026-10-25T00:00:00Z", 4)).isEqualTo(instants(
                    "2026-10-25T00:30:00Z", "2026-10-25T01:00:00Z", "2026-10-25T01:30:00Z", "2026-10-25T02:00:00Z"));
        }
    }

    @Nested
    class Sydney {

        private static final String ZONE = "Australia/Sydney";

        @Test
        void fixedTimeJobRunsOnceWhenTheHourRepeatsInApril() {
            assertThat(next("30 2 * * *", ZONE, "2026-04-04T00:00:00Z", 2)).isEqualTo(instants(
                    "2026-04-04T15:30:00Z", // 5 April 02:30 AEDT
                    "2026-04-05T16:30:00Z")); // 6 April 02:30 AEST
        }

        @Test
        void wildcardJobRunsTwiceInTheRepeatedHour() {
            assertThat(next("30 * * * *", ZONE, "2026-04-04T15:00:00Z", 3)).isEqualTo(instants(
                    "2026-04-04T15:30:00Z", // 02:30 AEDT
                    "2026-04-04T16:30:00Z", // 02:30 AEST
                    "2026-04-04T17:30:00Z")); // 03:30 AEST
        }

        @Test
        void fixedTimeJobInTheSkippedHourRunsAtTheJumpInOctober() {
            assertThat(next("30 2 * * *", ZONE, "2026-10-03T00:00:00Z", 2)).isEqualTo(instants(
                    "2026-10-03T16:00:00Z", // 4 October 03:00 AEDT
                    "2026-10-04T15:30:00Z")); // 5 October 02:30 AEDT
        }

        @Test
        void wildcardJobInTheSkippedHourDoesNotRun() {
            assertThat(next("*/30 2 * * *", ZONE, "2026-10-03T00:00:00Z", 2)).isEqualTo(instants(
                    "2026-10-04T15:00:00Z", "2026-10-04T15:30:00Z"));
        }
    }

    @Test
    void halfHourTransitionsAreHandledLikeFullHours() {
        // Lord Howe Island moves its clocks by 30 minutes: 4 October 02:00 becomes 02:30 (+11:00).
        assertThat(next("15 2 * * *", "Australia/Lord_Howe", "2026-10-03T00:00:00Z", 2)).isEqualTo(instants(
                "2026-10-03T15:30:00Z", "2026-10-04T15:15:00Z"));
    }

    @Test
    void aSkippedDayIsNotCaughtUp() {
        // Samoa skipped 30 December 2011 (midnight -10:00 became midnight +14:00 a day later). Debian
        // treats a jump of three hours or more as the clock being set, so the day's job never runs.
        assertThat(next("0 12 * * *", "Pacific/Apia", "2011-12-29T12:00:00Z", 2)).isEqualTo(instants(
                "2011-12-29T22:00:00Z", // 29 December 12:00 -10:00
                "2011-12-30T22:00:00Z")); // 31 December 12:00 +14:00
    }

    @Test
    void aJobWhoseOnlyTimesFallIntoGapsIsReported() {
        // Wildcard job at 02:xx on the second Sunday of March: that hour never exists in New York.
        CronExpression expression = CronExpression.parse("*/30 2 8-14 3 */7");

        assertThatThrownBy(() -> expression.nextAfter(Instant.parse("2026-01-01T00:00:00Z"),
                ZoneId.of("America/New_York")))
                .isInstanceOf(InvalidScheduleException.class)
                .hasMessage("\"*/30 2 8-14 3 */7\" does not fire in America/New_York within 400 years after"
                        + " 2026-01-01T00:00:00Z (all its times fall into daylight-saving gaps)");
        // In UTC the same job is fine.
        assertThat(expression.nextAfter(Instant.parse("2026-01-01T00:00:00Z"), ZoneId.of("UTC")))
                .isEqualTo(Instant.parse("2026-03-08T02:00:00Z"));
    }
}
