package dev.vigil.ops.cron;

import dev.vigil.ops.OpsInProcess;
import org.junit.jupiter.api.Test;


import static org.assertj.core.api.Assertions.assertThat;

class CronCommandTest {

    private final OpsInProcess cli = new OpsInProcess();

    private int ops(String... args) {
        return cli.run(args);
    }

    @Test
    void nextFollowsDebianAcrossSpringForwardInNewYork() {
        int status = ops("cron", "next", "30 2 * * *", "--tz", "America/New_York",
                "--from", "2026-03-07T12:00-05:00", "--count", "3");
        assertThat(status).isZero();
        assertThat(cli.out()).isEqualTo(String.join(System.lineSeparator(),
                "2026-03-08T03:00:00-04:00", // 02:30 does not exist that night: the job runs right after the jump
                "2026-03-09T02:30:00-04:00",
                "2026-03-10T02:30:00-04:00", ""));
        assertThat(cli.err()).isEmpty();
    }

    @Test
    void nextRunsAFixedTimeJobOnceInTheRepeatedHourInDublin() {
        int status = ops("cron", "next", "30 1 * * *", "--tz", "Europe/Dublin",
                "--from", "2026-10-24T12:00+01:00", "--count", "2");
        assertThat(status).isZero();
        assertThat(cli.out()).isEqualTo(String.join(System.lineSeparator(),
                "2026-10-25T01:30:00+01:00", "2026-10-26T01:30:00Z", ""));
    }

    @Test
    void fieldsMayComeAsSeparateWords() {
        assertThat(ops("cron", "next", "0", "0", "1", "1", "*", "--from", "2026-06-01T00:00Z", "--count", "1"))
                .isZero();
        assertThat(cli.out().trim()).isEqualTo("2027-01-01T00:00:00Z");
    }

    @Test
    void explainDescribesTheExpression() {
        assertThat(ops("cron", "explain", "8 6 * * *")).isZero();
        assertThat(cli.out().trim()).isEqualTo("At 06:08 every day");
    }

    @Test
    void invalidExpressionIsOneLineOnStderrWithStatus2() {
        assertThat(ops("cron", "next", "*/0 * * * *")).isEqualTo(2);
        assertThat(cli.out()).isEmpty();
        assertThat(cli.err().lines()).singleElement().satisfies(line ->
                assertThat(line).startsWith("error: minute field: step").endsWith("(see 'ops cron next --help')"));
    }

    @Test
    void unknownZoneIsAUsageError() {
        assertThat(ops("cron", "next", "@daily", "--tz", "Mars/Olympus_Mons")).isEqualTo(2);
        assertThat(cli.err()).isEqualTo("error: Invalid value for option '--tz': unknown time zone "
                + "\"Mars/Olympus_Mons\" (expected an IANA name such as Europe/Dublin or UTC) "
                + "(see 'ops cron next --help')\n");
    }

    @Test
    void fromWithoutOffsetIsAUsageError() {
        assertThat(ops("cron", "next", "@daily", "--from", "2026-01-01T00:00")).isEqualTo(2);
        assertThat(cli.err()).isEqualTo("error: Invalid value for option '--from': \"2026-01-01T00:00\" is not an "
                + "ISO-8601 time with offset, like 2026-03-08T01:30-05:00 or 2026-03-08T06:30Z "
                + "(see 'ops cron next --help')\n");
    }

    @Test
    void countIsBounded() {
        assertThat(ops("cron", "next", "@hourly", "--count", "0")).isEqualTo(2);
        assertThat(cli.err()).contains("--count must be from 1 to 1000");
    }

    @Test
    void helpTeachesWithExamples() {
        assertThat(ops("cron", "next", "--help")).isZero();
        assertThat(cli.out()).contains("--tz", "--from", "--count", "Examples:", "America/New_York");
    }
}
