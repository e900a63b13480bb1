package dev.vigil.ops.run;

import dev.vigil.backup.RetryPolicy;
import dev.vigil.backup.cron.CronOptions;
import dev.vigil.backup.cron.CronResult;
import dev.vigil.backup.cron.CronWrapper;
import dev.vigil.backup.ping.VigilCheck;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code ops run --ping-url URL -- COMMAND...}: any crontab line wrapped in a Vigil check. Exits with the
 * command's own status (124 on timeout, 127 when it cannot be started), whatever happened to the pings.
 */
@Command(name = "run",
        modelTransformer = RunCommand.StopAtCommand.class,
        description = {"Run COMMAND under a Vigil check: ping URL/start, run it with its output passed through, "
                + "then ping URL on exit status 0 or URL/<status> otherwise, with the end of its output "
                + "(stdout and stderr) as the body.",
                "Exits with the command's status; 124 if it outlived --timeout (it gets SIGTERM, then SIGKILL "
                + "10 s later, with its whole process tree; the check gets URL/fail), 127 if it cannot be started. "
                + "A ping that cannot be delivered is retried, then reported on stderr; it never changes the "
                + "exit status."},
        footer = {"", "Examples:",
                "  ops run --ping-url https://vigil.example.com/ping/5a9f... --timeout 600 \\",
                "      -- vacuumdb --all --analyze",
                "  ops run --ping-url \"$VIGIL_PRUNE_PING_URL\" \\",
                "      -- ops backup prune --keep-days 60 --keep-min 7",
                "",
                "Put '--' before COMMAND so that its own options are not read as options of ops run.",
                "Details: docs/backups.md (run any job under a check)"})
public final class RunCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--ping-url", required = true, paramLabel = "URL",
            description = "The check's ping URL, e.g. https://vigil.example.com/ping/5a9f...")
    String pingUrl;

    @Option(names = "--timeout", paramLabel = "DURATION",
            description = "Kill the command after this long and exit 124: seconds, or with a unit (90s, 10m, 2h) "
                    + "(default: no limit).")
    Duration timeout;

    @Option(names = "--body-limit", paramLabel = "BYTES", defaultValue = "" + VigilCheck.DEFAULT_BODY_LIMIT,
            description = "How many bytes of the output's end go into the ping body (default: ${DEFAULT-VALUE}).")
    int bodyLimit;

    @Parameters(arity = "1..*", paramLabel = "COMMAND", description = "The command and its arguments.")
    List<String> command;

    @Override
    public Integer call() {
        if (timeout != null && timeout.compareTo(Duration.ofSeconds(1)) < 0) {
            throw usage("--timeout must be at least 1 second, not " + timeout.toMillis() + " ms");
        }
        if (bodyLimit < 0) {
            throw usage("--body-limit must be 0 or more, not " + bodyLimit);
        }
        VigilCheck check;
        try {
            check = VigilCheck.at(URI.create(pingUrl), RetryPolicy.DEFAULT, System.err::println);
        } catch (IllegalArgumentException e) {
            throw usage("--ping-url must be an http(s) URL, not \"" + pingUrl + "\"");
        }
        CronOptions options = CronOptions.defaults().withBodyLimit(bodyLimit);
        if (timeout != null) {
            options = options.withTimeout(timeout);
        }
        CronResult result = new CronWrapper(check, options).run(command);
        return result.exitStatus();
    }

    private CommandLine.ParameterException usage(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }

    /** Everything from the first word of COMMAND on belongs to the command, even without '--'. */
    public static final class StopAtCommand implements CommandLine.IModelTransformer {
        @Override
        public CommandSpec transform(CommandSpec commandSpec) {
            commandSpec.parser().stopAtPositional(true);
            return commandSpec;
        }
    }
}
