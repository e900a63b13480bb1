package dev.vigil.provisioning.task;

import dev.vigil.provisioning.config.Crontab;
import dev.vigil.provisioning.inventory.UserCrontabLine;
import dev.vigil.provisioning.remote.CommandResult;
import dev.vigil.provisioning.remote.RemoteCommandException;
import dev.vigil.provisioning.remote.Shell;
import dev.vigil.schedule.InvalidScheduleException;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A user's whole crontab, owned by provisioning (edits on the server are overwritten, and shown as a diff first
 * in the plan). The table is a {@link Crontab}, whose jobs are checked with Vigil's own cron parser when it is
 * made, so a bad schedule fails before any server is touched. Needs the cron package.
 */
public record UserCrontab(String user, Crontab table) implements Task {

    static final Crontab.Comment HEADER = Crontab.Comment.of("Managed by 'ops provision': changes made here are "
            + "overwritten.");

    public UserCrontab {
        if (table.kind() != Crontab.Kind.USER) {
            throw new IllegalArgumentException("the crontab of " + user + " is a user's crontab, not a system one");
        }
    }

    /** From lines as an operator writes them (the inventory's {@code root_crontab}). */
    public UserCrontab(String user, List<String> lines) {
        this(user, parse(user, lines));
    }

    /** Every line is checked with the one crontab-line rule the inventory loader uses too. */
    private static Crontab parse(String user, List<String> lines) {
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            try {
                UserCrontabLine.check(line); // jobs, NAME=value lines and comments
            } catch (InvalidScheduleException e) {
                throw new IllegalArgumentException("crontab of " + user + ", line " + (i + 1) + " (\"" + line
                        + "\"): " + e.getMessage(), e);
            }
        }
        return Crontab.ofUserLines(lines);
    }

    @Override
    public String name() {
        return "crontab of " + user;
    }

    public String rendered() {
        return table.under(HEADER).render();
    }

    @Override
    public Plan plan(TaskContext context) {
        CommandResult current = context.host().run("crontab -l -u " + Shell.quote(user));
        String before;
        if (current.ok()) {
            before = current.out();
        } else if (current.exitStatus() == 127 || current.err().contains("no crontab")) {
            before = "";
        } else {
            throw new RemoteCommandException(context.host().name() + ": cannot read the crontab of " + user + " ("
                    + current.summary() + ")");
        }
        String wanted = rendered();
        if (before.equals(wanted)) {
            return Plan.none();
        }
        Plan plan = Plan.of("installed " + table.lines().size() + " lines", () -> {
            CommandResult r = context.host().run("crontab -u " + Shell.quote(user) + " -",
                    wanted.getBytes(StandardCharsets.UTF_8), context.host().defaultTimeout());
            if (!r.ok()) {
                throw new IllegalStateException("crontab refused the table (" + r.summary() + ")");
            }
        }).withDiff(TextDiff.unified(current.ok() ? "crontab of " + user + " (on server)" : "/dev/null",
                "crontab of " + user + " (wanted)", before, wanted));
        // on a fresh host cron comes with an earlier task of the same run
        return current.exitStatus() == 127 ? plan.blockedBy("cron is not installed") : plan;
    }
}
