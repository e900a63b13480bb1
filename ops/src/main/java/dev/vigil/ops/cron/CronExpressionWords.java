package dev.vigil.ops.cron;

import dev.vigil.schedule.ScheduleExpression;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

import java.util.List;

/** The expression as typed (cron or OnCalendar): one quoted argument, or its fields as separate words. */
final class CronExpressionWords {

    private CronExpressionWords() {
    }

    /** Parses the words, turning a validation error into a one-line usage error (exit status 2). */
    static ScheduleExpression parse(List<String> words, CommandSpec spec) {
        try {
            return ScheduleExpression.parse(String.join(" ", words));
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
    }
}
