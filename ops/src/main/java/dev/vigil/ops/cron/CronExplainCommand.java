package dev.vigil.ops.cron;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.util.List;
import java.util.concurrent.Callable;

/** {@code ops cron explain}: an expression in plain English. */
@Command(name = "explain",
        description = "Describe EXPRESSION in plain English, e.g. \"At 06:08 every day\".",
        footer = {"", "Examples:", "  ops cron explain '*/15 9-17 * * MON-FRI'",
                "  ops cron explain 'Sat,Sun *-*~01 10:00'"})
public final class CronExplainCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..5", paramLabel = "EXPRESSION",
            description = "The cron or OnCalendar expression, quoted (or its fields as separate words).")
    List<String> words;

    @Override
    public Integer call() {
        spec.commandLine().getOut().println(CronExpressionWords.parse(words, spec).describe());
        spec.commandLine().getOut().flush();
        return 0;
    }
}
