package dev.vigil.ops.cron;

import dev.vigil.schedule.CronExpression;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code ops cron next}: the next fire times of an expression in a time zone. */
@Command(name = "next",
        description = {"Print the next times EXPRESSION fires in time zone ZONE, one ISO-8601 timestamp with offset "
                + "per line.",
                "Daylight-saving changes are handled as Debian's cron does: a job at a fixed time that falls into "
                + "the skipped hour runs right after the jump; one in the repeated hour runs once."},
        footer = {"", "Examples:",
                "  ops cron next '30 2 * * *' --tz America/New_York --from 2026-03-07T12:00-05:00 --count 3",
                "  ops cron next '0 0 */2 * MON' --count 10"})
public final class CronNextCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..5", paramLabel = "EXPRESSION",
            description = "The cron expression, quoted (or its fields as separate words).")
    List<String> words;

    @Option(names = "--tz", paramLabel = "ZONE", defaultValue = "UTC",
            description = "IANA time zone the schedule runs in, e.g. Europe/Dublin (default: ${DEFAULT-VALUE}).")
    ZoneId zone;

    @Option(names = "--from", paramLabel = "TIME",
            description = "Start after this ISO-8601 time with offset, e.g. 2026-10-25T00:30+01:00 (default: now).")
    Instant from;

    @Option(names = "--count", paramLabel = "N", defaultValue = "5",
            description = "How many times to print, 1 to 1000 (default: ${DEFAULT-VALUE}).")
    int count;

    @Override
    public Integer call() {
        CronExpression expression = CronExpressionWords.parse(words, spec);
        if (count < 1 || count > 1000) {
            throw usage("--count must be from 1 to 1000, not " + count);
        }
        Instant start = from == null ? Instant.now() : from;
        PrintWriter out = spec.commandLine().getOut();
        for (Instant t : expression.nextTimes(start, zone, count)) {
            out.println(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(t.atZone(zone).toOffsetDateTime()));
        }
        out.flush();
        return 0;
    }

    private CommandLine.ParameterException usage(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }
}
