package dev.vigil.ops.cron;

import picocli.CommandLine.Command;

/** {@code ops cron}: try cron and OnCalendar expressions exactly as Vigil (and Debian's cron, and systemd) read them. */
@Command(name = "cron",
        description = "Check cron expressions: when they fire and what they mean.",
        synopsisSubcommandLabel = "COMMAND",
        subcommands = {CronNextCommand.class, CronExplainCommand.class},
        footer = {"", "Cron expressions have five fields (minute hour day-of-month month day-of-week) or are one of "
                + "@hourly @daily @midnight @weekly @monthly @yearly @annually; anything else is read as systemd "
                + "OnCalendar events (one per line, e.g. 'Mon..Fri *-*-* 02:30'). Quote them: the shell expands *.",
                "Details: docs/schedules.md"})
public final class CronCommand {
}
