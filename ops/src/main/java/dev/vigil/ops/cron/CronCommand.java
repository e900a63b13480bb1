package dev.vigil.ops.cron;

import picocli.CommandLine.Command;

/** {@code ops cron}: try cron expressions exactly as Vigil (and Debian's cron) read them. */
@Command(name = "cron",
        description = "Check cron expressions: when they fire and what they mean.",
        synopsisSubcommandLabel = "COMMAND",
        subcommands = {CronNextCommand.class, CronExplainCommand.class},
        footer = {"", "Expressions have five fields (minute hour day-of-month month day-of-week) or are one of "
                + "@hourly @daily @midnight @weekly @monthly @yearly @annually. Quote them: the shell expands *.",
                "Details: docs/schedules.md"})
public final class CronCommand {
}
