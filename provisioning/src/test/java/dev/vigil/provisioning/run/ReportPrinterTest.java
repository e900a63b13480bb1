package dev.vigil.provisioning.run;

import dev.vigil.provisioning.task.TaskResult;
import dev.vigil.provisioning.task.TaskStatus;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class ReportPrinterTest {

    private static final HostReport APP1 = new HostReport("app1", List.of(
            new TaskResult("packages installed: cron", TaskStatus.OK, "", Optional.empty()),
            new TaskResult("file /etc/x", TaskStatus.CHANGED, "content", Optional.of("--- a\n+++ b\n@@ -1 +1 @@\n-1\n+2\n")),
            new TaskResult("service x.service", TaskStatus.FAILED, "start failed", Optional.empty())),
            Optional.empty(), Duration.ofMillis(1234));
    private static final HostReport GONE = new HostReport("gone", List.of(), Optional.of("cannot connect"),
            Duration.ofSeconds(3));

    @Test
    void oneBlockPerHostThenASummary() {
        StringWriter out = new StringWriter();
        ReportPrinter printer = new ReportPrinter(new PrintWriter(out), false, false);
        printer.host(APP1);
        printer.host(GONE);
        printer.summary(List.of(APP1, GONE));
        assertThat(out.toString()).isEqualTo("""
                == app1
                  changed      file /etc/x: content
                      --- a
                      +++ b
                      @@ -1 +1 @@
                      -1
                      +2
                  FAILED       service x.service: start failed
                  app1: 1 ok, 1 changed, 1 failed (1.2 s)
                == gone
                  FAILED       cannot connect
                  gone: 0 ok, 0 changed, 1 failed (3.0 s)
                2 hosts, 1 tasks changed, 2 hosts failed: app1, gone
                """);
    }

    @Test
    void aDryRunSaysWouldChangeAndVerboseListsUnchangedTasks() {
        StringWriter out = new StringWriter();
        new ReportPrinter(new PrintWriter(out), true, true).host(APP1);
        assertThat(out.toString()).startsWith("== app1 (dry run: nothing is changed)\n  ok           packages installed: cron\n")
                .contains("  would change file /etc/x: content\n", "1 would change");
    }

    @Test
    void uptimeIsShort() {
        assertThat(Workflows.uptime(Duration.ofMinutes(75))).isEqualTo("1h 15m");
        assertThat(Workflows.uptime(Duration.ofHours(50))).isEqualTo("2d 2h");
    }
}
