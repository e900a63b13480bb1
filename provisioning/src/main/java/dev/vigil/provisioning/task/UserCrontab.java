package dev.vigil.provisioning.task;

import dev.vigil.provisioning.remote.CommandResult;
import dev.vigil.provisioning.remote.RemoteCommandException;
import dev.vigil.provisioning.remote.Shell;
import dev.vigil.schedule.CrontabLine;
import dev.vigil.schedule.InvalidScheduleException;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A user's whole crontab, owned by provisioning (edits on the server are overwritten, and shown as a diff first
 * in the plan). Every job line is validated with Vigil's own cron parser (Debian semantics) when the task is
 * built, so a bad schedule fails before any server is touched. Needs the cron package.
 */
public record UserCrontab(String user, List<String> lines) implements Task {

    static final String HEADER = "# Managed by 'ops provision': changes made here are overwritten.\n";

    public UserCrontab {
        lines = List.copyOf(lines);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank() || line.strip().startsWith("#") || line.matches("^[A-Za-z_][A-Za-z0-9_]*\\s*=.*")) {
                continue; // comments and VAR=value lines are allowed as they are
            }
            try {
                CrontabLine.parse(line);
            } catch (InvalidScheduleException e) {
                throw new IllegalArgumentException("crontab of " + user + ", line " + (i + 1) + " (\"" + line
                        + "\"): " + e.getMessage(), e);
            }
        }
    }

    @Override
    public String name() {
        return "crontab of " + user;
    }

    public String rendered() {
        StringBuilder b = new StringBuilder(HEADER);
        lines.forEach(l -> b.append(l).append('\n'));
        return b.toString();
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
        Plan plan = Plan.of("installed " + lines.size() + " lines", () -> {
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
