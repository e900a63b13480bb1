package dev.vigil.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CrontabLineTest {

    @Test
    void splitsAUserCrontabLineIntoScheduleAndCommand() {
        CrontabLine line = CrontabLine.parse("*/5 * * * *   /usr/local/bin/backup.sh --quiet  >/dev/null 2>&1");

        assertThat(line.schedule()).isEqualTo(CronExpression.parse("*/5 * * * *"));
        assertThat(line.user()).isEmpty();
        assertThat(line.command()).isEqualTo("/usr/local/bin/backup.sh --quiet  >/dev/null 2>&1");
    }

    @Test
    void acceptsAliasesAndTabs() {
        CrontabLine line = CrontabLine.parse("@daily\tcurl -fsS https://vigil.example/ping/abc");

        assertThat(line.schedule().text()).isEqualTo("@daily");
        assertThat(line.command()).isEqualTo("curl -fsS https://vigil.example/ping/abc");
    }

    @Test
    void keepsTheCommandAsWritten() {
        CrontabLine line = CrontabLine.parse("0 1 * * * echo \"é %d\" | mail -s ok root  ");

        assertThat(line.command()).isEqualTo("echo \"é %d\" | mail -s ok root");
    }

    @Test
    void systemCrontabLinesNameTheUser() {
        CrontabLine line = CrontabLine.parseSystem("17 * * * * root cd / && run-parts --report /etc/cron.hourly");

        assertThat(line.schedule()).isEqualTo(CronExpression.parse("17 * * * *"));
        assertThat(line.user()).contains("root");
        assertThat(line.command()).isEqualTo("cd / && run-parts --report /etc/cron.hourly");
        assertThat(line).hasToString("17 * * * * root cd / && run-parts --report /etc/cron.hourly")
                .isEqualTo(CrontabLine.parseSystem("17 * * * *  root  cd / && run-parts --report /etc/cron.hourly"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', textBlock = """
        ''                      | line is empty
        '   '                   | line is empty
        # m h dom mon dow cmd   | line is a comment, not a job
        MAILTO=ops@example.com  | line sets an environment variable, not a job
        PATH = /usr/bin:/bin    | line sets an environment variable, not a job
        */5 * * * *             | missing command after the schedule
        @hourly                 | missing command after the schedule
        */5 * * *               | invalid schedule: expected 5 fields (minute hour day-of-month month day-of-week), got 4
        61 * * * * run          | invalid schedule: minute field: value 61 is out of range 0-59
        5 4 * * echo hi         | invalid schedule: day-of-week field: unknown name "echo"
        @reboot /usr/bin/start  | invalid schedule: @reboot has no schedule to monitor
        """)
    void rejectsLinesThatAreNotJobsWithAClearMessage(String text, String message) {
        assertThatThrownBy(() -> CrontabLine.parse(text))
                .isInstanceOf(InvalidScheduleException.class)
                .hasMessage(message);
    }

    @Test
    void rejectsSystemLinesWithoutUserOrCommand() {
        assertThatThrownBy(() -> CrontabLine.parseSystem("0 0 * * *"))
                .isInstanceOf(InvalidScheduleException.class)
                .hasMessage("missing user and command after the schedule");
        assertThatThrownBy(() -> CrontabLine.parseSystem("0 0 * * * root"))
                .isInstanceOf(InvalidScheduleException.class)
                .hasMessage("missing command after the user");
    }

    @Test
    void rejectsMoreThanOneLineAndOverlongLines() {
        assertThatThrownBy(() -> CrontabLine.parse("0 0 * * * a\n0 1 * * * b"))
                .isInstanceOf(InvalidScheduleException.class)
                .hasMessage("line contains a line break; pass one crontab line at a time");
        assertThatThrownBy(() -> CrontabLine.parse("0 0 * * * " + "x".repeat(5_000)))
                .isInstanceOf(InvalidScheduleException.class)
                .hasMessage("line is too long (5010 characters, at most 4096)");
    }
}
