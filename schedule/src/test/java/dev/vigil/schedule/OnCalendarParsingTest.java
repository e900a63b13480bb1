package dev.vigil.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class OnCalendarParsingTest {

    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z"); // a Thursday

    private static List<Instant> next(String expression, int count) {
        return OnCalendarExpression.parse(expression).nextTimes(START, ZoneOffset.UTC, count);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "*-*-* 09:00                | 2026-01-01T09:00:00Z | 2026-01-02T09:00:00Z",
            "Mon..Fri *-*-* 02:30:00    | 2026-01-01T02:30:00Z | 2026-01-02T02:30:00Z",
            "Sat,Sun 10:00              | 2026-01-03T10:00:00Z | 2026-01-04T10:00:00Z",
            "mon-wed,fri,               | 2026-01-02T00:00:00Z | 2026-01-05T00:00:00Z",
            "Thursday *-*-* 23:59:59    | 2026-01-01T23:59:59Z | 2026-01-08T23:59:59Z",
            "*:0/15                     | 2026-01-01T00:15:00Z | 2026-01-01T00:30:00Z",
            "*:*:0/20                   | 2026-01-01T00:00:20Z | 2026-01-01T00:00:40Z",
            "*-*-* *:*/10               | 2026-01-01T00:10:00Z | 2026-01-01T00:20:00Z",
            "*-*~01                     | 2026-01-31T00:00:00Z | 2026-02-28T00:00:00Z",
            "*-02~03                    | 2026-02-26T00:00:00Z | 2027-02-26T00:00:00Z",
            "*-*~7/2 12:00              | 2026-01-25T12:00:00Z | 2026-01-27T12:00:00Z",
            "*-*-1,15 06:00             | 2026-01-01T06:00:00Z | 2026-01-15T06:00:00Z",
            "2026-03-05 05:40           | 2026-03-05T05:40:00Z | ",
            "26-12-31                   | 2026-12-31T00:00:00Z | ",
            "12-24 18:00                | 2026-12-24T18:00:00Z | 2027-12-24T18:00:00Z",
            "daily                      | 2026-01-02T00:00:00Z | 2026-01-03T00:00:00Z",
            "WEEKLY                     | 2026-01-05T00:00:00Z | 2026-01-12T00:00:00Z",
            "quarterly                  | 2026-04-01T00:00:00Z | 2026-07-01T00:00:00Z",
            "minutely                   | 2026-01-01T00:01:00Z | 2026-01-01T00:02:00Z",
            "*-*-* 9..17/4:00           | 2026-01-01T09:00:00Z | 2026-01-01T13:00:00Z",
            "12:00 Europe/Riga          | 2026-01-01T10:00:00Z | 2026-01-02T10:00:00Z",
            "12:00 utc                  | 2026-01-01T12:00:00Z | 2026-01-02T12:00:00Z",
            "*-*-* *:50/10              | 2026-01-01T00:50:00Z | 2026-01-01T01:50:00Z",
    })
    void elapses(String expression, String first, String second) {
        if (second == null) {
            assertThat(next(expression, 1)).containsExactly(Instant.parse(first));
            assertThatThrownBy(() -> next(expression, 2)).isInstanceOf(InvalidScheduleException.class)
                    .hasMessageContaining("does not elapse");
        } else {
            assertThat(next(expression, 2)).containsExactly(Instant.parse(first), Instant.parse(second));
        }
    }

    @Test
    void severalLinesElapseAtTheEarliest() {
        assertThat(next("Mon 09:00\n  *-*-01 12:00  \nFri 17:00", 3)).containsExactly(
                Instant.parse("2026-01-01T12:00:00Z"), Instant.parse("2026-01-02T17:00:00Z"),
                Instant.parse("2026-01-05T09:00:00Z"));
        assertThat(OnCalendarExpression.parse(" Mon 09:00\r\n*-*-01 12:00 ").text()).isEqualTo("Mon 09:00\n*-*-01 12:00");
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
            "''                        | expression is empty",
            "*-*-* 24:00               | hour field: value 24 is out of range 0..23",
            "*-*-* 9:60                | minute field: value 60 is out of range 0..59",
            "*-13-01                   | month field: value 13 is out of range 1..12",
            "*-*~29                    | day field: value 29 is out of range 1..28 (counted from the end of the month)",
            "*-*-* 12:00:00.5          | second field: \"00.5\": fractions are not supported",
            "*:0/0                     | minute field: \"0/0\": the repetition must be a positive number",
            "*:0/60                    | minute field: \"0/60\": repetition 60 is larger than the field's range 0..59",
            "Fri..Mon                  | weekdays \"Fri..Mon\": range is reversed (weeks run Monday to Sunday)",
            "Mun 10:00                 | weekdays \"Mun\": unknown day \"Mun\" (Mon, Tue, ... or Monday, ...)",
            "Mon,,Tue                  | weekdays \"Mon,,Tue\": empty item in the list",
            "*-*-~5                    | date \"*-*-~5\" must be year-month-day or month-day",
            "*~02-03                   | date \"*~02-03\": ~ separates the month from the day, and only once",
            "1-2-3-4                   | date \"1-2-3-4\" must be year-month-day or month-day",
            "12:00:00:00               | time \"12:00:00:00\" must be hour:minute or hour:minute:second",
            "Mon 2026-01-01 12:00 x y  | expected at most weekdays, a date and a time (and a time zone), got 5 words",
            "*-*-* 12:00 Mars/Olympus  | unknown time zone \"Mars/Olympus\" (expected an IANA name such as Europe/Riga, or UTC)",
            "Mon Tue 12:00             | \"Tue\" is neither weekdays, a date, a time nor a time zone",
            "*-*-* 5..1:00             | hour field: range 5..1 is reversed",
            "@1700000000               | weekdays \"@1700000000\": unknown day \"@1700000000\" (Mon, Tue, ... or Monday, ...)",
    })
    void refuses(String expression, String message) {
        assertThatThrownBy(() -> OnCalendarExpression.parse(expression))
                .isInstanceOf(InvalidOnCalendarExpressionException.class).hasMessage(message);
    }

    @Test
    void namesTheLineAtFault() {
        assertThatThrownBy(() -> OnCalendarExpression.parse("daily\n*-*-* 25:00"))
                .hasMessage("line 2: hour field: value 25 is out of range 0..23");
        assertThatThrownBy(() -> OnCalendarExpression.parse("daily\n\nweekly")).hasMessage("line 2: empty line");
    }

    @Test
    void hostileInputIsRefusedCheaply() {
        assertThatThrownBy(() -> OnCalendarExpression.parse("*".repeat(1_001)))
                .hasMessage("expression is too long (1001 characters, at most 1000)");
        assertThatThrownBy(() -> OnCalendarExpression.parse("daily\n".repeat(51)))
                .hasMessage("too many lines (51, at most 50)");
        assertThatThrownBy(() -> OnCalendarExpression.parse("daily\u0000"))
                .hasMessage("expression contains a control character (U+0000) at position 6");
        assertThatThrownBy(() -> OnCalendarExpression.parse("*:" + "9".repeat(40)))
                .hasMessageStartingWith("minute field: value 9999");
        // Never elapses: the search ends at 2199, after a bounded number of steps.
        assertThatThrownBy(() -> next("Mon *-02-30 *:*:*", 1)).hasMessageContaining("does not elapse");
        assertThatThrownBy(() -> next("2199-2-29", 1)).hasMessageContaining("does not elapse");
    }

    @Test
    void decidesBetweenCronAndOnCalendarAsHealthchecksDoes() {
        assertThat(ScheduleSyntax.of("0 9 * * 1-5")).isEqualTo(ScheduleSyntax.CRON);
        assertThat(ScheduleSyntax.of("  */5\t* * * *  ")).isEqualTo(ScheduleSyntax.CRON);
        assertThat(ScheduleSyntax.of("@daily")).isEqualTo(ScheduleSyntax.CRON);
        assertThat(ScheduleSyntax.of("daily")).isEqualTo(ScheduleSyntax.ONCALENDAR);
        assertThat(ScheduleSyntax.of("Mon *-*-* 09:00 Europe/Riga")).isEqualTo(ScheduleSyntax.ONCALENDAR);
        assertThat(ScheduleSyntax.of("0 9 * * 1\n0 10 * * 2")).isEqualTo(ScheduleSyntax.ONCALENDAR);
    }

    @Test
    void describesInEnglish() {
        assertThat(OnCalendarExpression.parse("Mon..Fri *-*-* 02:30:00").describe())
                .isEqualTo("At 02:30 on Monday through Friday");
        assertThat(OnCalendarExpression.parse("*:0/15").describe()).isEqualTo("Every 15 minutes");
        assertThat(OnCalendarExpression.parse("*-*~01 12:00 Europe/Riga").describe())
                .isEqualTo("At 12:00 on the last day of the month (Europe/Riga time)");
        assertThat(OnCalendarExpression.parse("*-*-* 9..17:30").describe()).isEqualTo("At minute 30 past hour 9 through 17");
        assertThat(OnCalendarExpression.parse("quarterly\nSat,Sun 10:00:30").describe())
                .isEqualTo("At 00:00 on day 1 of the month in January, April, July and October; or At 10:00:30 on "
                        + "Saturday and Sunday");
    }
}
