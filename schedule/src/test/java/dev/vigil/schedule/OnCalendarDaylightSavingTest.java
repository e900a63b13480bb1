package dev.vigil.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * systemd's rule around daylight-saving changes, in several zones: a local time that does not exist is skipped (no
 * catch-up, unlike Debian cron's fixed-time jobs), and a local time that happens twice elapses once, at its first
 * occurrence, for every expression (no second run, unlike cron's wildcard jobs). The expectations were checked with
 * systemd-analyze 252 except Dublin's, where systemd differs (see docs/schedules.md).
 */
class OnCalendarDaylightSavingTest {

    private static List<Instant> next(String expression, String zone, String after, int count) {
        return OnCalendarExpression.parse(expression).nextTimes(Instant.parse(after), ZoneId.of(zone), count);
    }

    private static List<Instant> instants(String... isoInstants) {
        return Arrays.stream(isoInstants).map(Instant::parse).toList();
    }

    @Test
    void newYorkSkipsTheMissingHourAndRunsTheRepeatedOneOnce() {
        // 8 March 2026: 02:00 EST (07:00Z) becomes 03:00 EDT.
        assertThat(next("*-*-* 02:30", "America/New_York", "2026-03-07T12:00:00Z", 2)).isEqualTo(instants(
                "2026-03-09T06:30:00Z", "2026-03-10T06:30:00Z"));
        assertThat(next("*:0/30", "America/New_York", "2026-03-08T06:10:00Z", 3)).isEqualTo(instants(
                "2026-03-08T06:30:00Z", "2026-03-08T07:00:00Z", "2026-03-08T07:30:00Z"));
        // 1 November 2026: 02:00 EDT (06:00Z) becomes 01:00 EST; 01:xx happens twice.
        assertThat(next("*-*-* 01:30", "America/New_York", "2026-11-01T04:00:00Z", 2)).isEqualTo(instants(
                "2026-11-01T05:30:00Z", "2026-11-02T06:30:00Z"));
        assertThat(next("*:0/15", "America/New_York", "2026-11-01T05:40:00Z", 3)).isEqualTo(instants(
                "2026-11-01T05:45:00Z", "2026-11-01T07:00:00Z", "2026-11-01T07:15:00Z"));
    }

    @Test
    void aSearchThatStartsInTheRepeatedStretchStaysInIt() {
        // 01:10 EST is the second 01:10 of the night; 01:15 EST follows it.
        assertThat(next("*:0/15", "America/New_York", "2026-11-01T06:10:00Z", 2)).isEqualTo(instants(
                "2026-11-01T06:15:00Z", "2026-11-01T06:30:00Z"));
    }

    @Test
    void lordHoweSkipsHalfAnHour() {
        // 4 October 2026: 02:00 +10:30 (3 October 15:30Z) becomes 02:30 +11.
        assertThat(next("*-*-* 02:20,40", "Australia/Lord_Howe", "2026-10-03T15:00:00Z", 3)).isEqualTo(instants(
                "2026-10-03T15:40:00Z", "2026-10-04T15:20:00Z", "2026-10-04T15:40:00Z"));
        // 5 April 2026: 02:00 +11 (4 April 15:00Z) becomes 01:30 +10:30; 01:30-01:59 happens twice.
        assertThat(next("*-*-* 01:45", "Australia/Lord_Howe", "2026-04-04T14:00:00Z", 2)).isEqualTo(instants(
                "2026-04-04T14:45:00Z", "2026-04-05T15:15:00Z"));
    }

    @Test
    void sydneyAndChatham() {
        // Sydney, 4 October 2026: 02:00 AEST (3 October 16:00Z) becomes 03:00 AEDT.
        assertThat(next("Sun *-*-* 02:30", "Australia/Sydney", "2026-09-30T00:00:00Z", 1)).isEqualTo(instants(
                "2026-10-10T15:30:00Z"));
        // Chatham, 5 April 2026: 03:45 +13:45 (4 April 14:00Z) becomes 02:45 +12:45.
        assertThat(next("*-*-* 03:00", "Pacific/Chatham", "2026-04-04T12:00:00Z", 2)).isEqualTo(instants(
                "2026-04-04T13:15:00Z", "2026-04-05T14:15:00Z"));
    }

    @Test
    void dublinSkipsOnlyTheMissingTimes() {
        // 29 March 2026: 01:00 GMT (01:00Z) becomes 02:00 IST. systemd 252 on Debian skips the rest of that day
        // for this expression (glibc resolves the missing 01:00 backwards); Vigil keeps 02:00 and 03:00.
        assertThat(next("*-*-* 01,02,03:00", "Europe/Dublin", "2026-03-28T20:00:00Z", 3)).isEqualTo(instants(
                "2026-03-29T01:00:00Z", "2026-03-29T02:00:00Z", "2026-03-30T00:00:00Z"));
        // 25 October 2026: 02:00 IST (01:00Z) becomes 01:00 GMT.
        assertThat(next("*-*-* 01:30", "Europe/Dublin", "2026-10-24T12:00:00Z", 2)).isEqualTo(instants(
                "2026-10-25T00:30:00Z", "2026-10-26T01:30:00Z"));
    }

    @Test
    void eachLineMayNameItsZoneAndTheEarliestLineWins() {
        OnCalendarExpression e = OnCalendarExpression.parse("*-*-* 09:00 Europe/Riga\n*-*-* 09:00 America/New_York");
        assertThat(e.nextTimes(Instant.parse("2026-06-01T00:00:00Z"), ZoneId.of("UTC"), 3)).isEqualTo(instants(
                "2026-06-01T06:00:00Z", "2026-06-01T13:00:00Z", "2026-06-02T06:00:00Z"));
    }
}
